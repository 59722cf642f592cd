import ArgumentParser
import Foundation
import JourneyStore

/// Where the learner's answers and progress live: `--data-dir`, else `JOURNEY_DATA_DIR`, else
/// `$XDG_DATA_HOME/journey`, else `~/.local/share/journey`.
struct DataOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder where your answers and progress are kept (default: $JOURNEY_DATA_DIR, "
        + "else $XDG_DATA_HOME/journey, else ~/.local/share/journey).", valueName: "dir"))
    var dataDir: String?

    func validate() throws {
        if dataDir?.isEmpty == true { throw ValidationError("--data-dir needs a folder, not an empty name") }
    }

    var folder: String { Self.folder(dataDir) }

    /// `dataDir`, else where the environment says, else the XDG default.
    static func folder(_ dataDir: String?) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let dataDir, !dataDir.isEmpty { return dataDir }
        if let folder = environment["JOURNEY_DATA_DIR"], !folder.isEmpty { return folder }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/journey" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/journey"
    }

    /// Opens the store, saying where damaged storage was moved; a store that cannot be used is a clear
    /// error (exit 1), never an empty one in its place. Only the player moves damage aside: a command
    /// says so and leaves the file alone.
    func open(movingDamageAside: Bool = false) throws -> LearnerStore.Opened {
        try Self.open(folder: folder, movingDamageAside: movingDamageAside)
    }

    static func open(folder: String, movingDamageAside: Bool) throws -> LearnerStore.Opened {
        do {
            let opened = try LearnerStore.open(folder: folder, movingDamageAside: movingDamageAside)
            if let aside = opened.movedAside { Output.error("journey: \(Self.movedAside(aside))") }
            return opened
        } catch StoreError.damaged(let path) {
            Output.error("journey: the file that keeps your answers (\(path)) is damaged; `journey` moves it aside, "
                + "untouched, and starts a fresh one")
            throw ExitCode.failure
        } catch let error as StoreError {
            Output.error("journey: \(error); to keep your answers elsewhere, use --data-dir DIR or JOURNEY_DATA_DIR")
            throw ExitCode.failure
        }
    }

    /// Opens the store and runs `work` on it; a store error is a clear message and exit status 1.
    func read<T>(_ work: (LearnerStore) throws -> T) throws -> T {
        let store = try open().store
        return try Self.attempt { try work(store) }
    }

    /// Runs store work; a store error is a clear message and exit status 1.
    static func attempt<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as StoreError {
            Output.error("journey: \(error)")
            throw ExitCode.failure
        }
    }

    static func movedAside(_ path: String) -> String {
        "your earlier answers could not be read, so that file was moved, untouched, to \(path); a fresh one was started"
    }
}
