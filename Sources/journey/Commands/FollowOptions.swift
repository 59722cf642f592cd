import ArgumentParser
import Foundation
import JourneyShare
import JourneyTerminal

/// `--from USER`, for the commands that follow a shared presentation (`follow`, `notes`).
struct FollowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The user presenting with `journey present --share`, by name or number (default: you).",
                               valueName: "user"))
    var from: String?

    /// Starts following the presenter's shared presentation in the background; returns who they are.
    func startFollowing(inbox: Inbox) throws -> SystemUser {
        let presenter: SystemUser
        if let from {
            guard let found = SystemUser.named(from) else { throw ValidationError("there is no user '\(from)' on this machine") }
            presenter = found
        } else {
            presenter = .current
        }
        ShareClient.start(address: ShareAddress(presenter: presenter, environment: ProcessInfo.processInfo.environment)) {
            inbox.post(.presenter($0))
        }
        return presenter
    }
}
