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

    /// A facilitator presenting the course has notes for every lesson, and the lesson with a content note
    /// tells them never to ask for the hurt itself.
    @Test func everyLessonHasNotesForAFacilitator() throws {
        let course = try #require(result.course)
        for lesson in course.lessons {
            #expect(!lesson.facilitatorNotes.isEmpty, "\(lesson.id) has no facilitator notes")
        }
        let hurt = try #require(course.lesson(id: "acknowledge-the-hurt"))
        #expect(hurt.contentNote != nil, "the content note stays first")
        #expect("\(hurt.facilitatorNotes)".contains("Do not ask anyone to describe the hurt"))
    }

    @Test func followsTheArticlesSectionsAndEndsLast() throws {
        let course = try #require(result.course)
        #expect(course.title == "Learning to Trust Again")
        #expect(course.modules.map(\.title) == ["Getting Started", "The Importance of Trust", "Steps to Rebuild Trust",
                                                "Trust in the Relationships Ahead", "The Journey Goes On"])
        let titles = course.lessons.map { $0.title.lowercased() }
        for topic in ["ground we stand on", "how we feel", "acknowledge the hurt", "professional support",
                      "self-compassion", "trust yourself", "set boundaries", "consistency", "communicate openly",
                      "kinds of support"] {
            #expect(titles.contains { $0.contains(topic) }, "no lesson about \(topic)")
        }
        #expect(course.lessons.last?.id == "looking-back-looking-ahead", "the end of the course comes last")
    }

    /// Answers, ticks and progress are stored under these ids: changing one orphans learners' data, so a
    /// change here must be deliberate.
    @Test func idsArePublishedAndStable() throws {
        let course = try #require(result.course)
        #expect(course.lessons.map(\.id) == [
            "welcome-to-this-course", "caring-for-yourself-along-the-way", "finding-your-way-around",
            "trust-is-the-ground-we-stand-on", "trust-and-how-we-feel", "acknowledge-the-hurt",
            "seek-professional-support", "practise-self-compassion", "trust-yourself-again", "set-boundaries",
            "look-for-consistency", "communicate-openly", "kinds-of-support", "looking-back-looking-ahead",
        ])
        #expect(course.lessons.flatMap(\.prompts).map(\.id) == [
            "welcome-hopes", "welcome-support", "welcome-crisis-plan", "welcome-pace", "importance-safe-space",
            "importance-on-guard", "importance-ease", "acknowledge-name-the-hurt", "acknowledge-permission",
            "acknowledge-check-in", "support-feelings", "support-first-step", "compassion-friend",
            "compassion-kind-words", "self-trust-got-it-right", "self-trust-small-promise",
            "boundaries-one-to-practise", "consistency-steady-person", "consistency-noticing", "communicate-unsaid",
            "communicate-sentence", "closing-next-step", "closing-noticed", "closing-hard-day",
        ])
        let items = course.lessons.flatMap(\.checklistItems).map(\.id)
        #expect(items.count == 6 && items.allSatisfy { $0.hasPrefix("set-boundaries/") })
    }

    @Test func everyLessonHasAPrompt() throws {
        for lesson in try #require(result.course).lessons {
            #expect(!lesson.prompts.isEmpty, "\(lesson.id) has no prompt")
        }
    }

    @Test func theSafetyNetComesBeforeTheFirstPrompt() throws {
        let course = try #require(result.course)
        let first = try #require(course.lessons.first)
        var before = ""
        var reachedPrompt = false
        Block.visit(first.blocks) { block in
            if case .prompt = block { reachedPrompt = true }
            guard !reachedPrompt else { return }
            before += dump([block])
        }
        for words in ["not a substitute for professional care", "your safety comes first", "domestic-abuse",
                      "do not owe anyone renewed trust or forgiveness", "crisis", "local emergency number",
                      "Press s at any time to open the support page"] {
            #expect(before.contains(words), "before the first prompt: \(words)")
        }
    }

    @Test func theSupportPageIsOneKeyAwayAndSaysWhereToTurn() throws {
        let page = try #require(result.course?.support)
        let text = dump(page.blocks)
        for words in ["not a substitute for professional care", "crisis line", "domestic-abuse", "lists no phone numbers",
                      "lasts for weeks", "Drinking or using drugs to cope", "grounding"] {
            #expect(text.contains(words), "the support page: \(words)")
        }
        #expect(page.prompts.isEmpty)
    }

    @Test func theMostActivatingLessonWarnsFirstAndChecksIn() throws {
        let lesson = try #require(result.course?.lesson(id: "acknowledge-the-hurt"))
        #expect(lesson.contentNote?.contains("support") == true)
        #expect(lesson.prompts.map(\.id).contains("acknowledge-check-in"))
        #expect(!lesson.prompts.contains { $0.text.lowercased().contains("what happened") && !$0.text.contains("need to say") },
                "no prompt asks the learner to retell what happened")
    }

    @Test func supportIncludesTheRoutesThatFitBrokenTrust() throws {
        let text = dump(try #require(result.course?.lesson(id: "kinds-of-support")).blocks)
        for route in ["Individual therapy", "Couples or relationship therapy", "not advised where there is abuse",
                      "Domestic-abuse services", "Trauma-focused therapy"] {
            #expect(text.contains(route), "kinds of support: \(route)")
        }
    }

    @Test func holdsASelfCompassionPracticeWithItsCreditAndABoundariesChecklist() throws {
        let course = try #require(result.course)
        let practice = dump(course.lesson(id: "practise-self-compassion")?.blocks ?? [])
        #expect(practice.contains("self-compassion exercise"))
        #expect(practice.contains("Kristin Neff"))
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
