import JourneyKit
import JourneyLayout

/// "Your reflections": every prompt of the course in order with the learner's answer, unanswered ones
/// marked. Opens by itself at the end of the course; Enter goes to the selected prompt.
struct ReflectionsScreen: Screen {
    enum Action: Equatable, Sendable { case move(ListMove), open, answer, close }

    static let keys = KeyMap<Action>([
        .init("Your reflections", ListMove.bindings(Action.move) + [
            .init([.enter], .open, "go to the selected prompt in its lesson", hint: "go to"),
            .init([.character("r")], .answer, "answer the selected prompt", hint: "answer"),
            .init([.character("R")], .close, "close"),
        ]),
    ])

    /// Opened because the learner reached the end of the course.
    let finished: Bool
    /// Every prompt id, in course order.
    let prompts: [String]
    var selected: Int
    /// At the end of the course the page opens at its top, on the congratulations, until a key moves.
    private var atTop: Bool

    init(_ context: Context, finished: Bool) {
        self.finished = finished
        prompts = context.lessons.flatMap(\.prompts).map(\.id)
        let current = context.lesson.prompts.first?.id
        selected = finished ? 0 : prompts.firstIndex { $0 == current } ?? 0
        atTop = finished
    }

    func title(_ context: Context) -> [String] { ["Your reflections"] }
    var help: [HelpSection] { Self.keys.help }
    func hints(_ context: Context) -> [String] {
        Self.keys.hints([.open]) + context.sharedHints([.close]) + Self.keys.hints([.answer])
            + context.sharedHints([.help])
    }

    func status(_ context: Context) -> String {
        let answered = CourseProgress(context.learner).answered(context.lessons)
        return "\(answered.done) of \(answered.total) answered"
    }

    mutating func handle(_ key: Key, _ context: inout Context) -> Reaction? {
        switch Self.keys.action(for: key) {
        case .move(let move):
            selected = move.applied(to: selected, count: prompts.count, page: 5)
            atTop = false
        case .open:
            guard prompts.indices.contains(selected) else { return .stay }
            context.go(toPrompt: prompts[selected])
            return .close
        case .answer:
            guard prompts.indices.contains(selected) else { return .stay }
            return EditorScreen.open(prompts[selected], &context)
        case .close: return .close
        case nil: return nil
        }
        return .stay
    }

    func render(into frame: inout Frame, area: Area, context: Context) {
        let rows = rows(context, width: area.width)
        if atTop {
            ListView.draw(rows, top: 0, selected: selected, into: &frame, area: area)
        } else {
            ListView.draw(rows, selected: selected, into: &frame, area: area)
        }
    }

    private func rows(_ context: Context, width: Int) -> [ListRow] {
        let learner = context.learner
        var rows: [ListRow] = []
        if finished {
            let progress = CourseProgress(learner)
            let read = progress.read(context.lessons)
            let answered = progress.answered(context.lessons)
            let heading = read.done == read.total ? "You have reached the end of the course. Thank you for taking it."
                : "This is the end of the course. The contents (t) show the lessons still to read."
            rows += Layout.wrap([Span(heading, .heading)], width: width).map { ListRow(spans: $0) }
            rows += Layout.wrap([Span("You have read \(read.done) of \(read.total) lessons and answered "
                + "\(answered.done) of \(answered.total) prompts. Your answers stay on this computer; "
                + "`journey export` writes them to a file.", .meta)], width: width).map { ListRow(spans: $0) }
            rows.append(ListRow(spans: []))
        }
        var item = 0
        for (number, module) in context.course.modules.enumerated() where module.lessons.contains(where: { !$0.prompts.isEmpty }) {
            rows.append(ListRow(spans: [Span("\(number + 1). \(VisibleText.prose(module.title))", [.heading])]))
            for lesson in module.lessons where !lesson.prompts.isEmpty {
                rows.append(ListRow(spans: [Span("   " + VisibleText.prose(lesson.title), .label)]))
                for prompt in lesson.prompts {
                    let question = Layout.wrap([Span(VisibleText.prose(prompt.text), .prompt)], width: width - 5)
                    rows += question.map { ListRow(spans: [Span("     ")] + $0, item: item) }
                    var answer = learner.answers[prompt.id].map { Layout.answer($0.text, width: width - 7) }
                        ?? [[Span("Not answered yet", .meta)]]
                    if let draft = learner.pendingDraft(prompt.id) {
                        answer += [[Span("Unsaved words (r goes on with them):", .meta)]] + Layout.answer(draft.text, width: width - 7)
                    }
                    rows += answer.map { ListRow(spans: [Span("       ")] + $0, item: item) }
                    item += 1
                }
            }
            rows.append(ListRow(spans: []))
        }
        return rows
    }
}
