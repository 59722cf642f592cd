import ArgumentParser
import Foundation
import JourneyKit
import JourneyTerminal

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a course in the full-screen player.",
        discussion: """
            `journey [PATH]` is short for `journey open [PATH]`. Press ? in the player for its keys, \
            q to quit. The player needs a terminal; `journey print` writes a course as plain text.
            """,
        version: Journey.version
    )

    @OptionGroup var course: CourseArgument
    @Option(help: "Open at this lesson (ids as in `journey outline`).")
    var lesson: String?

    func run() throws {
        let course = try Output.loadReportingProblems(course)
        if let lesson { _ = try Output.lesson(lesson, in: course) }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Output.error("journey: the player needs a terminal; to read the course as text, try `journey print`")
            throw ExitCode.failure
        }
        do {
            let status = try PlayerSession.run(course: course, lessonID: lesson,
                                               environment: ProcessInfo.processInfo.environment)
            if status != 0 { throw ExitCode(status) }
        } catch let failure as PlayerSession.Failure {
            Output.error("journey: \(failure)")
            throw ExitCode.failure
        }
    }
}
