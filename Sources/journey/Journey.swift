import ArgumentParser
import CTerminal
import Foundation
import Glibc

@main
struct Journey: ParsableCommand {
    static let version = "0.1.0"

    /// Runs the command; what the argument parser printed (help, a version) is checked on the way out,
    /// so a full disk or a closed output is an error there too.
    static func main() {
        atexit { Journey.flushStandardOutput() }
        let arguments = Array(CommandLine.arguments.dropFirst())
        let commands = configuration.subcommands.map { $0._commandName }
        if let mistake = Mistypes.check(arguments, commands: commands) {
            Output.error("journey: \(mistake)")
            Glibc.exit(64)
        }
        if let course = playerWithNothingToParse(arguments, commands: commands) {
            do {
                try Open.takeCourse(course, at: nil, dataFolder: DataOptions.folder(nil), watch: false, following: nil)
                return
            } catch {
                exit(withError: error)
            }
        }
        main(nil)
    }

    /// The course of `journey` or `journey PATH`, which open the player with nothing else to parse: they
    /// start without the argument parser, which builds every command's arguments by reflection (4 ms of
    /// a 20 ms start). Nil for anything else.
    private static func playerWithNothingToParse(_ arguments: [String], commands: [String]) -> CourseSource? {
        switch arguments.count {
        case 0: CourseSource(path: nil)
        case 1 where !arguments[0].hasPrefix("-") && !commands.contains(arguments[0]) && arguments[0] != "help":
            CourseSource(path: arguments[0])
        default: nil
        }
    }

    private static func flushStandardOutput() {
        let code = journey_flush_standard_output()
        guard code != 0 else { return }
        if code == EPIPE { journey_die_of_broken_pipe() }
        let message = "journey: cannot write the output: \(String(cString: strerror(code)))\n"
        _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        _exit(1)
    }

    static let configuration = CommandConfiguration(
        commandName: "journey",
        abstract: "Take a self-guided course in the terminal.",
        usage: "journey [<path>] [--lesson <id>] [--data-dir <dir>]\njourney <subcommand>",
        discussion: """
            PATH is a course folder (with a course.yaml manifest) or a single Markdown file. Without one, \
            every command uses the bundled course, "Learning to Trust Again".
            """,
        version: version,
        subcommands: [Open.self, Present.self, Follow.self, Notes.self, Lint.self, Outline.self, Print.self, Import.self, Progress.self, Export.self,
                      Reset.self],
        defaultSubcommand: Open.self
    )
}
