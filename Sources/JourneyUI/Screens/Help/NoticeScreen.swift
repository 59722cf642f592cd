import JourneyLayout

/// A message too long for the footer, such as where damaged storage was moved: shown whole until a key.
/// `q` still quits (a notice may say "press q again").
struct NoticeScreen: Screen {
    let message: String
    /// Said by (or about) a presenter being followed, and put away when following begins again.
    var fromPresenter = false

    func title(_ context: Context) -> [String] { ["Notice"] }

    var help: [HelpSection] {
        [HelpSection(title: "Notice", rows: [.init(keys: "any key", summary: "close it"), .init(keys: "q", summary: "quit")])]
    }

    func hints(_ context: Context) -> [String] { ["any key closes"] + context.sharedHints([.quit]) }

    mutating func handle(_ key: Key, _ context: inout Context) -> Reaction? {
        Player.sharedKeys.action(for: key) == .quit ? nil : .close
    }

    func render(into frame: inout Frame, area: Area, context: Context) {
        let lines = Layout.wrap([Span(VisibleText.prose(message), .notice)], width: area.width)
        for (offset, line) in lines.prefix(area.height).enumerated() {
            frame.put(line, row: area.row + 1 + offset, column: area.column, width: area.width)
        }
    }
}
