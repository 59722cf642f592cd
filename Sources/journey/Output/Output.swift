import ArgumentParser
import Foundation
import JourneyKit
import JourneyLayout

/// Writing to standard output and standard error; every string from content passes through
/// `VisibleText` first so no control character reaches the terminal.
enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data((VisibleText.prose(message) + "\n").utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        let text = diagnostics.sortedForReport().map { VisibleText.prose($0.formatted) + "\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Loads the course, reports its problems and returns it; fails only when nothing can be shown.
    static func loadReportingProblems(_ argument: CourseArgument) throws -> Course {
        let result = argument.load()
        report(result.diagnostics)
        guard let course = result.course, !course.lessons.isEmpty else { throw ExitCode.failure }
        return course
    }

    /// The lesson with `id`; when there is none, says which ids are closest and fails with status 1.
    static func lesson(_ id: String, in course: Course) throws -> Lesson {
        if let lesson = course.lesson(id: id) { return lesson }
        let closest = course.lessonIDs(closestTo: id)
        error("error: no lesson '\(id)'" + (closest.isEmpty ? "" : "; closest: \(closest.joined(separator: ", "))")
            + " (see `journey outline`)")
        throw ExitCode.failure
    }

    static func writeJSON(_ value: some Encodable) {
        write(json(value))
    }

    /// Pretty JSON with C1 control characters and DEL escaped too, so the text is safe on a terminal.
    /// (The encoder escapes C0 controls itself; DEL is one byte, and every C1 control starts with 0xC2.)
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "" }
        let text = String(decoding: data, as: UTF8.self)
        guard data.contains(where: { $0 == 0x7F || $0 == 0xC2 }) else { return text + "\n" }
        var escaped = ""
        for scalar in text.unicodeScalars {
            if VisibleText.isControl(scalar) && scalar != "\n" {
                escaped += String(format: "\\u%04x", scalar.value)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\n"
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
