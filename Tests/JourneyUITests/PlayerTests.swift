import BundledCourse
import Foundation
import JourneyKit
import JourneyLayout
@testable import JourneyUI
import Testing
import TestSupport

/// Drives the player as the run loop does: messages in, effects collected.
struct Driver {
    var player: Player
    var effects: [Effect] = []

    init(columns: Int = 80, rows: Int = 24, lesson: String? = nil, learner: LearnerRecord = LearnerRecord(),
         course: Course = PlayerTests.course) {
        player = Player(course: course, lessonID: lesson, learner: learner, columns: columns, rows: rows)
        effects = player.begin()
    }

    var context: Context { player.context }
    var reader: Reader { player.context.reader }
    var lesson: String { player.context.lesson.id }
    var screen: any Screen { player.screen }
    var text: String { player.render().text }

    /// Presses keys; returns the effects they caused (also kept in `effects`).
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { send(.key($0)) }
    }

    /// Types text a character at a time.
    mutating func type(_ text: String) {
        for character in text { send(.key(character == "\n" ? .enter : .character(character))) }
    }

    @discardableResult
    mutating func send(_ message: Message) -> [Effect] {
        let new = player.updateFollowingThen(message)
        effects += new
        return new
    }

    /// The store requests so far, without reading positions, and forgets every effect.
    mutating func takeStoreEffects() -> [StoreRequest] {
        defer { effects = [] }
        return effects.compactMap { effect in
            guard case .store(let request) = effect else { return nil }
            if case .recordPosition = request { return nil }
            return request
        }
    }
}

