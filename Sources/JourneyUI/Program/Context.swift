import JourneyKit
import JourneyLayout

/// What every screen sees and may change: the course, the terminal's size, the learner's record and
/// the lesson being read.
public struct Context: Sendable {
    /// Below this size the player shows a notice instead of the course.
    public static let minimumColumns = 30
    public static let minimumRows = 8
    /// Lines of text are at most this wide, centred on wider terminals.
    public static let maximumBodyWidth = 100

    public private(set) var course: Course
    public private(set) var lessons: [Lesson]
    /// Presenting to a group (`journey present`): lessons as banners with questions to discuss, and no
    /// learner's record shown or kept.
    public let isPresenting: Bool
    /// The time of the last tick, for countdowns.
    public internal(set) var now = ContinuousClock.now
    /// The wall clock at the last tick that told it, for clocks.
    public internal(set) var wallTime: WallTime?
    /// The presenter followed (`journey follow`, `journey notes`), if any.
    public internal(set) var following: Following?
    /// How many follow this presentation (`journey present --share`); nil when it is not shared.
    public internal(set) var audience: Int?
    /// For each lesson, the index of its module.
    private(set) var moduleIndex: [Int]
    /// What lint says about the course, while its files are watched (`--watch`): a line above the footer.
    public internal(set) var courseProblems: [String] = []
    public let glyphs: PlayerGlyphs
    public private(set) var columns: Int
    public private(set) var rows: Int
    public internal(set) var learner: LearnerRecord
    public internal(set) var reader: Reader
    /// The last search, where `/` starts again.
    public internal(set) var lastQuery = ""
    /// The course's text for search, gathered by the first search and kept until the course changes.
    var searchIndex = SearchIndex()
    /// Underlined in the lesson after jumping to a search result.
    public internal(set) var highlight: String?
    /// A line for the footer until the next key.
    public internal(set) var notice: String?

    init(course: Course, lesson: Int, place: Reader.Place, learner: LearnerRecord, columns: Int, rows: Int,
         glyphs: PlayerGlyphs, isPresenting: Bool) {
        self.course = course
        lessons = course.lessons
        self.isPresenting = isPresenting
        moduleIndex = Self.moduleIndex(of: course)
        self.glyphs = glyphs
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        self.learner = learner
        reader = Reader(lesson: lesson, lines: [], height: 1)
        reader = Reader(lesson: lesson, lines: layout(lesson), height: bodyRows, place: place)
        reader.stopsAtTheEnd = !isPresenting
    }

    public var lesson: Lesson { lessons[reader.lesson] }
    public var module: Module { course.modules[moduleIndex[reader.lesson]] }
    public var isTooSmall: Bool { columns < Self.minimumColumns || rows < Self.minimumRows }

    /// Rows between the header and the footer (and the course's problems, when there are any).
    public var bodyRows: Int { max(1, rows - 2 - (courseProblems.isEmpty ? 0 : 1)) }
    var bodyWidth: Int { min(columns, Self.maximumBodyWidth) }
    /// The width text is laid out at: the body less a column of margin each side.
    var layoutWidth: Int { max(Layout.minimumWidth, bodyWidth - 2) }
    /// Where screens draw: between header and footer, centred, with a margin.
    var body: Area { Area(row: 1, column: (columns - bodyWidth) / 2 + 1, width: layoutWidth, height: bodyRows) }

    var layout: Layout { Layout(width: layoutWidth, glyphs: glyphs.layout) }

    /// A lesson laid out with what the learner added to it, or as it is presented.
    func layout(_ lesson: Int) -> [StyledLine] {
        isPresenting ? layout.presentation(of: lessons[lesson])
            : layout.lines(for: lessons[lesson], notes: notes(for: lessons[lesson]))
    }

    // MARK: Moving

    mutating func go(toLesson index: Int, at place: Reader.Place = .start) {
        guard lessons.indices.contains(index) else { return }
        reader.show(lesson: index, lines: layout(index), at: place)
    }

