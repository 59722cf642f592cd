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
        let commands = configuration.subcommands.map { $0._commandName }
        if let mistake = Mistypes.check(Array(CommandLine.arguments.dropFirst()), commands: commands) {
            Output.error("journey: \(mistake)")
            Glibc.exit(64)
        }
        main(nil)
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
