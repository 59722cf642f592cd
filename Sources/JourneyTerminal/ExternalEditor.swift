import CTerminal
import Glibc

/// An answer written in the learner's own editor: `$VISUAL`, else `$EDITOR`, else `vi`, run by the
/// shell on a temporary file in a private folder, removed afterwards with anything the editor left
/// beside it (backups, swap files).
enum ExternalEditor {
    struct Outcome: Equatable {
        /// What the file held afterwards; nil when it could not be read (or the editor never ran).
        var text: String?
        /// What went wrong, worded for the learner.
        var problem: String?
    }

    static func edit(_ text: String, environment: [String: String]) -> Outcome {
        let command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
            .first { !$0.allSatisfy(\.isWhitespace) } ?? "vi"
        let base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/journey-answer-XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else {
            return Outcome(problem: "no private temporary folder in \(base): \(reason())")
        }
        let folder = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let file = folder + "/answer.md"
        defer { removeFolder(folder) }
        let bytes = Array((text.isEmpty ? "" : text + "\n").utf8)
        guard journey_write_private_file(file, bytes, bytes.count) == 0 else {
            return Outcome(problem: "cannot write \(file): \(reason())")
        }
        let status = run(["/bin/sh", "-c", "\(command) \"$1\"", "journey-editor", file])
        let edited = read(file)
        switch status {
        case 0: return Outcome(text: edited, problem: edited == nil ? "cannot read back \(file): \(reason())" : nil)
        case 127: return Outcome(problem: "cannot run the editor '\(command)'; set VISUAL or EDITOR")
        case -1: return Outcome(problem: "cannot start the shell: \(reason())")
        default: return Outcome(text: edited, problem: "the editor '\(command)' ended with status \(status)")
        }
    }

    /// Removes the folder and whatever is in it (the answer, and backups or swap files of the editor's).
    private static func removeFolder(_ path: String) {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(path)
    }

    /// Runs a program on the terminal and waits for it; its exit status, 128 + a signal, or -1.
    private static func run(_ arguments: [String]) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        journey_hold_interrupts(1)
        defer { journey_hold_interrupts(0) }
        guard posix_spawn(&pid, arguments[0], nil, &attributes, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return -1 }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count < 0 { return nil }
            if count == 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func reason() -> String {
        String(cString: strerror(errno))
    }
}
