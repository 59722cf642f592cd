import ArgumentParser
import JourneyTerminal
import JourneyUI

struct Notes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Show the facilitator's notes for the lesson being presented, with a clock.",
        discussion: """
            For the facilitator's second terminal (a laptop screen while the projector shows \
            `journey present --share`): the notes (> [!NOTES] in the course) of the lesson on the \
            projector, the time of day and how long that lesson has been on. n and p look at the notes of \
            other lessons; f comes back. It keeps nothing and never opens the data folder.
            """,
        version: Journey.version
    )

    @OptionGroup var course: CourseArgument
    @OptionGroup var following: FollowOptions
    @Flag(help: "Read the course again whenever its files change, as `journey present --watch` does.")
    var watch = false

    func run() throws {
        let course = try Output.loadReportingProblems(course.source, fullScreen: true)
        try FullScreen.requireTerminal(for: "the notes")
        let inbox = Inbox()
        if watch { try FullScreen.watch(self.course.source, inbox: inbox) }
        let following = following.startFollowing(course, inbox: inbox)
        try FullScreen.run(inbox: inbox, performer: NoStore()) { columns, rows, glyphs in
            Player.notes(course: course, following: following, columns: columns, rows: rows, glyphs: glyphs)
        }
    }
}
