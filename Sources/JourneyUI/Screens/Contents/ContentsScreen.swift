import JourneyLayout

/// The modules and their lessons, with what the learner has read and answered; Enter opens a lesson.
struct ContentsScreen: Screen {
    enum Action: Equatable, Sendable { case move(ListMove), open, close }

    static let keys = KeyMap<Action>([
        .init("Contents", ListMove.bindings(Action.move) + [
            .init([.enter], .open, "open the selected lesson", hint: "open"),
            .init([.character("t")], .close, "close the contents"),
        ]),
    ])

    var selected: Int

    func title(_ context: Context) -> [String] { ["Contents"] }
    var help: [HelpSection] { Self.keys.help }
    func hints(_ context: Context) -> [String] {
        Self.keys.hints([.open]) + context.sharedHints([.close, .help])
    }

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
    /// Presenting, there is no learner's progress to show: lessons carry the numbers digits go to.
    private func rows(_ context: Context) -> [ListRow] {
        let glyphs = context.glyphs
        let progress = CourseProgress(context.learner)
        let presenting = context.isPresenting
        var rows: [ListRow] = []
        var index = 0
        for (number, module) in context.course.modules.enumerated() {
            let read = progress.read(module.lessons)
            let answered = progress.answered(module.lessons)
            var summary = "\(read.done)/\(read.total) read"
            if answered.total > 0 { summary += "\(glyphs.separator)\(answered.done)/\(answered.total) answered" }
            rows.append(ListRow(spans: [Span("\(number + 1). \(VisibleText.prose(module.title))", .heading)],
                                trailing: presenting ? [] : [Span(summary, .meta)]))
            for lesson in module.lessons {
                let current = index == context.reader.lesson ? glyphs.currentMark : " "
                let digits = "\(context.lessons.count)".count
                let mark = presenting ? String(repeating: " ", count: digits - "\(index + 1)".count) + "\(index + 1)"
                    : progress.isRead(lesson) ? glyphs.readMark : " "
                let answered = progress.answered([lesson])
                let trailing = answered.total == 0 || presenting ? [] : [Span("\(answered.done)/\(answered.total) answered", .meta)]
                rows.append(ListRow(spans: [Span("  \(current) ", .marker), Span(mark + " ", presenting ? .meta : .progress),
                                            Span(VisibleText.prose(lesson.title))],
                                    trailing: trailing, item: index))
                index += 1
            }
        }
        return rows
    }
}
