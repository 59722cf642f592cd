import BundledCourse
import JourneyKit
import Testing

/// The course that ships with the binary: complete, clean, and careful with its readers.
@Suite struct BundledCourseTests {
    let result = CourseLoader.load(folder: EmbeddedCourseFolder(displayPath: BundledCourse.displayPath,
                                                               files: BundledCourse.files))

    @Test func loadsWithoutAnyProblem() {
        #expect(Linter.lint(result).map(\.formatted) == [])
    }

    @Test func followsTheArticlesSections() throws {
        let course = try #require(result.course)
        #expect(course.title == "Learning to Trust Again")
        #expect(course.modules.map(\.title) == ["Welcome", "The Importance of Trust", "Steps to Rebuilding Trust",
                                                "Fostering Trust in Future Relationships", "The Journey Goes On"])
        let titles = course.lessons.map { $0.title.lowercased() }
        for topic in ["ground we stand on", "how we feel", "acknowledge the hurt", "professional support",
                      "self-compassion", "set boundaries", "consistency", "communicate openly", "kinds of support"] {
            #expect(titles.contains { $0.contains(topic) }, "no lesson about \(topic)")
        }
    }

    @Test func everyLessonHasAPrompt() throws {
        for lesson in try #require(result.course).lessons {
            #expect(!lesson.prompts.isEmpty, "\(lesson.id) has no prompt")
        }
    }

    @Test func saysPlainlyItIsNoSubstituteForCareAndWhatToDoInACrisis() throws {
        let text = try #require(result.course?.lessons.map { dump($0.blocks) }.joined())
        #expect(text.contains("not a substitute for professional care"))
        #expect(text.contains("local emergency number"))
        #expect(text.contains("crisis line"))
        for support in ["Individual therapy", "Group therapy", "DBT skills groups"] {
            #expect(text.contains(support))
        }
    }

    @Test func holdsASelfCompassionPracticeAndABoundariesChecklist() throws {
        let course = try #require(result.course)
        let practice = dump(course.lesson(id: "practise-self-compassion")?.blocks ?? [])
        #expect(practice.contains("self-compassion exercise"))
        var checklists = 0
        Block.visit(course.lesson(id: "set-boundaries")?.blocks ?? []) {
            if case .list(let list) = $0, list.isChecklist { checklists += 1 }
        }
        #expect(checklists == 1)
    }

    private func dump(_ blocks: [Block]) -> String {
        var text = ""
        Block.visit(blocks) { block in
            switch block {
            case .paragraph(let inlines), .heading(_, let inlines): text += inlines.plainText + "\n"
            case .prompt(let prompt): text += prompt.text + "\n"
            default: break
            }
        }
        return text
    }
}
