import JourneyKit
import JourneyLayout

/// Presenting lessons to a group (`journey present`): a screenful at a time, the lesson number always
/// in view, the facilitator's notes on demand, a countdown for exercises and a blank screen. The
/// bottom of the stack in present mode, as reading is otherwise; it writes nothing anywhere.
struct PresentScreen: Screen {
    enum Action: Equatable, Sendable { case forward, back, jump, contents, notes, blank, timer, deleteDigit, dismiss }

    static let keys = KeyMap<Action>([
        .init("Presenting", [
            .init([.character(" "), .character("n"), .right, .pageDown, .down, .character("j")], .forward,
                  "the next screenful; at the end of a lesson, the next lesson", hint: "next"),
            .init([.character("p"), .character("b"), .left, .pageUp, .up, .character("k")], .back,
                  "the screenful before; at the start of a lesson, the end of the one before", hint: "back"),
            .init([.enter], .jump, "go to the lesson whose number was typed (digits, then Enter)"),
            .init([.character("t")], .contents, "the contents: choose a lesson"),
            .init([.character("N")], .notes, "show or hide the facilitator's notes", hint: "notes"),
            .init([.character("B")], .blank, "blank the screen; any key brings it back"),
            .init([.character("T")], .timer,
                  "start a countdown (2 minutes, or the minutes typed before T); T again stops it", hint: "timer"),
            .init([.backspace], .deleteDigit, "take back a typed digit"),
            .init([.escape], .dismiss, "forget the digits typed, or put away a countdown that has ended"),
        ]),
    ])

    /// Digits typed towards a lesson number (Enter) or the timer's minutes (T).
    var number = ""
    var showsNotes = false
    var isBlank = false
    var countdown: Countdown?

    func title(_ context: Context) -> [String] { [context.module.title] }
    var help: [HelpSection] { Self.keys.help }
    var blanksScreen: Bool { isBlank }
    var wantsTicks: Bool { countdown.map { !$0.hasEnded } ?? false }

    func hints(_ context: Context) -> [String] {
        Self.keys.hints([.forward, .back]) + context.sharedHints([.help]) + Self.keys.hints([.notes, .timer])
            + context.sharedHints([.quit])
    }

    /// `Timer 1:59  3 following  2/4`: a countdown, who follows a shared presentation, and the
    /// screenful of the lesson. The countdown is in the footer's corner, never over the lesson.
    func status(_ context: Context) -> String {
        if !number.isEmpty { return "Go to lesson \(number)\(context.glyphs.cursor)" }
        let pages = Pagination(context.reader.lines, height: contentHeight(context))
        let timer = countdown.map { $0.hasEnded ? "Time is up" : "Timer \($0.remainingText)" }
        let audience = context.audience.map { "\($0) following" }
        return [timer, audience, pages.count > 1 ? "\(pages.index(of: context.reader.top) + 1)/\(pages.count)" : nil]
            .compactMap { $0 }.joined(separator: "  ")
    }

    mutating func handle(_ key: Key, _ context: inout Context) -> Reaction? {
        if isBlank {
            isBlank = false
            return .stay
        }
        if case .character(let character) = key, character.isASCII, character.isNumber {
            if number.count < 4 { number.append(character) }
            return .stay
        }
        guard let action = Self.keys.action(for: key) else { return nil }
        let typed = number
        number = ""
        switch action {
        case .forward: forward(&context)
        case .back: back(&context)
        case .jump: jump(to: typed, &context)
        case .contents: return .open(ContentsScreen(selected: context.reader.lesson))
        case .notes: showsNotes.toggle()
        case .blank: isBlank = true
        case .timer:
            // T alone stops a running countdown; minutes typed first always start a new one.
            if typed.isEmpty, countdown.map({ !$0.hasEnded }) == true {
                countdown = nil
            } else {
                let minutes = Int(typed) ?? 2
                countdown = Countdown(minutes: min(max(minutes, 1), 180), from: context.now)
                if !(1...180).contains(minutes) { context.notice = "A countdown is 1 to 180 minutes." }
            }
        case .deleteDigit: number = String(typed.dropLast())
        case .dismiss:
            // Esc with nothing to put away falls to the keys every screen shares.
            if !typed.isEmpty { return .stay }
            guard countdown?.hasEnded == true else { return nil }
            countdown = nil
        }
        return .stay
    }

