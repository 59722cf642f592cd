import CTerminal
import Foundation

/// Files only the learner can read, written whole or not at all: a private temporary file beside the
/// target, flushed to the disk, then renamed over it. Only a regular file is ever replaced: a device,
/// a pipe or a symbolic link at the path is refused, never swapped for a file.
enum PrivateFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to path: String) throws {
        var info = stat()
        if lstat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG {
            throw Failure(description: info.st_mode & S_IFMT == S_IFLNK
                ? "it is a symbolic link; name the file it leads to, or a new file"
                : "it is not a regular file (a folder, a device or a pipe); name a new file, or leave out --output to write to standard output")
        }
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
