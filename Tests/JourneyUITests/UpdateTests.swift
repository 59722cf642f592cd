import Foundation
import JourneyKit
import JourneyUI
import Testing

/// The player's behaviour, key by key, without a terminal.
@Suite struct UpdateTests {
    static let course: Course = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/course.md").path
        return CourseLoader.load(path: path).course!
    }()

    private func player(columns: Int = 80, rows: Int = 24, lesson: String? = nil) -> PlayerState {
        PlayerState(course: Self.course, lessonID: lesson, columns: columns, rows: rows)
    }

    /// Presses keys as the backend does; returns the effects the backend acts on.
    private func press(_ state: inout PlayerState, _ keys: Key...) -> [Effect] {
        keys.flatMap { state.handle(.key($0)) }
    }

    @Test func opensAtTheFirstLessonOrTheOneAskedFor() {
        #expect(player().lesson.id == "arriving")
        #expect(player(lesson: "settling-in").lesson.id == "settling-in")
    }

    @Test func scrollsByLinesHalfPagesAndPagesWithinTheLesson() {
        var state = player(columns: 40, rows: 12)
        let bottom = state.lines.count - state.bodyRows
        #expect(bottom > 10)
        _ = press(&state, .character("j"), .down)
        #expect(state.top == 2)
        _ = press(&state, .character("k"))
        #expect(state.top == 1)
        _ = press(&state, .control("d"))
        #expect(state.top == 1 + state.bodyRows / 2)
        _ = press(&state, .control("u"), .up, .up)
        #expect(state.top == 0)
        _ = press(&state, .pageDown)
        #expect(state.top == state.bodyRows - 1)
        _ = press(&state, .character("b"))
        #expect(state.top == 0)
        _ = press(&state, .character("G"))
        #expect(state.top == bottom)
        _ = press(&state, .character("j"), .pageDown)
        #expect(state.top == bottom, "never past the end")
        _ = press(&state, .home)
        #expect(state.top == 0)
        _ = press(&state, .end, .character("g"))
        #expect(state.top == 0)
    }

    @Test func spaceAtTheEndOfALessonGoesOnToTheNext() {
        var state = player(columns: 40, rows: 12)
        _ = press(&state, .end, .character(" "))
        #expect(state.lesson.id == "settling-in")
        #expect(state.top == 0)
        _ = press(&state, .end, .pageDown)
        #expect(state.lesson.id == "settling-in", "PgDn does not change lesson")
    }

    @Test func movesBetweenLessonsWithinBounds() {
        var state = player()
        _ = press(&state, .character("p"))
        #expect(state.lesson.id == "arriving")
        _ = press(&state, .character("n"), .right, .right, .right)
        #expect(state.lesson.id == "boundaries-again")
        _ = press(&state, .left)
        #expect(state.lesson.id == "settling-in")
    }

    @Test func contentsJumpsToTheChosenLesson() {
        var state = player()
        _ = press(&state, .character("t"))
        #expect(state.overlay == .contents(selected: 0))
        _ = press(&state, .character("j"), .down)
        #expect(state.overlay == .contents(selected: 2))
        _ = press(&state, .enter)
        #expect(state.overlay == nil)
        #expect(state.lesson.id == "boundaries-again")
        _ = press(&state, .character("t"), .escape)
        #expect(state.overlay == nil)
        _ = press(&state, .character("t"), .character("t"))
        #expect(state.overlay == nil)
    }

    @Test func searchFindsLinesAcrossLessonsJumpsAndHighlights() throws {
        var state = player()
        _ = press(&state, .character("/"))
        for character in "BOUNDARIES" { _ = press(&state, .character(character)) }
        _ = press(&state, .enter)
        guard case .search(let search) = state.overlay, let results = search.results else {
            Issue.record("expected search results")
            return
        }
        #expect(results.map(\.lesson) == [1, 2, 2])
        _ = press(&state, .down, .enter)
        #expect(state.lesson.id == "boundaries-again")
        #expect(state.highlight == "BOUNDARIES")
        #expect(state.overlay == nil)
        _ = press(&state, .character("/"))
        #expect(state.overlay == .search(Search(query: "BOUNDARIES")), "/ starts from the last query")
        _ = press(&state, .escape, .escape)
        #expect(state.highlight == nil, "Esc while reading clears the highlight")
    }

    @Test func typingAQueryTakesEveryCharacterAndBackspace() {
        var state = player()
        _ = press(&state, .character("/"), .character("q"), .character("x"), .backspace, .character("?"))
        #expect(state.overlay == .search(Search(query: "q?")))
        _ = press(&state, .control("u"))
        #expect(state.overlay == .search(Search(query: "")))
        _ = press(&state, .enter)
        #expect(state.overlay == nil, "an empty search closes")
        _ = press(&state, .character("/"), .character("z"), .character("z"), .enter)
        guard case .search(let search) = state.overlay else { return }
        #expect(search.results == [])
    }

    @Test func helpOpensAndClosesAndQuitWorksEverywhere() {
        var state = player()
        _ = press(&state, .character("?"))
        #expect(state.overlay == .help(top: 0))
        _ = press(&state, .character("?"))
        #expect(state.overlay == nil)
        for opener in [Key.character("?"), .character("t")] {
            var copy = state
            #expect(press(&copy, opener, .character("q")) == [.quit])
        }
        #expect(press(&state, .character("q")) == [.quit])
        #expect(press(&state, .control("l")) == [.redraw])
    }

    @Test func resizeKeepsTheSameBlockAtTheTop() {
        var state = player(columns: 80, rows: 24)
        _ = press(&state, .character("j"), .character("j"), .character("j"), .character("j"))
        let anchor = state.lines[state.top].anchor
        let text = state.lines[state.top].text
        _ = state.update(.resize(columns: 40, rows: 12))
        #expect(state.lines[state.top].anchor == anchor)
        #expect(state.lines[state.top].text.hasPrefix(String(text.prefix(10))))
        _ = state.update(.resize(columns: 1, rows: 1))
        #expect(state.isTooSmall)
        _ = state.update(.resize(columns: 80, rows: 24))
        #expect(state.lines[state.top].anchor == anchor)
    }

    @Test func enterShowsSearchingBeforeTheResults() {
        var state = player()
        _ = press(&state, .character("/"), .character("h"))
        #expect(state.update(.key(.enter)) == [.then(.runSearch)])
        #expect(state.render().text.contains("Searching…"))
        #expect(state.update(.runSearch) == [])
        guard case .search(let search) = state.overlay else { return }
        #expect(search.results?.isEmpty == false)
        #expect(!search.isRunning)
    }

    @Test func keysThatMeanNothingChangeNothing() {
        var state = player()
        let before = state.render()
        #expect(press(&state, .character("z"), .tab, .control("x"), .enter) == [])
        #expect(state.render() == before)
    }
}