    /// Opens a lesson at a search match: on the line nearest `place` in the match's block that shows the
    /// query (a block's lines may also hold its link references, a learner's answer or a stacked table's
    /// headers, which the place, measured in the block's text, knows nothing of), two lines from the top.
    mutating func go(toLesson index: Int, nearMatchOf query: String, at place: Reader.Place) {
        go(toLesson: index, at: place)
        let lines = reader.lines
        let estimate = reader.line(of: place)
        let text = { (line: Int) in lines.indices.contains(line) ? lines[line].text : "" }
        let showing = lines.indices.filter { line in
            lines[line].anchor == place.block
                && SearchEngine.highlighting(query, in: lines[line].spans, before: text(line - 1), after: text(line + 1))
                    .contains { $0.role.contains(.match) }
        }
        reader.scroll(to: (showing.min { abs($0 - estimate) < abs($1 - estimate) } ?? estimate) - 2)
    }

    /// Opens the lesson holding a prompt, selects it and scrolls to it.
    mutating func go(toPrompt id: String) {
        guard let index = lessons.firstIndex(where: { $0.prompts.contains { $0.id == id } }) else { return }
        if index != reader.lesson { go(toLesson: index) }
        reader.selection = .prompt(id)
        reader.reveal(.prompt(id))
    }

    /// A new size keeps the reading position.
    mutating func resize(columns: Int, rows: Int) {
        let width = layoutWidth
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        reader.relaid(width == layoutWidth ? reader.lines : layout(reader.lesson), height: bodyRows)
    }

    /// Lays the current lesson out again after the learner's record changed.
    mutating func refreshLesson() {
        reader.relaid(layout(reader.lesson), height: bodyRows)
    }

    /// The course as its files now say, at the same lesson and place when the lesson is still there (by
    /// id), else at the lesson in the same position; `problems` are what lint says about it.
    mutating func replaceCourse(_ new: Course, problems: [String]) {
        let (id, index, place) = (lesson.id, reader.lesson, reader.place)
        course = new
        lessons = new.lessons
        searchIndex = SearchIndex()
        moduleIndex = Self.moduleIndex(of: new)
        courseProblems = problems
        let same = lessons.firstIndex { $0.id == id }
        let shown = same ?? min(index, lessons.count - 1)
        let selection = reader.selection
        reader.show(lesson: shown, lines: layout(shown), at: same == nil ? .start : place)
        reader.relaid(reader.lines, height: bodyRows)
        if same != nil, let selection, reader.targets.contains(selection) { reader.selection = selection }
    }

    private static func moduleIndex(of course: Course) -> [Int] {
        course.modules.enumerated().flatMap { index, module in module.lessons.map { _ in index } }
    }

    // MARK: The learner's record

    /// A prompt of the course and where it stands.
    func promptRef(_ id: String) -> PromptRef? {
        for (index, lesson) in lessons.enumerated() {
            guard let prompt = lesson.prompts.first(where: { $0.id == id }) else { continue }
            return PromptRef(id: id, question: prompt.text, moduleTitle: course.modules[moduleIndex[index]].title,
                             lessonID: lesson.id, lessonTitle: lesson.title)
        }
        return nil
    }

    /// What the layout shows of the learner's record in a lesson.
    private func notes(for lesson: Lesson) -> LearnerNotes {
        var notes = LearnerNotes(ticks: learner.ticks)
        for prompt in lesson.prompts {
            if let answer = learner.answers[prompt.id] {
                notes.answers[prompt.id] = LearnerNotes.Answer(heading: "Your answer, \(answer.saved)", text: answer.text)
            }
            if learner.pendingDraft(prompt.id) != nil {
                notes.pending[prompt.id] = "You have unsaved words here: r to go on."
            }
        }
        return notes
    }
}

/// A rectangle of the screen.
public struct Area: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    /// The first `count` rows, and the rest.
    func splitTop(_ count: Int) -> (top: Area, rest: Area) {
        let count = min(max(0, count), height)
        return (Area(row: row, column: column, width: width, height: count),
                Area(row: row + count, column: column, width: width, height: height - count))
    }

    /// The last `count` rows, and the rest.
    func splitBottom(_ count: Int) -> (rest: Area, bottom: Area) {
        let (rest, bottom) = splitTop(height - count)
        return (rest, bottom)
    }
}
