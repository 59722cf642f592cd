import Foundation
import ArgumentParser
import JourneyKit
import JourneyLayout

struct Outline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "Show a course's modules, lessons and reflection prompts.",
        discussion: "Lesson ids are what `print --lesson` takes.",
        version: Journey.version
    )

    @OptionGroup var course: CourseArgument
    @Flag(help: "Write the outline as JSON: {id, title, path, support?, modules: [{id, title, lessons: [{id, title, contentNote?, facilitatorNotes?, prompts: [{id, text}]}]}]}.")
    var json = false

    func run() throws {
        let course = try Output.loadReportingProblems(course.source)
        if json {
            Output.writeJSON(OutlineJSON(course))
        } else {
            Output.write(Self.text(course))
        }
    }

    static func text(_ course: Course) -> String {
        var lines = ["\(course.title)  [\(course.id)]"]
        for (moduleNumber, module) in course.modules.enumerated() {
            lines.append("  \(moduleNumber + 1). \(module.title)  [\(module.id)]")
            for (lessonNumber, lesson) in module.lessons.enumerated() {
                lines.append("     \(moduleNumber + 1).\(lessonNumber + 1) \(lesson.title)  [\(lesson.id)]")
                if let note = lesson.contentNote { lines.append("         Content note: \(note)") }
                if !lesson.facilitatorNotes.isEmpty { lines.append("         (notes for the facilitator)") }
                for prompt in lesson.prompts {
                    lines.append("         ? \(prompt.text)  [\(prompt.id)]")
                }
            }
        }
        if let support = course.support { lines.append("  Support: \(support.title)  [s in the player, print --support]") }
        return lines.map { VisibleText.prose($0) }.joined(separator: "\n") + "\n"
    }
}

/// The outline as `outline --json` writes it.
struct OutlineJSON: Encodable {
    struct Module: Encodable { var id, title: String; var lessons: [Lesson] }
    struct Lesson: Encodable {
        var id, title: String
        var contentNote: String?
        /// The lesson's `> [!NOTES]` as plain text, a line per paragraph or list item.
        var facilitatorNotes: String?
        var prompts: [Prompt]
    }
    struct Prompt: Encodable { var id, text: String }
    struct Page: Encodable { var title, path: String }

    var id, title, description, version, language, path: String
    var authors: [String]
    var modules: [Module]
    var support: Page?

    init(_ course: Course) {
        id = course.id
        title = course.title
        description = course.description
        version = course.version
        language = course.language
        path = course.path
        authors = course.authors
        modules = course.modules.map { module in
            Module(id: module.id, title: module.title, lessons: module.lessons.map { lesson in
                Lesson(id: lesson.id, title: lesson.title, contentNote: lesson.contentNote,
                       facilitatorNotes: Self.plainText(lesson.facilitatorNotes),
                       prompts: lesson.prompts.map { Prompt(id: $0.id, text: $0.text) })
            })
        }
        support = course.support.map { Page(title: $0.title, path: $0.path) }
    }

    /// Blocks as plain text: laid out without wrapping, blank lines between blocks dropped.
    private static func plainText(_ blocks: [Block]) -> String? {
        guard !blocks.isEmpty else { return nil }
        let lines = Layout(width: Layout.maximumWidth).lines(for: blocks).map(\.text)
        return lines.filter { !$0.isEmpty }.map { $0.trimmingSpaces }.joined(separator: "\n")
    }
}
