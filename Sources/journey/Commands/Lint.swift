import ArgumentParser
import JourneyKit

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a course for problems.",
        discussion: """
            Prints each problem as path:line:col: error|warning: message to standard error, sorted by \
            file and position. Exits 1 when there is an error: something that makes the course unplayable \
            or could lose a learner's answers. Warnings are advice.
            """,
        version: Journey.version
    )

    @OptionGroup var course: CourseArgument
    @Flag(help: "Write the problems to standard output as a JSON array instead.")
    var json = false

    func run() throws {
        let result = course.source.load()
        let diagnostics = Linter.lint(result)
        if json {
            Output.writeJSON(diagnostics.map(DiagnosticJSON.init))
        } else {
            Output.report(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let lessons = result.course?.lessons.count ?? 0
            Output.error("\(Output.plural(errors, "error")), \(Output.plural(diagnostics.count - errors, "warning")) "
                + "in \(Output.plural(lessons, "lesson"))")
        }
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}

/// A diagnostic as `lint --json` writes it.
struct DiagnosticJSON: Encodable {
    var path: String
    var line: Int?
    var column: Int?
    var severity: String
    var message: String

    init(_ diagnostic: Diagnostic) {
        path = diagnostic.path
        line = diagnostic.line
        column = diagnostic.column
        severity = diagnostic.severity.rawValue
        message = diagnostic.message
    }
}