    mutating func receive(_ message: Message, _ context: inout Context) -> Reaction {
        guard case .tick = message, var countdown, !countdown.hasEnded else { return .stay }
        countdown.now = context.now
        self.countdown = countdown
        return countdown.hasEnded ? .effects(.bell) : .stay
    }

    // MARK: Moving

    private func forward(_ context: inout Context) {
        let pages = Pagination(context.reader.lines, height: contentHeight(context))
        let page = pages.index(of: context.reader.top)
        if page + 1 < pages.count {
            context.reader.scroll(to: pages.starts[page + 1])
        } else if context.reader.lesson + 1 < context.lessons.count {
            context.go(toLesson: context.reader.lesson + 1)
        } else {
            context.notice = "This is the end of the course."
        }
    }

    private func back(_ context: inout Context) {
        let pages = Pagination(context.reader.lines, height: contentHeight(context))
        let page = pages.index(of: context.reader.top)
        if page > 0 {
            context.reader.scroll(to: pages.starts[page - 1])
        } else if context.reader.lesson > 0 {
            context.go(toLesson: context.reader.lesson - 1)
            let before = Pagination(context.reader.lines, height: contentHeight(context))
            context.reader.scroll(to: before.starts[before.count - 1])
        }
    }

    private func jump(to typed: String, _ context: inout Context) {
        guard let wanted = Int(typed) else { return }
        guard (1...context.lessons.count).contains(wanted) else {
            context.notice = "There is no lesson \(wanted); the course has \(context.lessons.count)."
            return
        }
        context.go(toLesson: wanted - 1)
    }

    // MARK: Drawing

    /// Rows for the lesson: the body, less the notes panel when it shows.
    private func contentHeight(_ context: Context) -> Int {
        max(1, context.bodyRows - (showsNotes ? notesHeight(context) : 0))
    }

    /// Two rows say there are no notes; notes get two fifths of the body.
    private func notesHeight(_ context: Context) -> Int {
        context.lesson.facilitatorNotes.isEmpty ? 2 : max(4, context.bodyRows * 2 / 5)
    }

    func render(into frame: inout Frame, area: Area, context: Context) {
        let height = contentHeight(context)
        let lines = context.reader.lines
        let pages = Pagination(lines, height: height)
        let page = pages.index(of: context.reader.top)
        let start = pages.starts[page]
        let end = min(lines.count, start + height, page + 1 < pages.count ? pages.starts[page + 1] : lines.count)
        for (row, line) in lines[start..<end].enumerated() {
            frame.put(line.spans, row: area.row + row, column: area.column, width: area.width)
        }
        if showsNotes { drawNotes(&frame, area: area, context: context) }
    }

    private func drawNotes(_ frame: inout Frame, area: Area, context: Context) {
        let top = area.row + area.height - notesHeight(context)
        let label = " Notes for the facilitator "
        let rule = context.glyphs.layout.repeated(context.glyphs.layout.horizontal, max(0, area.width - DisplayWidth.of(label) - 2))
        let ruleStart = context.glyphs.layout.repeated(context.glyphs.layout.horizontal, 2)
        frame.put([Span(ruleStart, .rule), Span(label, [.label, .meta]), Span(rule, .rule)], row: top, column: area.column,
                  width: area.width)
        var lines = NotesScreen.lines(of: context.lesson, width: area.width, context: context)
        let room = notesHeight(context) - 1
        if lines.count > room {
            lines = Array(lines.prefix(room - 1)) + [StyledLine([Span(context.glyphs.ellipsis + " (more in `journey outline --json`)", .meta)])]
        }
        for (row, line) in lines.enumerated() {
            frame.put(line.spans, row: top + 1 + row, column: area.column, width: area.width)
        }
    }
}

/// A countdown for an exercise, on the player's monotonic clock.
struct Countdown: Equatable, Sendable {
    let end: ContinuousClock.Instant
    var now: ContinuousClock.Instant

    init(minutes: Int, from now: ContinuousClock.Instant) {
        end = now.advanced(by: .seconds(minutes * 60))
        self.now = now
    }

    var hasEnded: Bool { now >= end }

    /// `1:59`: minutes and seconds left, rounded up, so it shows the full time at the start.
    var remainingText: String {
        let left = now.duration(to: end).components
        let seconds = Int(left.seconds) + (left.attoseconds > 0 ? 1 : 0)
        let rest = seconds % 60
        return "\(seconds / 60):\(rest < 10 ? "0" : "")\(rest)"
    }
}
