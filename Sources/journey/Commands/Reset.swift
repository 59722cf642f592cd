import ArgumentParser
import Foundation
import JourneyKit
import JourneyLayout
import JourneyStore

struct Reset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Forget your progress, your answers, or both, for a course.",
        discussion: """
            Asks before it forgets anything, unless --yes. What is forgotten cannot be brought back: \
            `journey export` first keeps a copy of your answers.
            """,
        version: Journey.version
    )

    @OptionGroup var course: CourseArgument
    @Flag(help: "Forget which lessons you have read and where you left off.")
    var progress = false
    @Flag(help: "Forget your answers (every version), drafts and ticks.")
    var answers = false
    @Flag(help: "Forget both.")
    var all = false
    @Flag(help: "Do not ask first.")
    var yes = false
    @OptionGroup var data: DataOptions

    func validate() throws {
        if !(progress || answers || all) {
            throw ValidationError("Say what to forget: --progress, --answers or --all.")
        }
    }

    func run() throws {
        let course = try Output.loadReportingProblems(course.source)
        var what: LearnerStore.Forgetting = []
        if progress || all { what.insert(.progress) }
        if answers || all { what.insert(.answers) }
        let summary = try data.read { store in
            let journal = try store.journal(course: course.id)
            let record = try store.record(course: course.id)
            var parts: [String] = []
            if what.contains(.answers) {
                parts.append(Output.plural(journal.answers.count, "saved answer") + " (every version)")
                parts.append(Output.plural(journal.drafts.count, "draft"))
                parts.append(Output.plural(journal.ticks.count, "tick"))
            }
            if what.contains(.progress) {
                parts.append(Output.plural(record.read.count, "lesson") + " read, and where you left off")
            }
            return parts.joined(separator: ", ")
        }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                Output.error("journey: reset forgets \(summary); add --yes to do it without being asked")
                throw ExitCode.failure
            }
            let copy = what.contains(.answers) ? " To keep a copy of your answers first, run `journey export`." : ""
            let question = "Forget \(summary) for \"\(VisibleText.prose(course.title))\"? This cannot be undone.\(copy) "
                + "Type yes to go on: "
            Output.ask(question)
            let reply = (readLine() ?? "").trimmingSpaces.lowercased()
            guard reply == "yes" else {
                Output.error("Nothing was changed.")
                throw ExitCode.failure
            }
        }
        let removed = try data.read { try $0.forget(course: course.id, what) }
        Output.error("Forgot \(summary) (\(Output.plural(removed, "record")) removed).")
    }
}
