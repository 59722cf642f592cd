import JourneyKit
import JourneyLayout

/// A search of the whole course: typing its query, then choosing among the lines that match.
struct SearchScreen: Screen {
    enum Action: Equatable, Sendable { case move(ListMove), open, edit }
    enum TypingAction: Equatable, Sendable { case search, deleteBackward, clear, close }

    /// While typing, every printable key is text; these are the others.
    static let typingKeys = KeyMap<TypingAction>([
        .init("Typing a search (every other key is text)", [
            .init([.enter], .search, "search for the words as a phrase, across line breaks; case does not matter",
                  hint: "search"),
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
    /// More matched than `results` holds.
    var isCut = false
    var selected = 0
    /// Enter was pressed and the results are being found; typing stops the search.
    var running: SearchEngine.Progress?
    /// The query last searched for found nothing: it stays open to be changed.
    var foundNothing = false

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
            guard SearchEngine.advance(&progress, for: query, index: &context.searchIndex, in: context.lessons) else {
                running = progress
                return .effects(.then(.runSearch))
            }
            running = nil
            foundNothing = progress.found.isEmpty
            if !foundNothing {
                results = progress.found
                isCut = progress.isCut
            }
        case .paste(let text) where results == nil:
            query += VisibleText.prose(String(text.prefix { $0 != "\n" && $0 != "\r" }))
            running = nil
        default: break
        }
        return .stay
    }

    /// Keys while typing: text edits the query (and stops a search under way), Enter searches, Esc gives up.
    private mutating func type(_ key: Key, _ context: inout Context) -> Reaction? {
        foundNothing = false
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
            guard !SearchEngine.spaced(query).isEmpty else { return .close }
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
            context.go(toLesson: results[selected].lesson, nearMatchOf: query, at: results[selected].place)
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
        if running != nil {
            let percent = context.searchIndex.percent(of: context.lessons.count)
            frame.put([Span("Searching\(context.glyphs.ellipsis) \(percent)%", .meta)], row: list.row, column: list.column,
                      width: list.width)
            return
        }
        guard let results else {
            frame.put([Span(context.glyphs.cursor, .selection)], row: area.row, column: area.column + prompt.width)
            let words = foundNothing ? "No matches. Change the words and press Enter, or Esc to close."
                : "Type words to find, then Enter: they are found as a phrase, across line breaks, whatever the case."
            for (offset, line) in Layout.wrap([Span(words, .meta)], width: list.width).prefix(list.height).enumerated() {
                frame.put(line, row: list.row + offset, column: list.column, width: list.width)
            }
            return
        }
        let count = isCut ? "The first \(results.count) matches; more words narrow the search"
            : "\(results.count) match\(results.count == 1 ? "" : "es")"
        frame.put([Span(count, .meta)], row: area.row + 1, column: area.column, width: area.width)
        var rows: [ListRow] = []
        var lastLesson: Int?
        for (index, result) in results.enumerated() {
            if result.lesson != lastLesson {
                rows.append(ListRow(spans: [Span(VisibleText.prose(context.lessons[result.lesson].title), .heading)]))
                lastLesson = result.lesson
            }
            rows.append(ListRow(spans: Self.snippet(result, width: list.width), item: index))
        }
        ListView.draw(rows, selected: selected, into: &frame, area: list)
    }

    /// A match with the words around it, the match underlined and as much before it as leaves room for
    /// it; what is cut ends with `…`.
    private static func snippet(_ result: SearchResult, width: Int) -> [Span] {
        let room = max(8, width - 4)
        var match = VisibleText.prose(result.match)
        if DisplayWidth.of(match) > room { match = fitting(match, room - 1, fromEnd: false) + "…" }
        var before = VisibleText.prose(result.before)
        var after = VisibleText.prose(result.after)
        // After the match at most what leaves a third for the words before it; before it, the rest.
        let forAfter = max(0, room - DisplayWidth.of(match) - min(DisplayWidth.of(before), room / 3))
        if DisplayWidth.of(after) > forAfter { after = fitting(after, forAfter - 1, fromEnd: false) + "…" }
        let forBefore = max(0, room - DisplayWidth.of(match) - DisplayWidth.of(after))
        if DisplayWidth.of(before) > forBefore { before = "…" + fitting(before, forBefore - 1, fromEnd: true) }
        return [Span("   " + before), Span(match, .match), Span(after)]
    }

    /// As many whole characters of `text` as fit `width` columns, from its start or its end.
    private static func fitting(_ text: String, _ width: Int, fromEnd: Bool) -> String {
        var kept: [Character] = []
        var used = 0
        for character in fromEnd ? Array(text.reversed()) : Array(text) {
            used += DisplayWidth.of(character)
            guard used <= width else { break }
            kept.append(character)
        }
        return String(fromEnd ? kept.reversed() : kept)
    }
}
