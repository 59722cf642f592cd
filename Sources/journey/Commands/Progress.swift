import ArgumentParser
import JourneyKit
import JourneyLayout
import JourneyStore
import JourneyUI

struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show how far you are: lessons read, prompts answered, items ticked, where you left off.",
        version: Journey.version
    )

    @OptionGroup var course: CourseArgument
    @Flag(help: "Write the figures as JSON.")
    var json = false
    @OptionGroup var data: DataOptions

    func run() throws {
        let course = try Output.loadReportingProblems(course.source)
        let record = try data.read { try $0.record(course: course.id) }
        let figures = ProgressJSON(course, record)
        if json {
            Output.writeJSON(figures)
        } else {
            Output.write(Self.text(figures))
        }
    }

    static func text(_ figures: ProgressJSON) -> String {
        func share(_ done: Int, _ total: Int) -> String { "\(done)/\(total)" }
        var lines = [figures.title,
                     "  \(figures.lessons.done) of \(figures.lessons.total) lessons read (\(figures.percentRead)%), "
                        + "\(figures.prompts.done) of \(figures.prompts.total) prompts answered"
                        + (figures.items.total > 0 ? ", \(figures.items.done) of \(figures.items.total) items ticked" : ""),
                     ""]
        for (number, module) in figures.modules.enumerated() {
            let answered = module.lessons.reduce(0) { $0 + $1.answered }
            let prompts = module.lessons.reduce(0) { $0 + $1.prompts }
            lines.append("  \(number + 1). \(module.title)  \(share(module.lessons.filter(\.read).count, module.lessons.count)) read"
                + (prompts > 0 ? ", \(share(answered, prompts)) answered" : ""))
            for lesson in module.lessons {
                lines.append("     \(lesson.read ? "✓" : " ") \(lesson.title)"
                    + (lesson.prompts > 0 ? "  \(share(lesson.answered, lesson.prompts)) answered" : ""))
            }
        }
        if let resume = figures.resumeAt {
            lines += ["", "  `journey` opens where you left off: \(resume.title)"]
        }
        if figures.unsavedDrafts > 0 {
            lines += ["", "  \(figures.unsavedDrafts) prompt\(figures.unsavedDrafts == 1 ? " has" : "s have") unsaved words; "
                + "`journey` shows them under the prompt, and `journey export --include-drafts` includes them."]
        }
        if figures.answersToRemovedPrompts > 0 {
            lines += ["", "  \(figures.answersToRemovedPrompts) of your answers are to prompts the course no longer has; "
                + "they are kept, and `journey export` includes them."]
        }
        return lines.map { VisibleText.prose($0) }.joined(separator: "\n") + "\n"
    }
}

/// The figures as `progress --json` writes them.
struct ProgressJSON: Encodable {
    struct Count: Encodable { var done, total: Int }
    struct Lesson: Encodable {
        var id, title: String
        var read: Bool
        var prompts, answered: Int
    }
    struct Module: Encodable { var id, title: String; var lessons: [Lesson] }
    struct Place: Encodable { var id, title: String }

    var id, title: String
    var lessons, prompts, items: Count
    var percentRead: Int
    var modules: [Module]
    var resumeAt: Place?
    var answersToRemovedPrompts: Int
    /// Prompts whose newest draft says more than the saved answer.
    var unsavedDrafts: Int

    init(_ course: Course, _ record: CourseData) {
        id = course.id
        title = course.title
        let all = course.lessons
        let progress = CourseProgress(LearnerRecord(record))
        lessons = Count(progress.read(all))
        prompts = Count(progress.answered(all))
        items = Count(progress.ticked(all))
        percentRead = progress.read(all).percent
        modules = course.modules.map { module in
            Module(id: module.id, title: module.title, lessons: module.lessons.map { lesson in
                Lesson(id: lesson.id, title: lesson.title, read: progress.isRead(lesson),
                       prompts: lesson.prompts.count, answered: progress.answered([lesson]).done)
            })
        }
        resumeAt = record.position.flatMap { position in
            course.lesson(id: position.lessonID).map { Place(id: $0.id, title: $0.title) }
        }
        let known = Set(all.flatMap(\.prompts).map(\.id))
        answersToRemovedPrompts = record.answers.keys.filter { !known.contains($0) }.count
        unsavedDrafts = record.drafts.values.filter { !$0.text.isEmpty && $0.text != record.answers[$0.promptID]?.text }.count
    }
}

extension ProgressJSON.Count {
    init(_ count: CourseProgress.Count) {
        self.init(done: count.done, total: count.total)
    }
}
