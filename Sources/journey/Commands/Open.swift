import ArgumentParser
import Foundation
import JourneyKit
import JourneyStore
import JourneyTerminal
import JourneyUI

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a course in the full-screen player.",
        discussion: """
            `journey [PATH]` is short for `journey open [PATH]`. Press ? in the player for its keys, \
            q to quit. Your answers, ticks and place are kept privately in the data folder and the \
            player opens where you left off. It needs a terminal; `journey print` writes a course as \
            plain text.
            """,
        version: Journey.version
    )

    @OptionGroup var course: CourseArgument
    @Option(help: "Open at this lesson (ids as in `journey outline`) instead of where you left off.")
    var lesson: String?
    @OptionGroup var data: DataOptions
    @Flag(help: "Read the course again whenever its files change, keeping the place; lint's findings show above the footer.")
    var watch = false

    func run() throws {
        let course = try Output.loadReportingProblems(course)
        if let lesson { _ = try Output.lesson(lesson, in: course) }
        try FullScreen.requireTerminal(for: "the player")
        let opened = try data.open(movingDamageAside: true)
        let store = opened.store
        let record = try DataOptions.attempt { try store.record(course: course.id) }
        let inbox = Inbox()
        if watch { try FullScreen.watch(self.course, inbox: inbox) }
        let performer = StoreEffects(store: store, course: course.id, inbox: inbox)
        performer.verifyInBackground()
        try FullScreen.run(inbox: inbox, performer: performer) { columns, rows, glyphs in
            var player = Player(course: course, lessonID: lesson, learner: LearnerRecord(record), columns: columns,
                                rows: rows, glyphs: glyphs)
            if let aside = opened.movedAside { _ = player.update(.notice(DataOptions.movedAside(aside))) }
            return player
        }
    }
}
