/// A key press, as the terminal backend reports it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, tab

    /// How the help screen names the key.
    var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let character): "Ctrl-\(character.uppercased())"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .tab: "Tab"
        }
    }
}

/// What the learner asks for, whichever key they used.
public enum Intent: Hashable, Sendable {
    case lineDown, lineUp, halfPageDown, halfPageUp, pageDown, pageUp, top, bottom
    case nextLesson, previousLesson
    case contents, search, help
    case select, close, quit, redraw
}

/// The one table of keys: `update` looks keys up here and the help screen lists it.
public enum KeyBindings {
    public struct Binding: Sendable {
        public var keys: [Key]
        /// Nil for keys the terminal itself handles (Ctrl-Z).
        public var intent: Intent?
        public var summary: String
    }

    public static let groups: [(title: String, bindings: [Binding])] = [
        ("Reading", [
            Binding(keys: [.character("j"), .down], intent: .lineDown, summary: "down a line"),
            Binding(keys: [.character("k"), .up], intent: .lineUp, summary: "up a line"),
            Binding(keys: [.control("d")], intent: .halfPageDown, summary: "down half a page"),
            Binding(keys: [.control("u")], intent: .halfPageUp, summary: "up half a page"),
            Binding(keys: [.character(" "), .pageDown], intent: .pageDown,
                    summary: "down a page (Space at the end: next lesson)"),
            Binding(keys: [.character("b"), .pageUp], intent: .pageUp, summary: "up a page"),
            Binding(keys: [.character("g"), .home], intent: .top, summary: "top of the lesson"),
            Binding(keys: [.character("G"), .end], intent: .bottom, summary: "bottom of the lesson"),
        ]),
        ("Lessons", [
            Binding(keys: [.character("n"), .right], intent: .nextLesson, summary: "next lesson"),
            Binding(keys: [.character("p"), .left], intent: .previousLesson, summary: "previous lesson"),
            Binding(keys: [.character("t")], intent: .contents, summary: "contents"),
        ]),
        ("Finding", [
            Binding(keys: [.character("/")], intent: .search,
                    summary: "search the course, from the last search"),
        ]),
        ("In contents and search results", [
            Binding(keys: [.enter], intent: .select, summary: "jump to the lesson or the match"),
        ]),
        ("Anywhere", [
            Binding(keys: [.character("?")], intent: .help, summary: "this help"),
            Binding(keys: [.escape], intent: .close, summary: "close what is open"),
            Binding(keys: [.character("q")], intent: .quit, summary: "quit"),
            Binding(keys: [.control("l")], intent: .redraw, summary: "redraw the screen"),
            Binding(keys: [.control("z")], intent: nil, summary: "suspend to the shell; `fg` comes back"),
        ]),
    ]

    private static let table: [Key: Intent] = {
        var table: [Key: Intent] = [:]
        for binding in groups.flatMap(\.bindings) {
            guard let intent = binding.intent else { continue }
            for key in binding.keys where table[key] == nil { table[key] = intent }
        }
        return table
    }()

    public static func intent(for key: Key) -> Intent? { table[key] }
}
