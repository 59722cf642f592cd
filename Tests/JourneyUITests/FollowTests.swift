import JourneyKit
@testable import JourneyUI
import Testing
import TestSupport

/// Following a presenter, message by message: their lesson and place, stepping away and back, a course
/// or lesson this copy does not have, and the facilitator's notes terminal.
@Suite struct FollowTests {
    private static let course = PlayerTests.course

    private func position(_ lesson: String, block: Int = 0, fraction: Double = 0, course: String? = nil,
                          started: Double? = nil) -> Message {
        .presenter(.position(SharedPosition(course: course ?? Self.course.id, courseTitle: "Another Course",
                                            lesson: lesson, lessonTitle: "Lesson \(lesson)", block: block, fraction: fraction,
                                            lessonStarted: started)))
    }

    private func follower(_ columns: Int = 80, _ rows: Int = 24) -> Driver {
        var driver = Driver(columns: columns, rows: rows)
        driver.player.follow(Following(presenter: "alice"))
        return driver
    }

    @Test func goesToThePresentersLessonAndPlace() {
        var driver = follower(40, 12)
        #expect(driver.text.contains("waiting for alice"))
        let lesson = Self.course.lessons[0]
        driver.send(position(lesson.id, block: lesson.blocks.count, fraction: 0))
        #expect(driver.reader.top > 0, "the place in the lesson, not just the lesson")
        #expect(driver.text.contains("with alice"))
        driver.send(position("settling-in"))
        #expect(driver.lesson == "settling-in")
        #expect(driver.reader.top == 0)
    }

    @Test func theFollowersOwnLessonChangeStepsAwayAndFRejoins() {
        var driver = follower()
        driver.send(position("settling-in"))
        driver.press(.character("n"))
        #expect(driver.lesson == "boundaries-again")
        #expect(driver.context.following?.steppedAway == true)
        #expect(driver.text.contains("Stepped away; f goes back to alice."))
        driver.press(.character("k"))
        #expect(driver.text.contains("away from alice"))
        #expect(driver.text.contains("f rejoin"))
        driver.send(position("arriving"))
        #expect(driver.lesson == "boundaries-again", "stepped away, the presenter's moves do not move the reader")
        driver.press(.character("f"))
        #expect(driver.lesson == "arriving", "f goes back to where the presenter is now")
        #expect(driver.context.following?.steppedAway == false)
        driver.press(.character("f"))
        #expect(driver.context.following?.steppedAway == true)
        #expect(driver.text.contains("Stepped away"))
    }

    @Test func scrollingAndAnsweringWithinThePresentersLessonKeepFollowing() {
        var driver = follower(40, 12)
        driver.send(position("arriving"))
        driver.press(.character("j"), .tab)
        #expect(driver.context.following?.steppedAway == false)
        driver.press(.enter)
        #expect(driver.screen is EditorScreen)
        driver.send(position("settling-in"))
        #expect(driver.screen is EditorScreen, "an answer being written stays open")
        #expect(driver.lesson == "settling-in")
    }

    @Test func anotherCourseIsSaidPlainlyAndNotFollowed() {
        var driver = follower()
        driver.send(position("settling-in", course: "another-course"))
        #expect(driver.lesson == "arriving")
        #expect(driver.text.contains("alice is presenting “Another Course”"), "\(driver.text)")
        #expect(driver.text.contains("not following"))
    }

    @Test func aLessonThisCopyLacksIsANoticeOnceNeverAnotherLesson() {
        var driver = follower()
        driver.send(position("settling-in"))
        driver.send(position("a-lesson-added-later"))
        #expect(driver.lesson == "settling-in")
        #expect(driver.text.contains("you stay here"))
        driver.press(.character("j"))
        #expect(driver.context.following?.steppedAway == false, "scrolling where the follower is does not step away")
        driver.send(position("a-lesson-added-later", block: 2))
        #expect(!driver.text.contains("does not have"), "told once, not with every position")
        driver.send(position("boundaries-again"))
        #expect(driver.lesson == "boundaries-again", "following again once the presenter is on a lesson this copy has")
    }

    @Test func thePresenterStoppingAndRefusingAreShown() {
        var driver = follower()
        driver.send(position("arriving"))
        driver.send(.presenter(.waiting))
        #expect(driver.text.contains("alice stopped presenting"))
        driver.press(.character("j"))
        #expect(driver.text.contains("alice stopped; waiting"))
        driver.send(.presenter(.refused("alice shares this presentation only with their own terminals")))
        #expect(driver.text.contains("only with their own terminals"))
        driver.press(.character("j"))
        #expect(driver.text.contains("not following"))
    }

    @Test func followingYourselfWhileNobodyPresentsSaysHowToFollowSomeoneElse() {
        var driver = Driver()
        driver.player.follow(Following(presenter: "bob", whileWaiting: "Waiting for your own presentation; --from USER."))
        driver.send(.presenter(.waiting))
        #expect(driver.text.contains("--from USER"))
        driver.press(.character("j"))
        driver.send(.presenter(.waiting))
        #expect(!driver.text.contains("--from USER"), "said once")
    }

