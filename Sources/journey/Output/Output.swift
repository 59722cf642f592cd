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

    /// Loads the course, reports its problems (see `reportProblems`) and returns it; fails only when
    /// nothing can be shown.
    static func loadReportingProblems(_ source: CourseSource, fullScreen: Bool = false) throws -> Course {
        let result = source.load()
        reportProblems(result, fullScreen: fullScreen)
        guard let course = result.course, !course.lessons.isEmpty else { throw ExitCode.failure }
        return course
    }

    /// Every problem found loading a course or, for a full-screen command, its errors and how many
    /// warnings there are (warnings would otherwise be left above the shell once it ends).
    static func reportProblems(_ result: LoadResult, fullScreen: Bool) {
        let warnings = fullScreen ? result.diagnostics.filter { $0.severity == .warning }.count : 0
        report(fullScreen ? result.diagnostics.filter { $0.severity != .warning } : result.diagnostics)
        if warnings > 0 {
            error("journey: \(warnings) warning\(warnings == 1 ? "" : "s") about the course; `journey lint` lists "
                + (warnings == 1 ? "it" : "them"))
        }
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

    /// Pretty JSON whose strings never hold a control character: one from content is written as the
    /// player shows it (`^[`, `<U+202E>`), so a script that prints a value (`jq -r`) prints it safely.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "" }
        let text = String(decoding: data, as: UTF8.self)
        // The encoder escapes C0 controls (as \u00XX, \r, \b, \f); anything else is there as itself, and
        // the only raw line breaks are the pretty printing's.
        let holdsControls = text.unicodeScalars.contains { VisibleText.isControl($0) && $0 != "\n" }
        guard holdsControls || ["\\u00", "\\r", "\\b", "\\f"].contains(where: text.contains),
              let tree = try? JSONSerialization.jsonObject(with: data),
              let visible = try? JSONSerialization.data(withJSONObject: visibleStrings(tree),
                                                        options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return text + "\n" }
        return String(decoding: visible, as: UTF8.self) + "\n"
    }

    /// Every string in a JSON tree, keys too, as `VisibleText` shows it; line breaks and tabs stay.
    private static func visibleStrings(_ value: Any) -> Any {
        switch value {
        case let text as String: VisibleText.make(text, keeping: ["\n", "\t"])
        case let list as [Any]: list.map(visibleStrings)
        case let object as [String: Any]:
            Dictionary(object.map { (VisibleText.make($0.key), visibleStrings($0.value)) }) { first, _ in first }
        default: value
        }
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
