import JourneyKit
import JourneyLayout

/// A search of the whole course: typing its query, then choosing among the lines that match.
struct SearchScreen: Screen {
    enum Action: Equatable, Sendable { case move(ListMove), open, edit }
    enum TypingAction: Equatable, Sendable { case search, deleteBackward, clear, close }

    /// While typing, every printable key is text; these are the others.
    static let typingKeys = KeyMap<TypingAction>([
        .init("Typing a search (every other key is text)", [
            .init([.enter], .search, "search (case does not matter)", hint: "search"),
            .init([.backspace], .deleteBackward, "delete a character"),
            .init([.control("u")], .clear, "clear the query"),
            .init([.escape], .close, "close the search", hint: "close"),
        ]),
    ])

    static let resultKeys = KeyMap<Action>([
        .init("Search results", ListMove.bindings(Action.move) + [
            .init([.enter], .open, "jump to the line and underline the matches", hint: "jump"),
            .init([.character("/")], .edit, "change the query", hint: "edit"),
        ]),
    ])

    var query: String
    /// Nil while the query is being typed or searched for.
    var results: [SearchResult]?
    /// More lines matched than `results` holds.
    var isCut = false
    var selected = 0
    /// Enter was pressed and the results are being found; typing stops the search.
    var running: SearchEngine.Progress?

    init(query: String) {
        self.query = query
    }

    func title(_ context: Context) -> [String] { ["Search"] }
    var help: [HelpSection] { results == nil ? Self.typingKeys.help : Self.resultKeys.help }
    var takesText: Bool { results == nil }

    func hints(_ context: Context) -> [String] {
        results == nil ? Self.typingKeys.hints([.search, .close])
            : Self.resultKeys.hints([.open]) + context.sharedHints([.close]) + Self.resultKeys.hints([.edit])
                + context.sharedHints([.help])
    }

    mutating func handle(_ key: Key, _ context: inout Context) -> Reaction? {
        results == nil ? type(key, &context) : choose(key, &context)
    }

    mutating func receive(_ message: Message, _ context: inout Context) -> Reaction {
        switch message {
        case .runSearch:
            guard var progress = running else { break }
            guard SearchEngine.advance(&progress, for: query, in: context.lessons, layout: context.layout) else {
                running = progress
                return .effects(.then(.runSearch))
            }
            results = Array(progress.found.prefix(SearchEngine.maximumResults))
            isCut = progress.found.count > SearchEngine.maximumResults
            running = nil
        case .paste(let text) where results == nil:
            query += VisibleText.prose(String(text.prefix { $0 != "\n" && $0 != "\r" }))
            running = nil
        default: break
        }
        return .stay
    }

    /// Keys while typing: text edits the query (and stops a search under way), Enter searches, Esc gives up.
    private mutating func type(_ key: Key, _ context: inout Context) -> Reaction? {
        if case .character(let character) = key {
            query.append(character)
            running = nil
            return .stay
        }
        switch Self.typingKeys.action(for: key) {
        case .deleteBackward: if !query.isEmpty { query.removeLast() }
        case .clear: query = ""
        case .close: return .close
        case .search:
            guard !query.isEmpty else { return .close }
            context.lastQuery = query
            let alreadyRunning = running != nil
            running = SearchEngine.Progress()
            return alreadyRunning ? .stay : .effects(.then(.runSearch))
        case nil: return nil
        }
        running = nil
        return .stay
    }

    /// Keys among results: move, Enter jumps to the line and underlines the matches, `/` edits.
    private mutating func choose(_ key: Key, _ context: inout Context) -> Reaction? {
        let results = results ?? []
        switch Self.resultKeys.action(for: key) {
        case .move(let move): selected = move.applied(to: selected, count: results.count, page: context.bodyRows)
        case .open:
            guard results.indices.contains(selected) else { return .stay }
            context.highlight = query
            context.go(toLesson: results[selected].lesson, near: results[selected].place)
            return .close
        case .edit: self = SearchScreen(query: query)
        case nil: return nil
        }
        return .stay
    }

    func render(into frame: inout Frame, area: Area, context: Context) {
        let prompt = [Span("Search: ", .label), Span(VisibleText.prose(query))]
        frame.put(prompt, row: area.row, column: area.column, width: area.width)
        let (_, list) = area.splitTop(2)
        if let running {
            let percent = running.nextLesson * 100 / max(1, context.lessons.count)
            frame.put([Span("Searching\(context.glyphs.ellipsis) \(percent)%", .meta)], row: list.row, column: list.column,
                      width: list.width)
            return
        }
        guard let results else {
            frame.put([Span(context.glyphs.cursor, .selection)], row: area.row, column: area.column + prompt.width)
            frame.put([Span("Type words to find, then Enter. Case does not matter.", .meta)], row: list.row,
                      column: list.column, width: list.width)
            return
        }
        guard !results.isEmpty else {
            frame.put([Span("No matches. Press / to try other words.", .meta)], row: list.row, column: list.column,
                      width: list.width)
            return
        }
        let count = isCut ? "The first \(results.count) matching lines; more words narrow the search"
            : "\(results.count) matching line\(results.count == 1 ? "" : "s")"
        frame.put([Span(count, .meta)], row: area.row + 1, column: area.column, width: area.width)
        var rows: [ListRow] = []
        var lastLesson: Int?
        for (index, result) in results.enumerated() {
            if result.lesson != lastLesson {
                rows.append(ListRow(spans: [Span(VisibleText.prose(context.lessons[result.lesson].title), .heading)]))
                lastLesson = result.lesson
            }
            let text = String(result.text.drop { $0 == " " })
            rows.append(ListRow(spans: SearchEngine.highlighting(query, in: [Span("   " + text)]), item: index))
        }
        ListView.draw(rows, selected: selected, into: &frame, area: list)
    }
}

/// A line of a lesson that matches a query, and where it is in a way that holds at any width.
struct SearchResult: Equatable, Sendable {
    var lesson: Int
    var place: Reader.Place
    var text: String
}
