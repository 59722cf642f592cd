import JourneyKit
import JourneyLayout

/// The course's support page (what to do in a crisis, where to find help), one key away from anywhere;
/// Esc (or the support key again) goes back to exactly where the learner was.
struct SupportScreen: Screen {
    enum Action: Equatable, Sendable { case move(ListMove) }

    static let keys = KeyMap<Action>([.init("Support", ListMove.bindings(Action.move))])

    let page: Lesson
    var top = 0

    /// The support page, or a notice when the course has none.
    static func open(_ context: inout Context) -> Reaction {
        guard let page = context.course.support else {
            context.notice = "This course has no support page."
            return .stay
        }
        return .open(SupportScreen(page: page))
    }

    func title(_ context: Context) -> [String] { [page.title] }
    var help: [HelpSection] { Self.keys.help }
    func hints(_ context: Context) -> [String] { context.sharedHints([.close, .help]) }

    mutating func handle(_ key: Key, _ context: inout Context) -> Reaction? {
        switch Self.keys.action(for: key) {
        case .move(let move): top = move.scrolled(top, lines: lines(context).count, page: context.bodyRows)
        case nil: return nil
        }
        return .stay
    }

    func render(into frame: inout Frame, area: Area, context: Context) {
        ListView.draw(lines(context).map { ListRow(spans: $0.spans) }, top: top, into: &frame, area: area)
    }

    private func lines(_ context: Context) -> [StyledLine] {
        context.layout.lines(for: page)
    }
}
