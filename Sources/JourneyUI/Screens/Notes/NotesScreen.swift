import JourneyKit
import JourneyLayout

/// The facilitator's second terminal (`journey notes`): the notes of the lesson being presented, the
/// time of day and how long the presenter has been on the lesson. It follows the presenter; n and p
/// look at other lessons' notes, and f goes back. The bottom of its stack; it keeps nothing.
struct NotesScreen: Screen {
    enum Action: Equatable, Sendable { case move(ListMove), nextLesson, previousLesson }

    static let keys = KeyMap<Action>([
        .init("Notes", ListMove.bindings(Action.move) + [
            .init([.character("n"), .right], .nextLesson, "the next lesson's notes (stepping away)", hint: "next"),
            .init([.character("p"), .left], .previousLesson, "the notes of the lesson before (stepping away)"),
        ]),
    ])

    /// The first line shown of the notes, and the lesson it is for (another lesson starts at the top).
    private var top = 0
    private var topLesson = 0

    func title(_ context: Context) -> [String] { [context.module.title, context.lesson.title] }
    var help: [HelpSection] { Self.keys.help }
    var wantsTicks: Bool { true }

    func hints(_ context: Context) -> [String] {
        context.sharedHints([.help, .follow]) + Self.keys.hints([.nextLesson]) + context.sharedHints([.quit])
    }

    /// `14:05 · 3:10 on this lesson`
    func status(_ context: Context) -> String {
        var parts = [context.wallTime?.text]
        if let following = context.following, following.link == .live, !following.steppedAway,
           let started = following.position?.lessonStarted, let now = context.wallTime?.secondsSince1970 {
            let seconds = max(0, Int(now - started))
            parts.append("\(seconds / 60):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60) on this lesson")
        }
        return parts.compactMap { $0 }.joined(separator: " · ")
    }

    mutating func handle(_ key: Key, _ context: inout Context) -> Reaction? {
        guard let action = Self.keys.action(for: key) else { return nil }
        switch action {
        case .move(let move):
            let count = Self.lines(of: context.lesson, width: context.body.width, context: context).count
            top = move.scrolled(shownTop(context), lines: count, page: context.bodyRows - 2)
            topLesson = context.reader.lesson
        case .nextLesson: context.go(toLesson: context.reader.lesson + 1)
        case .previousLesson: context.go(toLesson: context.reader.lesson - 1)
        }
        return .stay
    }

    func render(into frame: inout Frame, area: Area, context: Context) {
        let heading = "Lesson \(context.reader.lesson + 1) of \(context.lessons.count): \(VisibleText.prose(context.lesson.title))"
        var row = area.row
        for line in Layout.wrap([Span(heading, .heading)], width: area.width).prefix(2) {
            frame.put(line, row: row, column: area.column, width: area.width)
            row += 1
        }
        if let waiting = waitingLine(context) {
            frame.put([Span(waiting, .meta)], row: row, column: area.column, width: area.width)
            row += 1
        }
        row += 1
        let lines = Self.lines(of: context.lesson, width: area.width, context: context)
        for line in lines.dropFirst(shownTop(context)).prefix(max(0, area.row + area.height - row)) {
            frame.put(line.spans, row: row, column: area.column, width: area.width)
            row += 1
        }
    }

    private func shownTop(_ context: Context) -> Int {
        topLesson == context.reader.lesson ? top : 0
    }

    /// Until the presenter is there: what the notes are waiting for.
    private func waitingLine(_ context: Context) -> String? {
        guard let following = context.following else { return nil }
        return switch following.link {
        case .live: nil
        case .waiting, .lost: "Waiting for \(following.presenter) to present with `journey present --share`."
        case .refused, .otherCourse: "Not following \(following.presenter); these are the notes of this copy of the course."
        }
    }

    /// A lesson's notes for the facilitator, laid out; a line saying so when it has none.
    static func lines(of lesson: Lesson, width: Int, context: Context) -> [StyledLine] {
        let notes = lesson.facilitatorNotes
        guard !notes.isEmpty else { return [StyledLine([Span("No notes for this lesson.", .meta)])] }
        return Array(Layout(width: width, glyphs: context.glyphs.layout).lines(for: notes).drop { $0.spans.isEmpty })
    }
}
