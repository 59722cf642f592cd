import Foundation

/// Golden files: text compared with a file committed beside the tests. A missing or different file fails;
/// `JOURNEY_RECORD_GOLDENS=1` writes the actual text instead (an explicit act, never done in CI).
public enum Golden {
    /// Nil when `actual` matches `folder/name`, else a message showing the first difference.
    public static func check(_ actual: String, named name: String, in folder: URL) -> String? {
        let url = folder.appending(path: name)
        if ProcessInfo.processInfo.environment["JOURNEY_RECORD_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return nil
        }
        guard let data = try? Data(contentsOf: url) else {
            return "missing golden file \(url.path); run with JOURNEY_RECORD_GOLDENS=1 to record it"
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let common = min(expectedLines.count, actualLines.count)
        let index = (0..<common).first { expectedLines[$0] != actualLines[$0] } ?? common
        let line = { (lines: [Substring]) in index < lines.count ? String(lines[index]) : "<end>" }
        return "\(name) differs at line \(index + 1):\n  expected: \(line(expectedLines))\n  actual:   \(line(actualLines))"
    }
}

/// A folder of files made for one test and removed when it is released.
public final class TemporaryFolder {
    public let url: URL

    public init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appending(path: "journey-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, Data(text.utf8)) }
    }

    public func write(_ name: String, _ data: Data) throws {
        let file = url.appending(path: name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    public func path(_ name: String = "") -> String {
        name.isEmpty ? url.path : url.appending(path: name).path
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