/// The player key by key, without a terminal: reading, lessons, the overlays, resizing.
@Suite struct PlayerTests {
    static let course: Course = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/course.md").path
        return CourseLoader.load(path: path).course!
    }()

    @Test func opensAtTheLessonAskedForElseWhereTheLearnerLeftOffElseTheStart() {
        #expect(Driver().lesson == "arriving")
        #expect(Driver(lesson: "settling-in").lesson == "settling-in")
        let learner = LearnerRecord(position: ReadingPosition(lessonID: "boundaries-again", block: 1, fraction: 0))
        #expect(Driver(learner: learner).lesson == "boundaries-again")
        #expect(Driver(lesson: "arriving", learner: learner).lesson == "arriving")
        let gone = LearnerRecord(position: ReadingPosition(lessonID: "removed-lesson", block: 3, fraction: 0.5))
        #expect(Driver(learner: gone).lesson == "arriving", "a lesson no longer in the course starts at the start")
    }

    @Test func scrollsByLinesHalfPagesAndPagesWithinTheLesson() {
        var driver = Driver(columns: 40, rows: 12)
        let page = driver.context.bodyRows
        let bottom = driver.reader.maximumTop
        #expect(bottom > 10)
        driver.press(.character("j"), .down)
        #expect(driver.reader.top == 2)
        driver.press(.character("k"))
        #expect(driver.reader.top == 1)
        driver.press(.control("d"))
        #expect(driver.reader.top == 1 + page / 2)
        driver.press(.control("u"), .up, .up)
        #expect(driver.reader.top == 0)
        driver.press(.pageDown)
        #expect(driver.reader.top == page - 1)
        driver.press(.character("b"))
        #expect(driver.reader.top == 0)
        driver.press(.character("G"))
        #expect(driver.reader.top == bottom)
        driver.press(.character("j"), .pageDown)
        #expect(driver.reader.top == bottom, "never past the end")
        driver.press(.home)
        #expect(driver.reader.top == 0)
        driver.press(.end, .character("g"))
        #expect(driver.reader.top == 0)
    }

    @Test func spaceAtTheEndGoesOnAndTheLastLessonOpensTheReflections() throws {
        var driver = Driver(columns: 40, rows: 12)
        driver.press(.end, .character(" "))
        #expect(driver.lesson == "settling-in")
        #expect(driver.reader.top == 0)
        driver.press(.end, .pageDown)
        #expect(driver.lesson == "settling-in", "PgDn does not change lesson")
        driver.press(.character("n"), .end, .character(" "))
        let reflections = try #require(driver.screen as? ReflectionsScreen)
        #expect(reflections.finished)
        #expect(driver.text.contains("You have reached the end"))
        driver.press(.escape, .character("n"))
        #expect(driver.screen is ReflectionsScreen, "n on the last lesson opens them too")
    }

    @Test func movesBetweenLessonsWithinBounds() {
        var driver = Driver()
        driver.press(.character("p"))
        #expect(driver.lesson == "arriving")
        driver.press(.character("n"), .right)
        #expect(driver.lesson == "boundaries-again")
        driver.press(.left)
        #expect(driver.lesson == "settling-in")
    }

    @Test func contentsOpensTheChosenLesson() throws {
        var driver = Driver()
        driver.press(.character("t"))
        #expect(try #require(driver.screen as? ContentsScreen).selected == 0)
        driver.press(.character("j"), .down)
        #expect(try #require(driver.screen as? ContentsScreen).selected == 2)
        driver.press(.enter)
        #expect(driver.screen is ReadingScreen)
        #expect(driver.lesson == "boundaries-again")
        driver.press(.character("t"), .escape)
        #expect(driver.screen is ReadingScreen)
        driver.press(.character("t"), .character("t"))
        #expect(driver.screen is ReadingScreen)
    }

    @Test func searchFindsLinesAcrossLessonsJumpsAndHighlights() throws {
        var driver = Driver()
        driver.press(.character("/"))
        driver.type("BOUNDARIES")
        driver.press(.enter)
        let search = try #require(driver.screen as? SearchScreen)
        let results = try #require(search.results)
        #expect(results.map(\.lesson) == [1, 2, 2])
        driver.press(.down, .enter)
        #expect(driver.lesson == "boundaries-again")
        #expect(driver.context.highlight == "BOUNDARIES")
        #expect(driver.screen is ReadingScreen)
        driver.press(.character("/"))
        #expect(try #require(driver.screen as? SearchScreen).query == "BOUNDARIES", "/ starts from the last query")
        driver.press(.escape, .escape)
        #expect(driver.context.highlight == nil, "Esc while reading clears the highlight")
    }

    @Test func typingAQueryTakesEveryCharacterAndBackspace() throws {
        var driver = Driver()
        driver.press(.character("/"), .character("q"), .character("x"), .backspace, .character("?"))
        #expect(try #require(driver.screen as? SearchScreen).query == "q?")
        driver.press(.control("u"))
        #expect(try #require(driver.screen as? SearchScreen).query == "")
        driver.press(.enter)
        #expect(driver.screen is ReadingScreen, "an empty search closes")
        driver.press(.character("/"), .character("z"), .character("z"), .enter)
        let nothing = try #require(driver.screen as? SearchScreen)
        #expect(nothing.results == nil && nothing.foundNothing, "no matches leaves the query open")
        #expect(driver.text.contains("No matches. Change the words"))
        driver.press(.backspace, .character("x"))
        #expect(try #require(driver.screen as? SearchScreen).query == "zx")
    }

    @Test func enterShowsSearchingBeforeTheResults() throws {
        var driver = Driver()
        driver.press(.character("/"), .character("h"))
        #expect(driver.player.update(.key(.enter)) == [.then(.runSearch)])
        #expect(driver.text.contains("Searching… 0%"))
        #expect(driver.player.update(.runSearch).isEmpty, "a small course is searched in one slice")
        let search = try #require(driver.screen as? SearchScreen)
        #expect(search.results?.isEmpty == false)
        #expect(search.running == nil)
    }

    /// A course of lessons of `lines` paragraphs each, "Line N of lesson L, about trust.", and a support page.
    static func course(lessons: Int, lines: Int) -> Course {
        let texts = (1...lessons).map { index in
            "## Lesson \(index)\n\n" + (1...lines).map { "Line \($0) of lesson \(index), about trust." }.joined(separator: "\n\n")
        }
        let module = "# Long\n\n" + texts.joined(separator: "\n\n")
        let folder = EmbeddedCourseFolder(displayPath: "long", files: [
            "course.yaml": Array("title: Long\nmodules: [long.md]\nsupport: s.md\n".utf8), "long.md": Array(module.utf8),
            "s.md": Array("# Support\n\nHelp is near.\n".utf8),
        ])
        return CourseLoader.load(folder: folder).course!
    }

    /// Forty lessons of a hundred matching lines each: more than one slice, and more than the results shown.
    static let longCourse = course(lessons: 40, lines: 100)

    @Test func aLongSearchRunsInSlicesThatKeysCanStop() throws {
        var driver = Driver(course: Self.longCourse)
        driver.press(.character("/"))
        driver.type("lesson 3")
        #expect(driver.player.update(.key(.enter)) == [.then(.runSearch)])
        #expect(driver.player.update(.runSearch) == [.then(.runSearch)], "more than one slice")
        let percent = try #require(driver.text.firstMatch(of: /Searching… (\d+)%/).flatMap { Int($0.1) })
        #expect((1..<100).contains(percent))
        #expect(driver.player.update(.key(.character("0"))).isEmpty, "typing stops the search")
        #expect(try #require(driver.screen as? SearchScreen).running == nil)
        #expect(driver.player.update(.runSearch).isEmpty, "the stopped search's next slice does nothing")
        driver.press(.enter)
        let search = try #require(driver.screen as? SearchScreen)
        #expect(Set(search.results?.map(\.lesson) ?? []) == [29], "only lesson 30 has 'lesson 30'")
        driver.press(.escape, .character("/"))
        #expect(driver.player.update(.key(.enter)) == [.then(.runSearch)])
        #expect(driver.player.update(.key(.escape)).isEmpty)
        #expect(driver.screen is ReadingScreen, "Esc during a search closes it")
        #expect(driver.player.update(.runSearch).isEmpty)
    }

    @Test func aSearchStopsAtTheMostResultsAndSaysSo() throws {
        var driver = Driver(course: Self.longCourse)
        driver.press(.character("/"))
        driver.type("trust")
        driver.press(.enter)
        let search = try #require(driver.screen as? SearchScreen)
        #expect(search.results?.count == SearchEngine.maximumResults)
        #expect(driver.text.contains("The first 1000 matches; more words narrow the search"))

        var exact = Driver(course: Self.course(lessons: 1, lines: SearchEngine.maximumResults))
        exact.press(.character("/"))
        exact.type("trust")
        exact.press(.enter)
        #expect(exact.text.contains("1000 matches"))
        #expect(!exact.text.contains("The first"), "exactly as many as are shown is not cut")
    }

    @Test func aSearchGoesOnUnderAnotherScreen() throws {
        var driver = Driver(course: Self.longCourse)
        driver.press(.character("/"))
        driver.type("lesson 33,")
        #expect(driver.player.update(.key(.enter)) == [.then(.runSearch)])
        driver.press(.control("o"))
        #expect(driver.screen is SupportScreen)
        driver.send(.runSearch)
        driver.press(.escape)
        let search = try #require(driver.screen as? SearchScreen)
        #expect(search.results?.count == 100)
    }

    @Test func aPhraseIsFoundAcrossLineBreaksAndTheResultsDoNotDependOnTheWidth() throws {
        let course = try #require(CourseLoader.load(folder: EmbeddedCourseFolder(displayPath: BundledCourse.displayPath,
                                                                                 files: BundledCourse.files)).course)
        var counts: [Int] = []
        for columns in [40, 80, 120] {
            var driver = Driver(columns: columns, rows: 24, course: course)
            driver.press(.character("/"))
            driver.type("can grow again")
            driver.press(.enter)
            counts.append(try #require((driver.screen as? SearchScreen)?.results).count)
        }
        #expect(counts[0] > 0 && Set(counts).count == 1, "\(counts)")
    }

    @Test func aSecondSearchUsesTheTextGatheredByTheFirst() throws {
        var driver = Driver(course: Self.longCourse)
        driver.press(.character("/"))
        driver.type("lesson 12,")
        driver.press(.enter)
        #expect(driver.context.searchIndex.isComplete(Self.longCourse.lessons.count))
        driver.press(.escape, .character("/"), .control("u"))
        driver.type("lesson 13,")
        #expect(driver.player.update(.key(.enter)) == [.then(.runSearch)])
        #expect(driver.player.update(.runSearch).isEmpty, "no slices: the text is there already")
        #expect(try #require(driver.screen as? SearchScreen).results?.count == 100)
    }

    @Test func aResultShowsTheWordsAroundTheMatchAndSaysWhereItIsCut() throws {
        var driver = Driver(columns: 40, rows: 12, course: Self.longCourse)
        driver.press(.character("/"))
        driver.type("about")
        driver.press(.enter)
        let lines = driver.text.split(separator: "\n").filter { $0.contains("about") && !$0.contains("Search:") }
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasSuffix("trust.") || $0.contains("…") }, "\(lines)")
    }

    @Test func aJumpLandsOnTheMatchEvenPastManyLinkReferences() throws {
        let links = (1...40).map { "[link \($0)](https://example.com/\($0))" }.joined(separator: " ")
        let folder = EmbeddedCourseFolder(displayPath: "links", files: [
            "course.yaml": Array("title: Links\nmodules: [m.md]\n".utf8),
            "m.md": Array("# M\n\n## Lesson\n\n\(links) and then the word zebrafinch near the end.\n".utf8),
        ])
        let course = try #require(CourseLoader.load(folder: folder).course)
        var driver = Driver(columns: 80, rows: 24, course: course)
        driver.press(.character("/"))
        driver.type("zebrafinch near")
        driver.press(.enter, .enter)
        #expect(driver.text.contains("zebrafinch"), "\(driver.text)")
        let rows = driver.player.render().text.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(rows.firstIndex { $0.contains("zebrafinch") })
        #expect(row <= 4, "the match two lines from the top of the lesson, not among the references: row \(row)")
    }

    @Test func aPhraseRunningPastALinkNumberIsUnderlined() throws {
        let spans = [Span("See the "), Span("[1]", .linkTarget), Span("docs", .link), Span(" today.")]
        let lit = SearchEngine.highlighting("see the docs", in: spans)
        let underlined = lit.filter { $0.role.contains(.match) }.map(\.text).joined()
        #expect(underlined == "See the docs", "\(lit)")
    }

    @Test func aResultFoundAtOneWidthOpensItsLineAtAnother() throws {
        var driver = Driver(course: Self.longCourse)
        driver.press(.character("/"))
        driver.type("line 60 of lesson 7,")
        driver.press(.enter)
        driver.send(.resize(columns: 40, rows: 12))
        driver.press(.enter)
        #expect(driver.lesson == "lesson-7")
        let shown = driver.reader.lines[driver.reader.top..<driver.reader.top + driver.context.bodyRows].map(\.text).joined(separator: " ")
        #expect(shown.contains("Line 60 of"), "\(shown)")
    }

    /// `--watch`: the course read again keeps the lesson (by id) and the place, shows lint's findings
    /// above the footer, and closes screens that point into the old course, but not an answer being written.
    @Test func aCourseReadAgainKeepsThePlaceAndShowsItsProblems() throws {
        var driver = Driver(columns: 40, rows: 12, lesson: "boundaries-again")
        driver.press(.character("j"))
        let place = driver.reader.place
        var edited = PlayerTests.course
        edited.modules.insert(Module(id: "new", title: "New", lessons: [Lesson(id: "new", title: "New", path: "", blocks: [])]), at: 0)
        driver.press(.character("t"))
        driver.send(.courseChanged(edited, problems: ["m.md:3:1: warning: something to fix"]))
        #expect(driver.screen is ReadingScreen, "the contents pointed into the old course")
        #expect(driver.lesson == "boundaries-again")
        #expect(driver.reader.lesson == 3)
        #expect(driver.reader.place == place)
        let rows = driver.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[rows.count - 2].hasPrefix(" m.md:3:1: warning: something"))

        driver.press(.character("r"))
        driver.type("kept")
        driver.send(.courseChanged(nil, problems: ["course.yaml:1:1: error: malformed manifest"]))
        #expect((driver.screen as? EditorScreen)?.text.text == "kept", "an answer being written stays open")
        #expect(driver.context.course == edited, "a course that cannot be read leaves the one on screen")
        driver.send(.courseChanged(edited, problems: []))
        #expect(!driver.text.contains("malformed"))
    }

    /// The first frame is drawn from the course in outline with the lesson in view in full: the same frame
    /// as from the whole course, at the learner's place, and the whole course then keeps what is open.
    @Test func theFirstFrameFromAnOutlineIsTheWholeCoursesFrame() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/course.md").path
        let outline = CourseLoader.outline(path: path)
        var answers: [String: LearnerRecord.Answer] = [:]
        for prompt in PlayerTests.course.lessons.flatMap(\.prompts) {
            answers[prompt.id] = LearnerRecord.Answer(text: "Mine", saved: "today")
        }
        for lesson in PlayerTests.course.lessons {
            let learner = LearnerRecord(answers: answers, position: ReadingPosition(lessonID: lesson.id, block: 1, fraction: 0.5))
            let first = Driver(columns: 50, rows: 14, learner: learner,
                               course: try #require(outline.course(withLessonInFull: lesson.id)))
            let whole = Driver(columns: 50, rows: 14, learner: learner)
            #expect(first.text == whole.text, "\(lesson.id)")
        }
        var driver = Driver(course: try #require(outline.course(withLessonInFull: nil)))
        driver.press(.character("?"))
        driver.send(.courseLoaded(PlayerTests.course))
        #expect(driver.screen is HelpScreen, "nothing open is closed")
        #expect(driver.context.course == PlayerTests.course)
    }

    @Test func helpListsTheKeysOfWhatIsOpenAndQuitWorksEverywhere() {
        var driver = Driver()
        driver.press(.character("?"))
        #expect(driver.screen is HelpScreen)
        #expect(driver.text.contains("Prompts and checklists"))
        driver.press(.character("?"), .character("t"), .character("?"))
        #expect(driver.text.contains("open the selected lesson"), "help over the contents lists the contents' keys")
        #expect(!driver.text.contains("Prompts and checklists"))
        for opener in [Key.character("?"), .character("t"), .character("R")] {
            var copy = Driver()
            #expect(copy.press(opener, .character("q")).contains(.quit))
        }
        #expect(driver.press(.character("q")) == [.quit])
        #expect(driver.press(.control("l")) == [.redraw])
    }

    @Test func whileTooSmallOnlyTheNamedKeysAct() {
        var driver = Driver()
        driver.send(.resize(columns: 20, rows: 6))
        #expect(driver.press(.character("n"), .character("G"), .character("t"), .tab).isEmpty)
        #expect(driver.lesson == "arriving" && driver.reader.top == 0 && driver.screen is ReadingScreen)
        #expect(driver.press(.character("q")) == [.quit])
    }

    @Test func resizeKeepsTheSameBlockAtTheTop() {
        var driver = Driver(columns: 80, rows: 24)
        driver.press(.character("j"), .character("j"), .character("j"), .character("j"))
        let anchor = driver.reader.lines[driver.reader.top].anchor
        let text = driver.reader.lines[driver.reader.top].text
        driver.send(.resize(columns: 40, rows: 12))
        #expect(driver.reader.lines[driver.reader.top].anchor == anchor)
        #expect(driver.reader.lines[driver.reader.top].text.hasPrefix(String(text.prefix(10))))
        driver.send(.resize(columns: 1, rows: 1))
        driver.send(.resize(columns: 80, rows: 24))
        #expect(driver.reader.lines[driver.reader.top].anchor == anchor)
    }

    @Test func aRoundTripOfSizesComesBackToTheSamePlace() {
        var driver = Driver(columns: 80, rows: 12)
        driver.press(.character("G"), .character("k"), .character("k"))
        let top = driver.reader.top
        let line = driver.reader.lines[top].text
        for (columns, rows) in [(50, 15), (120, 40), (20, 6), (80, 12)] {
            driver.send(.resize(columns: columns, rows: rows))
        }
        #expect(driver.reader.top == top, "the whole lesson fitting at 120x40 did not lose the place")
        #expect(driver.reader.lines[driver.reader.top].text == line)
    }

    @Test func keysThatMeanNothingChangeNothing() {
        var driver = Driver(lesson: "boundaries-again")
        let before = driver.player.render()
        #expect(driver.press(.character("z"), .control("x"), .character("Q")).isEmpty)
        #expect(driver.player.render() == before)
    }
}
