import ArgumentParser
import Foundation
import JourneyKit
import JourneyLayout
import JourneyStore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write your journal: every answer you saved, with its prompt and dates, and your ticks.",
        discussion: """
            Markdown by default, or JSON for scripts. Answers to prompts the course no longer has are \
            included too. A file written with --output is readable only by you (mode 0600).
            """,
        version: Journey.version
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @OptionGroup var course: CourseArgument
    @Option(help: "markdown or json.")
    var format: Format = .markdown
    @Flag(help: "Include text you have written but not saved.")
    var includeDrafts = false
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?
    @OptionGroup var data: DataOptions

    func run() throws {
        let course = try Output.loadReportingProblems(course.source)
        let journal = try data.read { try $0.journal(course: course.id) }
        let arranged = CourseJournal(course: course, journal: journal, includeDrafts: includeDrafts)
        let text = switch format {
        case .markdown: JournalMarkdown.text(course, arranged, includeDrafts: includeDrafts)
        case .json: Output.json(JournalJSON(course, arranged))
        }
        guard let output else {
            Output.write(text)
            return
        }
        do {
            try PrivateFile.write(text, to: output)
        } catch {
            Output.error("journey: cannot write \(output): \(error)")
            throw ExitCode.failure
        }
        let count = arranged.entries.reduce(0) { $0 + $1.answers.count }
        Output.error("Wrote \(Output.plural(count, "saved answer")) to \(output) (readable only by you).")
    }
}

/// The journal as Markdown: the learner's words in quotes, so nothing they wrote can become a heading,
/// and no control character from the course or the answers reaches a terminal that shows it.
enum JournalMarkdown {
    static func text(_ course: Course, _ journal: CourseJournal, includeDrafts: Bool) -> String {
        var out = ""
        out.reserveCapacity(journal.entries.reduce(4096) { total, entry in
            total + entry.answers.reduce(256) { $0 + $1.text.utf8.count + 64 }
        })
        func line(_ text: String = "") {
            out += text
            out += "\n"
        }
        line("# \(VisibleText.prose(course.title)): my journal")
        line()
        line("Exported \(DateLabel.text(Date())). These are your own words; keep them somewhere private.")
        line()
        if journal.entries.isEmpty {
            line("No answers saved yet.")
            line()
        }
        let current = journal.entries.filter(\.inCourse)
        let orphans = journal.entries.filter { !$0.inCourse }
        for (index, entry) in current.enumerated() {
            let previous = index > 0 ? current[index - 1] : nil
            if entry.moduleTitle != previous?.moduleTitle {
                line("## \(VisibleText.prose(entry.moduleTitle))")
                line()
            }
            if entry.lessonID != previous?.lessonID {
                line("### \(VisibleText.prose(entry.lessonTitle))")
                line()
            }
            write(entry, line)
        }
        if !orphans.isEmpty {
            line("## Answers to prompts no longer in the course")
            line()
        }
        for entry in orphans {
            line("### \(VisibleText.prose(entry.lessonTitle))")
            line()
            write(entry, line)
        }
        if !journal.ticks.isEmpty {
            line("## Checklists")
            line()
            for tick in journal.ticks { line("- [\(tick.ticked ? "x" : " ")] \(VisibleText.prose(tick.text ?? tick.itemID))") }
            line()
        }
        return out
    }

    /// A prompt, its answers newest first, and any drafts.
    private static func write(_ entry: CourseJournal.Entry, _ line: (String) -> Void) {
        line("**\(VisibleText.prose(entry.prompt))**")
        line("")
        for (index, answer) in entry.answers.enumerated() {
            if index == 1 {
                line("Earlier versions:")
                line("")
            }
            quote(answer.text, line)
            line("")
            line("_Saved \(DateLabel.text(answer.savedAt))_")
            line("")
        }
        for draft in entry.drafts {
            line("Unsaved draft:")
            line("")
            quote(draft.text, line)
            line("")
            line("_Written \(DateLabel.text(draft.updatedAt))_")
            line("")
        }
    }

    /// The learner's words as a quote, line by line, with no control character left raw.
    private static func quote(_ text: String, _ line: (String) -> Void) {
        for piece in text.lines { line(piece.isEmpty ? ">" : "> " + VisibleText.make(String(piece))) }
    }
}

/// The journal as `export --format json` writes it; dates in ISO 8601.
struct JournalJSON: Encodable {
    struct CourseInfo: Encodable { var id, title, version: String }
    struct Prompt: Encodable {
        var id, module, lessonID, lesson, prompt: String
        var inCourse: Bool
        var answers: [Text]
        var drafts: [Text]?
    }
    struct Text: Encodable { var text, date: String }
    struct Tick: Encodable {
        var id: String
        var text: String?
        var ticked: Bool
        var date: String
    }

    var course: CourseInfo
    var exported: String
    var prompts: [Prompt]
    var checklist: [Tick]

    init(_ course: Course, _ journal: CourseJournal) {
        self.course = CourseInfo(id: course.id, title: course.title, version: course.version)
        exported = DateLabel.iso8601(Date())
        prompts = journal.entries.map { entry in
            Prompt(id: entry.promptID, module: entry.moduleTitle, lessonID: entry.lessonID, lesson: entry.lessonTitle,
                   prompt: entry.prompt, inCourse: entry.inCourse,
                   answers: entry.answers.map { Text(text: $0.text, date: DateLabel.iso8601($0.savedAt)) },
                   drafts: entry.drafts.isEmpty ? nil : entry.drafts.map { Text(text: $0.text, date: DateLabel.iso8601($0.updatedAt)) })
        }
        checklist = journal.ticks.map { Tick(id: $0.itemID, text: $0.text, ticked: $0.ticked, date: DateLabel.iso8601($0.updatedAt)) }
    }
}
