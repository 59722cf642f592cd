import ArgumentParser
import Foundation
import JourneyKit
import JourneyLayout
import JourneyTerminal
import JourneyUI

/// Running a player full screen for a command.
enum FullScreen {
    static var hasTerminal: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// Fails with a message unless standard input and output are a terminal.
    static func requireTerminal(for what: String) throws {
        guard hasTerminal else {
            Output.error("journey: \(what) needs a terminal; to read the course as text, try `journey print`")
            throw ExitCode.failure
        }
    }

    /// `--watch`: watches the course's files from now on, and tells the player what lint says of the
    /// course at once and each time they change. The bundled course has no files to watch.
    static func watch(_ course: CourseSource, inbox: Inbox) throws {
        guard let path = course.path else {
            throw ValidationError("--watch needs a course folder or file: the bundled course never changes")
        }
        let polling = ProcessInfo.processInfo.environment["JOURNEY_WATCH"] == "poll"
        // Paths in the status line are short: from the course folder on.
        let folder = URL(fileURLWithPath: path).standardizedFileURL.path
        CourseWatcher.start(path: path, inbox: inbox, forcePolling: polling) {
            let result = CourseLoader.load(path: path)
            let problems = Linter.lint(result).map { finding in
                var finding = finding
                if finding.path.hasPrefix(folder + "/") { finding.path.removeFirst(folder.count + 1) }
                return VisibleText.prose(finding.formatted)
            }
            return .courseChanged(result.course, problems: problems)
        }
    }

    /// Runs the player until it ends, reports what could not be kept, and exits with its status.
    static func run(inbox: Inbox = Inbox(), performer: some EffectPerformer, observe: (Player) -> Void = { _ in },
                    afterFirstFrame: () throws -> [Message] = { [] },
                    makePlayer: (_ columns: Int, _ rows: Int, _ glyphs: PlayerGlyphs) -> Player) throws {
        do {
            let ending = try PlayerSession.run(environment: ProcessInfo.processInfo.environment, inbox: inbox,
                                               performer: performer, observe: observe, afterFirstFrame: afterFirstFrame,
                                               makePlayer: makePlayer)
            for problem in ending.problems { Output.error("journey: \(problem)") }
            if ending.status != 0 { throw ExitCode(ending.status) }
        } catch let failure as PlayerSession.Failure {
            Output.error("journey: \(failure)")
            throw ExitCode.failure
        }
    }
}

/// Present mode and the notes keep nothing: they ask nothing of a store, and there is none.
final class NoStore: EffectPerformer {
    func perform(_ request: StoreRequest) {}
    func finish() -> [String] { [] }
}
