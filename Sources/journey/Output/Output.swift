import ArgumentParser
import CTerminal
import Foundation
import JourneyKit
import JourneyLayout

/// Writing to standard output and standard error; every string from content passes through
/// `VisibleText` first so no control character reaches the terminal. A reader that goes away (a closed
/// pipe) ends the program quietly, as a broken pipe does; any other write error is one line and exit 1.
enum Output {
    static func write(_ text: String) {
        emit(text, to: STDOUT_FILENO)
    }

    static func error(_ message: String) {
        emit(VisibleText.prose(message) + "\n", to: STDERR_FILENO)
    }

    /// A question on standard error, the answer to follow on the same line.
    static func ask(_ question: String) {
        emit(VisibleText.prose(question), to: STDERR_FILENO)
    }

    static func report(_ diagnostics: [Diagnostic]) {
        emit(diagnostics.sortedForReport().map { VisibleText.prose($0.formatted) + "\n" }.joined(), to: STDERR_FILENO)
    }

    private static func emit(_ text: String, to fd: Int32) {
        var text = text
        let failure = text.withUTF8 { bytes in
            bytes.isEmpty ? 0 : journey_write_all(fd, bytes.baseAddress, bytes.count)
        }
        guard failure != 0 else { return }
        if failure == EPIPE { journey_die_of_broken_pipe() }
        if fd == STDOUT_FILENO { error("journey: cannot write the output: \(String(cString: strerror(failure)))") }
        exit(1)
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

    /// Pretty JSON with C1 controls, DEL and bidirectional controls escaped too (the encoder escapes
    /// C0 controls itself), so the text is safe on a terminal.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "" }
        let text = String(decoding: data, as: UTF8.self)
        guard VisibleText.mayHoldControls(text) else { return text + "\n" }
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
