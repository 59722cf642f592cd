import JourneyLayout

/// The modules and their lessons, with what the learner has read and answered; Enter opens a lesson.
struct ContentsScreen: Screen {
    enum Action: Equatable, Sendable { case move(ListMove), open, close }

    static let keys = KeyMap<Action>([
        .init("Contents", ListMove.bindings.map { .init($0.keys, .move($0.action), $0.summary) } + [
            .init([.enter], .open, "open the selected lesson"),
            .init([.character("t")], .close, "close the contents"),
        ]),
    ])

    var selected: Int

    func title(_ context: Context) -> [String] { ["Contents"] }
    var help: [HelpSection] { Self.keys.help }
    func hints(_ context: Context) -> [String] { ["Enter open", "Esc close", "? help"] }

    mutating func handle(_ key: Key, _ context: inout Context) -> Reaction? {
        switch Self.keys.action(for: key) {
        case .move(let move):
            selected = move.applied(to: selected, count: context.lessons.count, page: context.bodyRows)
        case .open:
            context.go(toLesson: selected)
            return .close
        case .close: return .close
        case nil: return nil
        }
        return .stay
    }

    func render(into frame: inout Frame, area: Area, context: Context) {
        ListView.draw(rows(context), selected: selected, into: &frame, area: area)
    }

    /// Modules as headings with their progress; lessons with a mark when read, the current one marked.
    private func rows(_ context: Context) -> [ListRow] {
        let glyphs = context.glyphs
        let learner = context.learner
        var rows: [ListRow] = []
        var index = 0
        for (number, module) in context.course.modules.enumerated() {
            let read = module.lessons.filter { learner.read.contains($0.id) }.count
            let prompts = module.lessons.flatMap(\.prompts)
            let answered = prompts.filter { learner.answers[$0.id] != nil }.count
            var progress = "\(read)/\(module.lessons.count) read"
            if !prompts.isEmpty { progress += "\(glyphs.separator)\(answered)/\(prompts.count) answered" }
            rows.append(ListRow(spans: [Span("\(number + 1). \(VisibleText.prose(module.title))", .heading)],
                                trailing: [Span(progress, .meta)]))
            for lesson in module.lessons {
                let current = index == context.reader.lesson ? glyphs.currentMark : " "
                let mark = learner.read.contains(lesson.id) ? glyphs.readMark : " "
                let lessonAnswered = lesson.prompts.filter { learner.answers[$0.id] != nil }.count
                let trailing = lesson.prompts.isEmpty ? [] : [Span("\(lessonAnswered)/\(lesson.prompts.count) answered", .meta)]
                rows.append(ListRow(spans: [Span("  \(current) ", .marker), Span(mark + " ", .progress),
                                            Span(VisibleText.prose(lesson.title))],
                                    trailing: trailing, item: index))
                index += 1
            }
        }
        return rows
    }
}
