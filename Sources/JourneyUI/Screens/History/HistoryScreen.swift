import JourneyLayout

/// Every saved version of one answer, newest first, each with its date.
struct HistoryScreen: Screen {
    enum Action: Equatable, Sendable { case move(ListMove), close }

    static let keys = KeyMap<Action>([
        .init("Earlier answers", ListMove.bindings(Action.move) + [
            .init([.character("h")], .close, "close"),
        ]),
    ])

    let prompt: PromptRef
    /// Nil until the store has answered.
    var versions: [LearnerRecord.Answer]?
    var top = 0

    static func open(_ promptID: String, _ context: Context) -> Reaction {
        guard let prompt = context.promptRef(promptID) else { return .stay }
        return .open(HistoryScreen(prompt: prompt), effects: [.store(.loadHistory(promptID: promptID))])
    }

    func title(_ context: Context) -> [String] { [prompt.lessonTitle, "Earlier answers"] }
    var help: [HelpSection] { Self.keys.help }
    func hints(_ context: Context) -> [String] { context.sharedHints([.close, .help]) }

    func status(_ context: Context) -> String {
        versions.map { "\($0.count) version\($0.count == 1 ? "" : "s")" } ?? ""
    }

    mutating func handle(_ key: Key, _ context: inout Context) -> Reaction? {
        switch Self.keys.action(for: key) {
        case .move(let move): top = move.scrolled(top, lines: rows(width: context.layoutWidth).count, page: context.bodyRows)
        case .close: return .close
        case nil: return nil
        }
        return .stay
    }

    mutating func receive(_ message: Message, _ context: inout Context) -> Reaction {
        if case .history(let id, let versions) = message, id == prompt.id { self.versions = versions }
        return .stay
    }

    func render(into frame: inout Frame, area: Area, context: Context) {
        ListView.draw(rows(width: area.width), top: top, into: &frame, area: area)
    }

    private func rows(width: Int) -> [ListRow] {
        var lines = Layout.wrap([Span(VisibleText.prose(prompt.question), [.prompt, .strong])], width: width) + [[]]
        switch versions {
        case nil: lines.append([Span("Loading…", .meta)])
        case let versions? where versions.isEmpty: lines.append([Span("No saved answer yet: r answers.", .meta)])
        case let versions?:
            for (index, version) in versions.enumerated() {
                let label = index == 0 ? "Saved \(version.saved) (the latest)" : "Saved \(version.saved)"
                lines.append([Span(label, [.answer, .label])])
                lines += Layout.answer(version.text, width: width)
                lines.append([])
            }
        }
        return lines.map { ListRow(spans: $0) }
    }
}
