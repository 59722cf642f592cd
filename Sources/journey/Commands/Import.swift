import ArgumentParser
import Foundation
import JourneyKit
import JourneyLayout

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn an article into a course folder.",
        discussion: """
            A Markdown article gives its # heading as the course's title, each ## a module and each \
            ### a lesson (a module without one is one lesson), its text kept as written. A plain-text \
            article's headings are found from its shape (short lines without closing punctuation, \
            followed by text), and the import says which lines it took. Every lesson gets a starter \
            reflection prompt and the course a starter support page: read them both before anyone \
            takes the course. The folder is written whole or not at all.
            """,
        version: Journey.version
    )

    @Argument(help: "The article: a Markdown or plain-text file.")
    var article: String
    @Option(name: .shortAndLong, help: "The course folder to create.")
    var output: String
    @Flag(help: "Replace the output folder when it exists and is not empty.")
    var force = false

    func run() throws {
        let (source, problems) = ArticleImport.read(path: article)
        Output.report(problems)
        guard let source, !problems.contains(where: { $0.severity == .error }) else { throw ExitCode.failure }
        let stem = URL(fileURLWithPath: article).deletingPathExtension().lastPathComponent
        let imported = ArticleImport.make(source, fallbackTitle: stem)

        // What is written must load as a course: checked before anything touches the disk.
        let check = CourseLoader.load(folder: EmbeddedCourseFolder(displayPath: output,
                                                                   files: imported.files.mapValues { Array($0.utf8) }))
        let findings = Linter.lint(check)
        if findings.contains(where: { $0.severity == .error }) {
            Output.report(findings)
            Output.error("journey: the article did not make a course that loads; nothing was written")
            throw ExitCode.failure
        }
        try CourseFolderWriter.write(imported.files, to: output, replacing: force)
        Output.write(Self.summary(imported, output: output))
        Output.report(findings)
    }

    static func summary(_ imported: ArticleImport.Result, output: String) -> String {
        let kind = imported.wasPlainText ? "plain text" : "Markdown"
        var lines = ["Imported \u{201C}\(imported.title)\u{201D} from \(kind): \(imported.moduleCount) module"
            + (imported.moduleCount == 1 ? "" : "s") + ", \(imported.lessonCount) lesson"
            + (imported.lessonCount == 1 ? "" : "s") + ", each with a starter reflection prompt."]
        if imported.wasPlainText {
            lines.append(imported.headings.isEmpty ? "No line looked like a heading: the article is one lesson."
                : "Took these lines as headings:")
            let names = [1: "title ", 2: "module", 3: "lesson"]
            let width = "\(imported.headings.last?.line ?? 0)".count
            for heading in imported.headings {
                let line = String(repeating: " ", count: width - "\(heading.line)".count) + "\(heading.line)"
                lines.append("  \(line)  \(names[heading.level] ?? "")  \(heading.text)")
            }
        }
        lines.append("Wrote \(output): course.yaml, support.md and \(imported.moduleCount) module file"
            + (imported.moduleCount == 1 ? "." : "s."))
        lines.append("Next: read \(output)/support.md and add the help your learners can reach, edit the starter "
            + "prompts, then `journey lint \(output)` and `journey \(output)`.")
        return lines.map { VisibleText.prose($0) }.joined(separator: "\n") + "\n"
    }
}
