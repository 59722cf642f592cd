import BundledCourse
import Foundation
import JourneyKit
import JourneyLayout
@testable import JourneyUI
import Testing
import TestSupport

/// Present mode key by key: screenfuls, lessons by number, notes, the blank screen and the countdown,
/// and that nothing of a learner is shown or asked to be kept.
@Suite struct PresentTests {
    private static let answered = LearnerRecord(answers: ["arriving-why": .init(text: "MY PRIVATE ANSWER", saved: "today")],
                                                drafts: ["boundaries-which": .init(text: "MY PRIVATE DRAFT", owner: nil)],
                                                read: ["arriving"])

    private func presenter(_ columns: Int = 80, _ rows: Int = 24, course: Course = PlayerTests.course) -> Driver {
        var driver = Driver(columns: columns, rows: rows, course: course)
        driver.player = Player(course: course, learner: Self.answered, columns: columns, rows: rows, presenting: true)
        driver.effects = driver.player.begin()
        return driver
    }

    @Test func everyScreenfulOfTheCourseShowsNothingOfALearnerAndAsksNothingKept() throws {
        var driver = presenter(40, 12)
        var seen = 0
        while true {
            let text = driver.text
            #expect(!text.contains("MY PRIVATE"))
            #expect(!text.contains("Reflect"), "prompts are questions to discuss")
            let before = (driver.lesson, driver.reader.top)
            driver.press(.character(" "))
            seen += 1
            if (driver.lesson, driver.reader.top) == before { break }
        }
        #expect(driver.lesson == PlayerTests.course.lessons.last?.id)
        #expect(driver.text.contains("end of the course"), "the end is said, not silent")
        driver.press(.escape)
        #expect(seen > PlayerTests.course.lessons.count, "some lessons take more than one screenful")
        #expect(driver.effects.isEmpty, "present mode asks nothing of a store: \(driver.effects)")
        #expect(driver.text.contains("Discuss"))
    }

    @Test func backGoesToTheScreenfulBeforeAndTheEndOfTheLessonBefore() {
        var driver = presenter(40, 12)
        driver.press(.character(" "))
        #expect(driver.reader.top > 0)
        driver.press(.character("b"))
        #expect(driver.reader.top == 0)
        driver.press(.character("2"), .enter)
        driver.press(.left)
        #expect(driver.lesson == PlayerTests.course.lessons[0].id)
        let pages = Pagination(driver.reader.lines, height: driver.context.bodyRows)
        #expect(driver.reader.top == pages.starts.last, "the lesson before opens at its last screenful")
    }

    @Test func digitsThenEnterGoToALessonByNumber() {
        var driver = presenter()
        driver.press(.character("3"))
        #expect(driver.text.contains("Go to lesson 3"))
        driver.press(.enter)
        #expect(driver.lesson == PlayerTests.course.lessons[2].id)
        #expect(driver.text.contains("Module 2 · Lesson 3/3"))
        driver.press(.character("9"), .character("9"), .enter)
        #expect(driver.text.contains("There is no lesson 99; the course has 3."))
        driver.press(.character("1"), .escape, .enter)
        #expect(driver.lesson == PlayerTests.course.lessons[2].id, "Esc forgets the digits")
    }

    @Test func notesShowInAPanelAndNeverInTheLesson() {
        var driver = presenter()
        #expect(!driver.text.contains("come from furthest away"))
        driver.press(.character("N"))
        #expect(driver.text.contains("Notes for the facilitator"))
        #expect(driver.text.contains("Ask who has come from furthest away."))
        driver.press(.character("2"), .enter)
        #expect(driver.text.contains("No notes for this lesson."))
        driver.press(.character("N"))
        #expect(!driver.text.contains("Notes for the facilitator"))
    }

    @Test func blankHidesEverythingUntilAKey() {
        var driver = presenter()
        driver.press(.character("B"))
        #expect(driver.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        driver.press(.character("q"))
        #expect(driver.text.contains("Welcome."), "any key brings the screen back and does nothing else")
    }

    @Test func aCountdownTicksDownRingsOnceAndIsPutAway() {
        var driver = presenter()
        let start = ContinuousClock.now
        driver.send(.tick(start))
        driver.press(.character("T"))
        #expect(driver.player.wantsTicks)
        #expect(driver.text.contains("Timer 2:00"))
        #expect(driver.send(.tick(start.advanced(by: .seconds(61)))).isEmpty)
        #expect(driver.text.contains("Timer 0:59"))
        #expect(driver.send(.tick(start.advanced(by: .seconds(120)))) == [.bell])
        #expect(driver.text.contains("Time is up"))
        #expect(!driver.player.wantsTicks)
        driver.press(.escape)
        #expect(!driver.text.contains("Time is up"))
        driver.press(.character("5"), .character("T"))
        #expect(driver.text.contains("Timer 5:00"), "digits before T are minutes")
        driver.press(.character("3"), .character("T"))
        #expect(driver.text.contains("Timer 3:00"), "minutes typed while one runs start a new one")
        driver.press(.character("T"))
        #expect(!driver.text.contains("Timer"), "T alone stops it")
        driver.press(.character("9"), .character("9"), .character("9"), .character("T"))
        #expect(driver.text.contains("1 to 180 minutes"))
        driver.press(.character("z"))
        #expect(driver.text.contains("Timer 180:00"))
        let lines = driver.text.split(separator: "\n")
        #expect(lines.last?.contains("Timer") == true && lines.dropLast().allSatisfy { !$0.contains("Timer") },
                "the countdown is in the footer, never over the lesson")
    }

    /// Screenfuls never start with a blank line, never end on a heading, and together show every line.
    @Test(arguments: [(40, 12), (80, 24), (160, 45)])
    func screenfulsKeepHeadingsWithTheirText(_ columns: Int, _ rows: Int) throws {
        let folder = EmbeddedCourseFolder(displayPath: BundledCourse.displayPath, files: BundledCourse.files)
        let course = try #require(CourseLoader.load(folder: folder).course)
        let layout = Layout(width: min(columns, Context.maximumBodyWidth) - 2)
        let height = rows - 2
        for lesson in course.lessons {
            let lines = layout.presentation(of: lesson)
            let pages = Pagination(lines, height: height)
            var shown = 0
            for (index, start) in pages.starts.enumerated() {
                let end = index + 1 < pages.count ? pages.starts[index + 1] : lines.count
                #expect(!lines[start].spans.isEmpty)
                let page = lines[start..<min(end, start + height)]
                shown += page.count
                let hidden = lines[start..<end].dropFirst(height).filter { !$0.spans.isEmpty }
                #expect(hidden.isEmpty, "\(lesson.id): lines lost after \(start)")
                let blocks = Set(page.filter { !$0.spans.isEmpty }.map(\.anchor))
                if let last = page.last(where: { !$0.spans.isEmpty }), end < lines.count, blocks.count > 1 {
                    #expect(!last.spans.contains { $0.role.contains(.heading) }, "\(lesson.id): a heading ends the screenful at \(start)")
                }
            }
            let blank = lines.filter { $0.spans.isEmpty }.count
            #expect(shown + blank >= lines.count, "\(lesson.id): every line is on a screenful")
        }
    }
}
