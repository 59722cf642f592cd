import Foundation

/// Runs the built `journey` binary, which sits beside the test runner in the build folder.
public enum BuiltProgram {
    public struct Outcome {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static var path: String {
        if let override = ProcessInfo.processInfo.environment["JOURNEY_BINARY"] { return override }
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return runner.deletingLastPathComponent().appending(path: "journey").path
    }

    /// The release build of `journey` (scripts/test builds it; `swift test` alone does not).
    public static var releasePath: String {
        URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "release/journey").path
    }

    /// Runs `journey` with `arguments`; `environment` entries are added to (or, when nil, removed from) this one.
    public static func run(_ arguments: [String], environment: [String: String?] = [:],
                           directory: String? = nil) throws -> Outcome {
        try spawn(path, arguments, environment: environment, directory: directory)
    }

    /// Runs `script` in `sh`, where `$JOURNEY` is the program: for redirections and pipes.
    public static func shell(_ script: String) throws -> Outcome {
        try spawn("/bin/sh", ["-c", script], environment: ["JOURNEY": path])
    }

    private static func spawn(_ executable: String, _ arguments: [String], environment: [String: String?],
                              directory: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both pipes are drained at once, so a chatty stderr cannot block the program.
        let errorData = ErrorBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            errorData.data = error.fileHandleForReading.readDataToEndOfFile()
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errorData.data, as: UTF8.self))
    }
}

private final class ErrorBox: @unchecked Sendable {
    var data = Data()
}
