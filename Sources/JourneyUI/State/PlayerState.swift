import JourneyKit
import JourneyLayout

/// Everything the player shows. Changed only by `update`; drawn by `render`.
public struct PlayerState: Sendable {
    /// Below this size the player shows a notice instead of the course.
    public static let minimumColumns = 30
    public static let minimumRows = 8
    /// Lines of text are at most this wide, centred on wider terminals.
    public static let maximumBodyWidth = 100

    public let course: Course
    let lessons: [Lesson]
    /// For each lesson, the index of its module.
    let moduleIndex: [Int]
    public private(set) var current: Int
    /// The first line of the lesson shown at the top of the body.
    public internal(set) var top = 0
    public private(set) var columns: Int
    public private(set) var rows: Int
    public internal(set) var overlay: Overlay?
    public internal(set) var lastQuery = ""
    /// Shown underlined in the lesson after jumping to a search result.
    public internal(set) var highlight: String?
    public let glyphs: Glyphs
    /// The current lesson laid out at the body's width; kept because every key press scrolls it.
    public private(set) var lines: [StyledLine] = []

    public init(course: Course, lessonID: String? = nil, columns: Int, rows: Int, glyphs: Glyphs = .unicode) {
        self.course = course
        let lessons = course.lessons
        self.lessons = lessons
        moduleIndex = course.modules.enumerated().flatMap { index, module in module.lessons.map { _ in index } }
        current = lessonID.flatMap { id in lessons.firstIndex { $0.id == id } } ?? 0
        self.columns = columns
        self.rows = rows
        self.glyphs = glyphs
        relayout()
    }

    public var lesson: Lesson { lessons[current] }
    public var module: Module { course.modules[moduleIndex[current]] }
    public var lessonCount: Int { lessons.count }
    public var isTooSmall: Bool { columns < Self.minimumColumns || rows < Self.minimumRows }

    /// Rows between the header and the footer.
    public var bodyRows: Int { max(1, rows - 2) }
    public var bodyWidth: Int { min(columns, Self.maximumBodyWidth) }
    /// The width lessons are laid out at: the body less a column of margin each side.
    var layoutWidth: Int { max(Layout.minimumWidth, bodyWidth - 2) }
    var maximumTop: Int { max(0, lines.count - bodyRows) }

    func layout() -> Layout { Layout(width: layoutWidth, glyphs: glyphs) }

    mutating func go(toLesson index: Int, top newTop: Int = 0) {
        guard lessons.indices.contains(index) else { return }
        if index != current {
            current = index
            relayout()
        }
        top = min(max(0, newTop), maximumTop)
    }

    /// A new size keeps the reading position: the block at the top stays at the top.
    mutating func resize(columns: Int, rows: Int) {
        let anchor = lines.indices.contains(top) ? lines[top].anchor : 0
        let oldWidth = layoutWidth
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        if layoutWidth != oldWidth { relayout() }
        top = min(lines.firstIndex { $0.anchor == anchor } ?? 0, maximumTop)
    }

    private mutating func relayout() {
        lines = layout().lines(for: lesson)
    }
}

/// What covers the lesson: the contents, a search, or the help.
public enum Overlay: Equatable, Sendable {
    case contents(selected: Int)
    case search(Search)
    case help(top: Int)
}

/// A search: typing its query, then choosing among its results.
public struct Search: Equatable, Sendable {
    public var query: String
    /// Nil while the query is being typed.
    public var results: [SearchResult]?
    public var selected = 0
    /// Enter was pressed and the results are being found.
    public var isRunning = false

    public init(query: String, results: [SearchResult]? = nil, selected: Int = 0) {
        self.query = query
        self.results = results
        self.selected = selected
    }
}

/// A line of a lesson that matches a query.
public struct SearchResult: Equatable, Sendable {
    public var lesson: Int
    public var line: Int
    public var text: String
}