    @Test func fIsNothingWhenNotFollowing() {
        var driver = Driver()
        driver.press(.character("f"))
        #expect(driver.context.following == nil)
        driver.press(.character("?"))
        #expect(!driver.text.contains("step away"), "help lists following only while following")
    }

    @Test func theNotesTerminalShowsTheNotesOfThePresentersLessonAndAClock() {
        var driver = Driver()
        driver.player = Player.notes(course: Self.course, following: Following(presenter: "alice"), columns: 80, rows: 24)
        driver.effects = []
        #expect(driver.text.contains("Waiting for alice to present"))
        let start = ContinuousClock.now
        driver.send(.tick(start, WallTime(hour: 9, minute: 5, secondsSince1970: 1_000_000)))
        driver.send(position("arriving", started: 1_000_000 - 60))
        #expect(driver.text.contains("Ask who has come from furthest away"))
        #expect(!driver.text.contains("Welcome."), "the notes, not the lesson")
        #expect(driver.text.contains("09:05 · 1:00 on this lesson"), "since the presenter reached it: \(driver.text)")
        driver.send(.tick(start.advanced(by: .seconds(130)), WallTime(hour: 9, minute: 7, secondsSince1970: 1_000_130)))
        #expect(driver.text.contains("09:07 · 3:10 on this lesson"), "\(driver.text)")
        driver.press(.character("n"))
        #expect(driver.lesson == "settling-in")
        #expect(driver.context.following?.steppedAway == true)
        driver.press(.character("f"))
        #expect(driver.lesson == "arriving")
        #expect(driver.effects.allSatisfy { if case .store = $0 { false } else { true } }, "the notes keep nothing")
    }

    @Test func aSharedPresentationCountsItsFollowers() {
        var driver = Driver()
        driver.player = Player(course: Self.course, columns: 80, rows: 24, presenting: true)
        #expect(!driver.text.contains("following"))
        driver.send(.audience(3))
        #expect(driver.text.contains("3 following"))
        #expect(driver.player.sharedPosition.lesson == "arriving")
    }

    @Test func positionsOutsideWhatACourseHoldsAreNotWellFormed() {
        let good = SharedPosition(course: "c", courseTitle: "C", lesson: "l", lessonTitle: "L", block: 3, fraction: 0.5)
        #expect(good.isWellFormed)
        for bad in [{ (p: inout SharedPosition) in p.course = "" }, { $0.lesson = String(repeating: "x", count: 101) },
                    { $0.block = -1 }, { $0.fraction = .nan }, { $0.fraction = 2 }, { $0.lessonTitle = String(repeating: "t", count: 201) }] {
            var position = good
            bad(&position)
            #expect(!position.isWellFormed, "\(position)")
        }
    }
}

/// What a facilitator trying it found: stale words after the presenter moved on, a draft's message, the
/// contents and help of present mode.
@Suite struct FacilitatorTrialTests {
    @Test func thePresenterMovingToAnotherLessonPutsAwayWhatWasSaidBefore() {
        var driver = Driver()
        driver.player.follow(Following(presenter: "alice"))
        let course = PlayerTests.course
        func position(_ lesson: String) -> Message {
            .presenter(.position(SharedPosition(course: course.id, courseTitle: "", lesson: lesson, lessonTitle: lesson,
                                                block: 0, fraction: 0)))
        }
        driver.send(position("arriving"))
        driver.send(position("a-lesson-added-later"))
        #expect(driver.screen is NoticeScreen)
        driver.send(position("settling-in"))
        #expect(driver.screen is ReadingScreen, "the notice about the missing lesson is put away")
        driver.send(.notice("Your answer is saved."))
        driver.send(position("boundaries-again"))
        #expect(!driver.text.contains("Your answer is saved."))
    }

    @Test func aDraftLeftInAnotherLessonSaysWhereItWaits() {
        var driver = Driver()
        driver.player.follow(Following(presenter: "alice"))
        driver.press(.character("r"))
        driver.type("half a thought")
        driver.send(.presenter(.position(SharedPosition(course: PlayerTests.course.id, courseTitle: "", lesson: "settling-in",
                                                        lessonTitle: "", block: 0, fraction: 0))))
        driver.press(.escape)
        #expect(driver.text.contains("Your draft is kept under its prompt in “Arriving”."), "\(driver.text)")
    }

    @Test func presentingTheContentsNumberLessonsAndShowNoProgress() {
        var driver = Driver()
        driver.player = Player(course: PlayerTests.course, learner: LearnerRecord(read: ["arriving"]), columns: 80, rows: 24,
                               presenting: true)
        driver.press(.character("t"))
        #expect(driver.text.contains("1 Arriving") && driver.text.contains("3 Boundaries again"), "\(driver.text)")
        #expect(!driver.text.contains("read") && !driver.text.contains("answered"))
        driver.press(.escape, .character("?"))
        #expect(driver.text.contains("quit\n") || driver.text.contains("quit "), "present mode keeps no place to promise")
        #expect(!driver.text.contains("your place and answers are kept"))
        #expect(!driver.text.contains("the next screenful; at the end of a lesson, the ne\n"), "long key lists do not cut what they do")
    }
}
