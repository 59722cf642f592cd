import Foundation
import JourneyKit
import JourneyStore

/// What the learner wrote for a course, arranged by the course: each prompt in course order with its
/// answers (newest first) and drafts, then answers to prompts the course no longer has (kept, never
/// dropped), and the checklist items with the learner's ticks.
struct CourseJournal {
    struct Entry {
        var promptID: String
        var moduleTitle: String
        var lessonID: String
        var lessonTitle: String
        var prompt: String
        /// False for a prompt the course no longer has; its texts come from when it was answered.
        var inCourse: Bool
        var answers: [AnswerRecord]
        var drafts: [DraftRecord]
    }

    struct Tick {
        var itemID: String
        /// The item's text, or nil when the course no longer has it.
        var text: String?
        var ticked: Bool
        var updatedAt: Date
    }

    var entries: [Entry] = []
    var ticks: [Tick] = []

    init(course: Course, journal: Journal, includeDrafts: Bool) {
        let answers = Dictionary(grouping: journal.answers, by: \.promptID).mapValues { $0.reversed() as [AnswerRecord] }
        let drafts = includeDrafts ? Dictionary(grouping: journal.drafts.filter { !$0.text.isEmpty }, by: \.promptID) : [:]
        var known: Set<String> = []
        for module in course.modules {
            for lesson in module.lessons {
                for prompt in lesson.prompts {
                    known.insert(prompt.id)
                    let entry = Entry(promptID: prompt.id, moduleTitle: module.title, lessonID: lesson.id,
                                      lessonTitle: lesson.title, prompt: prompt.text, inCourse: true,
                                      answers: answers[prompt.id] ?? [], drafts: drafts[prompt.id] ?? [])
                    if !entry.answers.isEmpty || !entry.drafts.isEmpty { entries.append(entry) }
                }
            }
        }
        var orphans: [String] = []
        for record in journal.answers.map(\.promptID) + journal.drafts.map(\.promptID) where !known.contains(record) {
            if !orphans.contains(record) { orphans.append(record) }
        }
        for id in orphans {
            let answers = answers[id] ?? []
            let drafts = drafts[id] ?? []
            guard let place = answers.first?.place ?? drafts.first?.place else { continue }
            entries.append(Entry(promptID: id, moduleTitle: place.moduleTitle, lessonID: place.lessonID,
                                 lessonTitle: place.lessonTitle, prompt: place.promptText, inCourse: false,
                                 answers: answers, drafts: drafts))
        }
        let items = Dictionary(course.lessons.flatMap(\.checklistItems).map { ($0.id, $0.text) }) { first, _ in first }
        ticks = journal.ticks.map { Tick(itemID: $0.itemID, text: items[$0.itemID], ticked: $0.ticked, updatedAt: $0.updatedAt) }
    }
}
