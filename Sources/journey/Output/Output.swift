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
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "" }
        var text = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            if VisibleText.isControl(scalar) && scalar != "\n" {
                text += String(format: "\\u%04x", scalar.value)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text + "\n"
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
