@preconcurrency import CNcursesw
import CTerminal
import Glibc
import JourneyLayout
import JourneyUI

/// The terminal in full-screen mode through ncursesw: draws frames, reads keys. The only place that
/// holds terminal state; everything it shows comes from a `Frame`.
final class TerminalDisplay {
    /// Unicode drawing under a UTF-8 locale; ASCII otherwise.
    let glyphs: PlayerGlyphs
    private let utf8: Bool
    private let colors: ColorSupport
    private let screen: OpaquePointer
    private var previous: Frame?
    private var cursorShown = false
    private var styles: [Role: (attributes: attr_t, pair: Int16)] = [:]
    private var pairs: [Int: Int16] = [:]

    /// Terminal sequences that turn bracketed paste on and off: pasted text then arrives between
    /// two markers, as text and never as keys.
    private static let pasteOn = "\u{1B}[?2004h"
    private static let pasteOff = "\u{1B}[?2004l"

    init(environment: [String: String]) throws {
        setlocale(LC_ALL, "")
        utf8 = String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8"
        glyphs = utf8 ? .unicode : .ascii
        guard let screen = newterm(nil, stdout, stdin) else {
            throw PlayerSession.Failure.unknownTerminal(environment["TERM"] ?? "")
        }
        self.screen = screen
        set_term(screen)
        // A terminal that cannot move the cursor (TERM=dumb) would show a blank, unusable player.
        guard let move = tigetstr("cup"), Int(bitPattern: move) != -1, Int(bitPattern: move) != 0 else {
            endwin()
            delscreen(screen)
            throw PlayerSession.Failure.unknownTerminal(environment["TERM"] ?? "")
        }
        cbreak()
        noecho()
        nonl()
        // Ctrl-S and Ctrl-Q are keys (save), not flow control; Ctrl-O and Ctrl-V are keys, not the
        // terminal's "discard output" and "literal next" (IEXTEN; macOS acts on Ctrl-O).
        var modes = termios()
        if tcgetattr(STDIN_FILENO, &modes) == 0 {
            modes.c_iflag &= ~tcflag_t(IXON)
            modes.c_lflag &= ~tcflag_t(IEXTEN)
            tcsetattr(STDIN_FILENO, TCSANOW, &modes)
        }
        def_prog_mode()
        keypad(stdscr, true)
        KeyCodes.defineExtraKeys()
        idlok(stdscr, true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(stdscr, 0)
        if (environment["NO_COLOR"] ?? "").isEmpty && has_colors() {
            start_color()
            use_default_colors()
            colors = COLORS >= 256 ? .extended : COLORS >= 8 ? .basic : .none
        } else {
            colors = .none
        }
        write(Self.pasteOn)
        journey_restore_terminal_on_crash(STDOUT_FILENO, Self.resetSequence())
    }

    var size: (columns: Int, rows: Int) {
        (Int(getmaxx(stdscr)), Int(getmaxy(stdscr)))
    }

    /// Draws the rows that changed since the last frame; ncurses sends only the difference.
    func draw(_ frame: Frame) {
        let unchanged = previous.map { $0.columns == frame.columns && $0.rows == frame.rows } ?? false
        for row in 0..<frame.rows {
            let cells = frame.row(row)
            if unchanged, let previous, previous.row(row) == cells { continue }
            wmove(stdscr, Int32(row), 0)
            // Cells of one style go to ncurses as one string: a call per cell cost a millisecond a frame.
            var run = ""
            var runStyle: (attributes: attr_t, pair: Int16)?
            for (column, cell) in cells.enumerated() where !cell.text.isEmpty {
                let style = style(for: cell.role)
                if let current = runStyle, current != style {
                    add(run, current)
                    run = ""
                }
                runStyle = style
                let wide = column + 1 < frame.columns && cells[cells.startIndex + column + 1].text.isEmpty
                run += drawable(cell.text, width: wide ? 2 : 1)
            }
            if let runStyle { add(run, runStyle) }
        }
        wattr_set(stdscr, 0, 0, nil)
        if let cursor = frame.cursor, (0..<frame.rows).contains(cursor.row), (0..<frame.columns).contains(cursor.column) {
            wmove(stdscr, Int32(cursor.row), Int32(cursor.column))
            if !cursorShown { curs_set(1) }
            cursorShown = true
        } else if cursorShown {
            curs_set(0)
            cursorShown = false
        }
        wrefresh(stdscr)
        previous = frame
    }

    private func add(_ text: String, _ style: (attributes: attr_t, pair: Int16)) {
        wattr_set(stdscr, style.attributes, style.pair, nil)
        waddstr(stdscr, text)
    }

    /// Forgets what is on the screen so the next frame repaints it all (Ctrl-L).
    func invalidate() {
        clearok(curscr, true)
        previous = nil
    }

    /// The terminal's bell, or a flash of the screen where the terminal has no bell.
    func ringBell() {
        beep()
    }

    /// The next key ncurses has, or nil when none is waiting. A key Journey has no use for (F1, Insert…)
    /// is `.ignored`: input all the same, never the end of it.
    func nextKey() -> KeyCodes.Event? {
        var character: wint_t = 0
        switch wget_wch(stdscr, &character) {
        case KEY_CODE_YES:
            if Int32(character) == KEY_RESIZE { return .resize(columns: size.columns, rows: size.rows) }
            return KeyCodes.event(forCode: Int32(character)) ?? .ignored
        case OK:
            return Unicode.Scalar(UInt32(character)).map(KeyCodes.event(forCharacter:)) ?? .ignored
        default:
            return nil
        }
    }

    /// Hands the terminal to another program for the length of `body`, then takes it back as it was.
    func lend<T>(_ body: () -> T) -> T {
        write(Self.pasteOff)
        def_prog_mode()
        endwin()
        let result = body()
        reset_prog_mode()
        write(Self.pasteOn)
        cursorShown = false
        curs_set(0)
        invalidate()
        return result
    }

    /// Leaves full-screen mode: the normal screen back, cursor visible, modes reset.
    func close() {
        write(Self.pasteOff)
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    private func write(_ sequence: String) {
        fputs(sequence, stdout)
        fflush(stdout)
    }

    private func style(for role: Role) -> (attributes: attr_t, pair: Int16) {
        if let cached = styles[role] { return cached }
        let style = PlayerTheme.style(for: role, colors: colors)
        var attributes: attr_t = 0
        if style.bold { attributes |= journey_attr_bold() }
        if style.dim { attributes |= journey_attr_dim() }
        if style.italic { attributes |= journey_attr_italic() }
        if style.underline { attributes |= journey_attr_underline() }
        if style.reverse { attributes |= journey_attr_reverse() }
        let pair = style.foreground.map(colorPair) ?? 0
        styles[role] = (attributes, pair)
        return (attributes, pair)
    }

    private func colorPair(_ foreground: Int) -> Int16 {
        if let pair = pairs[foreground] { return pair }
        let pair = Int16(pairs.count + 1)
        init_pair(pair, Int16(foreground), -1)
        pairs[foreground] = pair
        return pair
    }

    /// What to hand ncurses for a grapheme so that it takes exactly `width` cells: ncurses measures
    /// per code point, so sequences it would measure differently are drawn by their first character;
    /// without UTF-8, non-ASCII becomes its closest ASCII or `?`.
    private func drawable(_ text: String, width: Int) -> String {
        if text.utf8.count == 1 { return text }
        if !utf8 { return ASCIIFallback.text(for: text, width: width) }
        let scalars = text.unicodeScalars
        if scalars.reduce(0, { $0 + Int(wcwidth(wchar_t($1.value))) }) == width { return text }
        let first = scalars.first!
        let firstWidth = Int(wcwidth(wchar_t(first.value)))
        guard firstWidth > 0, firstWidth <= width else { return String(repeating: "?", count: width) }
        return String(first) + String(repeating: " ", count: width - firstWidth)
    }

    /// The terminal's own sequences that leave full-screen mode, for a crash handler to write.
    private static func resetSequence() -> String {
        ["rmcup", "cnorm", "sgr0"].compactMap { name -> String? in
            guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
            return String(cString: value)
        }.joined() + pasteOff
    }
}

/// ASCII stand-ins for what a non-UTF-8 terminal cannot show, keeping each grapheme's width.
enum ASCIIFallback {
    private static let table: [Character: String] = [
        "‘": "'", "’": "'", "“": "\"", "”": "\"", "—": "-", "–": "-", "…": ".", "•": "*", "·": ".",
        "é": "e", "è": "e", "ê": "e", "á": "a", "à": "a", "ç": "c", "ñ": "n", "ö": "o", "ü": "u", "\u{A0}": " ",
    ]

    static func text(for grapheme: String, width: Int) -> String {
        if width == 1, let character = grapheme.first, let replacement = table[character] { return replacement }
        return String(repeating: "?", count: width)
    }
}
