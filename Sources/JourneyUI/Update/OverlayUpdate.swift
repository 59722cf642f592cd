extension PlayerState {
    /// Keys in the contents: move among the lessons, Enter jumps, `t` or Esc closes.
    mutating func contents(_ key: Key, selected: Int) -> [Effect] {
        if let effects = common(key) { return effects }
        if let moved = moved(selected, by: key, count: lessonCount) {
            overlay = .contents(selected: moved)
        } else if KeyBindings.intent(for: key) == .select {
            overlay = nil
            go(toLesson: selected)
        } else if KeyBindings.intent(for: key) == .contents {
            overlay = nil
        }
        return []
    }

    /// Keys in the help: scroll it; `?` or Esc closes.
    mutating func help(_ key: Key, top: Int) -> [Effect] {
        if let effects = common(key) { return effects }
        if let moved = moved(top, by: key, count: helpLineCount) {
            overlay = .help(top: min(moved, max(0, helpLineCount - bodyRows)))
        } else if KeyBindings.intent(for: key) == .help {
            overlay = nil
        }
        return []
    }

    /// Keys while typing a query: text edits it, Enter searches, Esc gives up.
    mutating func typeQuery(_ key: Key, _ search: Search) -> [Effect] {
        var search = search
        switch key {
        case .character(let character):
            search.query.append(character)
        case .backspace:
            if !search.query.isEmpty { search.query.removeLast() }
        case .control("u"):
            search.query = ""
        case .escape:
            overlay = nil
            return []
        case .enter:
            guard !search.query.isEmpty else {
                overlay = nil
                return []
            }
            lastQuery = search.query
            search.isRunning = true
            overlay = .search(search)
            return [.then(.runSearch)]
        case .control("l"):
            return [.redraw]
        default:
            break
        }
        overlay = .search(search)
        return []
    }

    /// Searches every lesson for the query Enter submitted.
    mutating func runSearch() {
        guard case .search(var search) = overlay, search.isRunning else { return }
        search.results = SearchEngine.results(for: search.query, in: lessons, layout: layout())
        search.isRunning = false
        overlay = .search(search)
    }

    /// Keys among search results: move, Enter jumps to the line and underlines the matches, `/` edits.
    mutating func chooseResult(_ key: Key, _ search: Search) -> [Effect] {
        if let effects = common(key) { return effects }
        let results = search.results ?? []
        var search = search
        if let moved = moved(search.selected, by: key, count: results.count) {
            search.selected = moved
            overlay = .search(search)
        } else if KeyBindings.intent(for: key) == .select, results.indices.contains(search.selected) {
            let result = results[search.selected]
            overlay = nil
            highlight = search.query
            go(toLesson: result.lesson, top: result.line - 2)
        } else if KeyBindings.intent(for: key) == .search {
            overlay = .search(Search(query: search.query))
        }
        return []
    }
}
