import ArgumentParser
import Foundation
import JourneyKit
import JourneyShare
import JourneyTerminal
import JourneyUI

struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Present a course's lessons to a group, full screen.",
        discussion: """
            A screenful at a time (Space or n on, p or b back), the lesson's number always in view, \
            prompts shown as questions to discuss. N shows the facilitator's notes (> [!NOTES] in the \
            course), digits then Enter go to a lesson by number, t opens the contents, B blanks the \
            screen and T starts a countdown (2 minutes, or the minutes typed first). Press ? for every \
            key. Nothing a learner wrote is shown, and nothing is written: present mode never opens the \
            data folder. With --share, others on this host follow along: `journey follow` in their own \
            player, `journey notes` in your second terminal.
            """,
        version: Journey.version
    )

    @OptionGroup var course: CourseArgument
    @Option(help: "Start at this lesson (ids as in `journey outline`) instead of the first.")
    var lesson: String?
    @Flag(help: "Read the course again whenever its files change, keeping the place; lint's findings show above the footer.")
    var watch = false
    @Flag(help: "Let terminals on this host follow: `journey follow` (participants) and `journey notes` (you), over a local socket, never the network.")
    var share = false
    @Option(help: ArgumentHelp("Let members of this Unix group follow too (implies --share); by default only your own user can.",
                               valueName: "group"))
    var group: String?

    func validate() throws {
        if let group, SystemGroup.named(group) == nil { throw ValidationError("there is no group '\(group)' on this machine") }
    }

    func run() throws {
        let course = try Output.loadReportingProblems(course.source, fullScreen: true)
        if let lesson { _ = try Output.lesson(lesson, in: course) }
        try FullScreen.requireTerminal(for: "present mode")
        let inbox = Inbox()
        if watch { try FullScreen.watch(self.course.source, inbox: inbox) }
        let server = try startSharing(inbox: inbox)
        defer { server?.stop() }
        try FullScreen.run(inbox: inbox, performer: NoStore(), observe: { server?.publish($0.sharedPosition) }) {
            columns, rows, glyphs in
            Player(course: course, lessonID: lesson, columns: columns, rows: rows, glyphs: glyphs, presenting: true)
        }
    }

    /// `--share`: listens for followers; how many there are comes to the player as they come and go.
    private func startSharing(inbox: Inbox) throws -> ShareServer? {
        guard share || group != nil else { return nil }
        let sharedGroup = group.flatMap(SystemGroup.named)
        let address = ShareAddress(presenter: .current, environment: ProcessInfo.processInfo.environment)
        do {
            return try ShareServer.start(address: address, sharingWith: sharedGroup) { event in
                switch event {
                case .audience(let count): inbox.post(.audience(count))
                case .stopped(let reason): inbox.post(.notice("Sharing stopped (\(reason)); the presentation goes on."))
                }
            }
        } catch {
            Output.error("journey: cannot share the presentation: \(error)")
            throw ExitCode.failure
        }
    }
}
