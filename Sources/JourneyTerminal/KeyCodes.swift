@preconcurrency import CNcursesw
import JourneyUI

/// Keys as ncurses reports them.
enum KeyCodes {
    /// What one read from ncurses means.
    enum Event: Equatable {
        case key(Key)
        case resize(columns: Int, rows: Int)
        /// Text pasted between the terminal's bracketed-paste markers.
        case pasteStart, pasteEnd
        /// A character typed, or part of a paste.
        case text(Character)
        /// A key with no meaning here.
        case ignored
    }

    /// Codes of our own for sequences terminfo may not name.
    static let pasteStart = KEY_MAX + 1
    static let pasteEnd = KEY_MAX + 2
    static let controlLeft = KEY_MAX + 3
    static let controlRight = KEY_MAX + 4
    /// Codes ncurses gave Ctrl-Left and Ctrl-Right from terminfo's kLFT5 and kRIT5.
    nonisolated(unsafe) private static var terminfoWordKeys: [Int32: Key] = [:]

    /// Teaches ncurses the bracketed-paste markers and the usual Ctrl-arrow sequences.
    static func defineExtraKeys() {
        define_key("\u{1B}[200~", pasteStart)
        define_key("\u{1B}[201~", pasteEnd)
        for (name, key) in [("kLFT5", Key.wordLeft), ("kRIT5", .wordRight)] {
            guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { continue }
            let code = key_defined(value)
            if code > 0 { terminfoWordKeys[code] = key }
        }
        for (sequence, code) in [("\u{1B}[1;5D", controlLeft), ("\u{1B}[1;5C", controlRight)]
        where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
    }

    static func event(forCode code: Int32) -> Event? {
        if let key = terminfoWordKeys[code] { return .key(key) }
        let key: Key? = switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_NPAGE: .pageDown
        case KEY_PPAGE: .pageUp
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case controlLeft: .wordLeft
        case controlRight: .wordRight
        default: nil
        }
        if let key { return .key(key) }
        switch code {
        case pasteStart: return .pasteStart
        case pasteEnd: return .pasteEnd
        default: return nil
        }
    }

    static func event(forCharacter scalar: Unicode.Scalar) -> Event {
        switch scalar.value {
        case 10, 13: .key(.enter)
        case 27: .key(.escape)
        case 8, 127: .key(.backspace)
        case 9: .key(.tab)
        case 1...26: .key(.control(Character(Unicode.Scalar(scalar.value + 96)!)))
        default: .text(Character(scalar))
        }
    }
}
