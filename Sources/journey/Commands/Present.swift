import ArgumentParser
import Foundation
import JourneyKit
import JourneyTerminal
import JourneyUI

struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Present a course's lessons to a group, full screen.",
        discussion: """
            A screenful at a time (Space or n on, p or b back), the lesson's number always in view, \
            prompts shown as questions to discuss. N shows the facilitator's notes (> [!NOTES] in the \
            course), digits then Enter go to a lesson by number, t opens the contents, B blanks the \
            screen and T starts a countdown (2 minutes, or the minutes typed first). Press ? for every \
            key. Nothing a learner wrote is shown, and nothing is written: present mode never opens the \
            data folder.
            """,
        version: Journey.version
    )

    @OptionGroup var course: CourseArgument
    @Option(help: "Start at this lesson (ids as in `journey outline`) instead of the first.")
    var lesson: String?
    @Flag(help: "Read the course again whenever its files change, keeping the place; lint's findings show above the footer.")
    var watch = false

    func run() throws {
        let course = try Output.loadReportingProblems(course)
        if let lesson { _ = try Output.lesson(lesson, in: course) }
        try FullScreen.requireTerminal(for: "present mode")
        let inbox = Inbox()
        if watch { try FullScreen.watch(self.course, inbox: inbox) }
        try FullScreen.run(inbox: inbox, performer: NoStore()) { columns, rows, glyphs in
            Player(course: course, lessonID: lesson, columns: columns, rows: rows, glyphs: glyphs, presenting: true)
        }
    }
}

/// Present mode keeps nothing: a presenting player asks nothing of a store, and there is none.
private final class NoStore: EffectPerformer {
    func perform(_ request: StoreRequest) {}
    func finish() -> [String] { [] }
}
