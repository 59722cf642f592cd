import ArgumentParser
import Foundation
import JourneyKit
import JourneyShare
import JourneyTerminal
import JourneyUI

/// `--from USER`, for the commands that follow a shared presentation (`follow`, `notes`).
struct FollowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The user presenting with `journey present --share`, by name or number (default: you).",
                               valueName: "user"))
    var from: String?

    func validate() throws {
        if let from, SystemUser.named(from) == nil { throw ValidationError("there is no user '\(from)' on this machine") }
    }

    /// Starts following the presenter's shared presentation in the background; returns the player's
    /// side of it.
    func startFollowing(_ course: Course, inbox: Inbox) -> Following {
        var presenter = SystemUser.current
        if let from, let found = SystemUser.named(from) { presenter = found }
        let address = ShareAddress(presenter: presenter, environment: ProcessInfo.processInfo.environment)
        ShareClient.start(address: address, course: course.id) { inbox.post(.presenter($0)) }
        let hint = from == nil
            ? "Waiting for your own `journey present --share`; to follow someone else: --from THEIR-USER-NAME." : nil
        return Following(presenter: presenter.name, whileWaiting: hint)
    }
}
