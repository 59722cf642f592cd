import JourneyLayout

/// The keys of what is open and of every screen, grouped, each with what it does.
struct HelpScreen: Screen {
    enum Action: Equatable, Sendable { case move(ListMove), close }

    static let keys = KeyMap<Action>([
        .init("Help", ListMove.bindings(Action.move) + [
            .init([.character("?")], .close, "close the help"),
        ]),
    ])

    let sections: [HelpSection]
    /// Opened from text being written, where `q` is text: the way out offered is Esc alone.
    var overTyping = false
    var top = 0

    func title(_ context: Context) -> [String] { ["Keys"] }
    var help: [HelpSection] { Self.keys.help }
    /// How to leave, on the first screen at any size (the status says how much there is to scroll).
    func hints(_ context: Context) -> [String] { context.sharedHints(overTyping ? [.close] : [.close, .quit]) }

    func status(_ context: Context) -> String {
        let count = rows(width: context.layoutWidth).count
        return count <= context.bodyRows ? "All" : "\(min(top + context.bodyRows, count)) of \(count) lines"
    }

    mutating func handle(_ key: Key, _ context: inout Context) -> Reaction? {
        switch Self.keys.action(for: key) {
        case .move(let move): top = move.scrolled(top, lines: rows(width: context.layoutWidth).count, page: context.bodyRows)
        case .close: return .close
        case nil: return nil
        }
        return .stay
    }

    func render(into frame: inout Frame, area: Area, context: Context) {
        ListView.draw(rows(width: area.width), top: top, into: &frame, area: area)
    }

    /// Each section's keys in a column, what they do wrapped beside them.
    private func rows(width: Int) -> [ListRow] {
        let keyColumn = 16
        var rows: [ListRow] = []
        for section in sections {
            if !rows.isEmpty { rows.append(ListRow(spans: [])) }
            rows.append(ListRow(spans: [Span(section.title, .heading)]))
            for row in section.rows {
                let keys = "  \(row.keys)"
                // Keys too many for their column go on a line of their own, what they do below.
                let ownLine = DisplayWidth.of(keys) >= keyColumn
                if ownLine { rows.append(ListRow(spans: [Span(keys, .label)])) }
                let summary = Layout.wrap([Span(row.summary)], width: width - keyColumn)
                for (index, line) in summary.enumerated() {
                    let lead = index == 0 && !ownLine ? keys.padding(to: keyColumn) : String(repeating: " ", count: keyColumn)
                    rows.append(ListRow(spans: [Span(lead, .label)] + line))
                }
            }
        }
        return rows
    }
}
