import CTerminal
import Foundation

/// Files only the learner can read, written whole or not at all: a private temporary file beside the
/// target, flushed to the disk, then renamed over it.
enum PrivateFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to path: String) throws {
        let temporary = "\(path).journey-\(UUID().uuidString)"
        let bytes = Array(text.utf8)
        guard journey_write_private_file(temporary, bytes, bytes.count) == 0 else {
            throw Failure(description: String(cString: strerror(errno)))
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: reason)
        }
    }
}
