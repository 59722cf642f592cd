/// A key press, as the terminal backend reports it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    /// Ctrl-Left and Ctrl-Right.
    case wordLeft, wordRight
    case enter, escape, backspace, delete, tab, backTab

    /// A Ctrl- key: one that acts even while text is being written.
    var isControl: Bool {
        if case .control = self { true } else { false }
    }

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
        case .wordLeft: "Ctrl-Left"
        case .wordRight: "Ctrl-Right"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        }
    }
}
