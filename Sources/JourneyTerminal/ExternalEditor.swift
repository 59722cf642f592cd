import CTerminal
import Glibc

/// An answer written in the learner's own editor: `$VISUAL`, else `$EDITOR`, else `vi`, run by the
/// shell on a temporary file in a private folder, both removed afterwards.
enum ExternalEditor {
    enum Outcome: Equatable {
        case edited(String)
        /// Why nothing came back, worded for the learner.
        case failed(String)
    }

    static func edit(_ text: String, environment: [String: String]) -> Outcome {
        let command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
            .first { !$0.allSatisfy(\.isWhitespace) } ?? "vi"
        let base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/journey-answer-XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { return .failed("no private temporary folder in \(base): \(reason())") }
        let folder = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let file = folder + "/answer.md"
        defer {
            unlink(file)
            rmdir(folder)
        }
        guard write(text.isEmpty ? "" : text + "\n", to: file) else { return .failed("cannot write \(file): \(reason())") }
        let status = run(["/bin/sh", "-c", "\(command) \"$1\"", "journey-editor", file])
        switch status {
        case 0:
            guard let edited = read(file) else { return .failed("cannot read back \(file): \(reason())") }
            return .edited(edited)
        case 127: return .failed("cannot run the editor '\(command)'; set VISUAL or EDITOR")
        case -1: return .failed("cannot start the shell: \(reason())")
        default: return .failed("the editor '\(command)' ended with status \(status), so nothing was saved")
        }
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

    /// Creates `path` readable only by the learner and writes `text` to it.
    private static func write(_ text: String, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { return false }
            bytes = bytes.dropFirst(written)
        }
        return true
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
