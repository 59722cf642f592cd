import ArgumentParser
import Foundation
import JourneyTerminal
import JourneyUI

/// Running a player full screen for a command.
enum FullScreen {
    /// Fails with a message unless standard input and output are a terminal.
    static func requireTerminal(for what: String) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Output.error("journey: \(what) needs a terminal; to read the course as text, try `journey print`")
            throw ExitCode.failure
        }
    }

    /// Runs the player until it ends, reports what could not be kept, and exits with its status.
    static func run(inbox: Inbox = Inbox(), performer: some EffectPerformer,
                    makePlayer: (_ columns: Int, _ rows: Int, _ glyphs: PlayerGlyphs) -> Player) throws {
        do {
            let ending = try PlayerSession.run(environment: ProcessInfo.processInfo.environment, inbox: inbox,
                                               performer: performer, makePlayer: makePlayer)
            for problem in ending.problems { Output.error("journey: \(problem)") }
            if ending.status != 0 { throw ExitCode(ending.status) }
        } catch let failure as PlayerSession.Failure {
            Output.error("journey: \(failure)")
            throw ExitCode.failure
        }
    }
}
