import ArgumentParser
import Foundation
import JourneyStore

/// Where the learner's answers and progress live: `--data-dir`, else `JOURNEY_DATA_DIR`, else
/// `$XDG_DATA_HOME/journey`, else `~/.local/share/journey`.
struct DataOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep your answers and progress in this folder (default: $JOURNEY_DATA_DIR, "
        + "else $XDG_DATA_HOME/journey, else ~/.local/share/journey).", valueName: "dir"))
    var dataDir: String?

    var folder: String {
        let environment = ProcessInfo.processInfo.environment
        if let dataDir, !dataDir.isEmpty { return dataDir }
        if let folder = environment["JOURNEY_DATA_DIR"], !folder.isEmpty { return folder }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/journey" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/journey"
    }

    /// Opens the store, saying where damaged storage was moved; a store that cannot be used is a clear
    /// error (exit 1), never an empty one in its place.
    func open() throws -> LearnerStore {
        do {
            let opened = try LearnerStore.open(folder: folder)
            if let aside = opened.movedAside {
                Output.error("journey: your earlier storage could not be read, so it was moved, untouched, to \(aside); "
                    + "a fresh one was started")
            }
            return opened.store
        } catch let error as StoreError {
            Output.error("journey: \(error); to keep your answers elsewhere, use --data-dir DIR or JOURNEY_DATA_DIR")
            throw ExitCode.failure
        }
    }
}
