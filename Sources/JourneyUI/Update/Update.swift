/// What arrives from the outside world.
public enum Message: Equatable, Sendable {
    case key(Key)
    case resize(columns: Int, rows: Int)
    /// Runs the search that Enter asked for, once "Searching…" is on the screen.
    case runSearch
}

/// What the backend must do after an update.
public enum Effect: Equatable, Sendable {
    case quit
    /// Repaint the whole screen from scratch (Ctrl-L).
    case redraw
    /// Draw the current state, then deliver this message: slow work shows that it is under way.
    case then(Message)
}

extension PlayerState {
    /// The player's only way to change: a message in, the new state and any effects out.
    public mutating func update(_ message: Message) -> [Effect] {
        switch message {
        case .resize(let columns, let rows):
            resize(columns: columns, rows: rows)
            return []
        case .runSearch:
            runSearch()
            return []
        case .key(let key):
            switch overlay {
            case .none: return read(key)
            case .contents(let selected): return contents(key, selected: selected)
            case .search(let search): return search.results == nil ? typeQuery(key, search) : chooseResult(key, search)
            case .help(let top): return help(key, top: top)
            }
        }
    }

    /// Updates with `message` and follows any `.then` effects, calling `showingProgress` with the state
    /// before each, so slow work appears on screen first. Returns the other effects.
    public mutating func handle(_ message: Message, showingProgress: (PlayerState) -> Void = { _ in }) -> [Effect] {
        var pending = [message]
        var effects: [Effect] = []
        while !pending.isEmpty {
            for effect in update(pending.removeFirst()) {
                if case .then(let next) = effect {
                    showingProgress(self)
                    pending.append(next)
                } else {
                    effects.append(effect)
                }
            }
        }
        return effects
    }

    /// Keys while reading a lesson.
    private mutating func read(_ key: Key) -> [Effect] {
        guard let intent = KeyBindings.intent(for: key) else { return [] }
        switch intent {
        case .lineDown: scroll(by: 1)
        case .lineUp: scroll(by: -1)
        case .halfPageDown: scroll(by: bodyRows / 2)
        case .halfPageUp: scroll(by: -bodyRows / 2)
        case .pageDown:
            if key == .character(" ") && top >= maximumTop && current + 1 < lessonCount {
                go(toLesson: current + 1)
            } else {
                scroll(by: bodyRows - 1)
            }
        case .pageUp: scroll(by: -(bodyRows - 1))
        case .top: top = 0
        case .bottom: top = maximumTop
        case .nextLesson: go(toLesson: current + 1)
        case .previousLesson: go(toLesson: current - 1)
        case .contents: overlay = .contents(selected: current)
        case .search: overlay = .search(Search(query: lastQuery))
        case .help: overlay = .help(top: 0)
        case .close: highlight = nil
        case .quit: return [.quit]
        case .redraw: return [.redraw]
        case .select: break
        }
        return []
    }

    private mutating func scroll(by lines: Int) {
        top = min(max(0, top + lines), maximumTop)
    }

    /// Keys any overlay shares: Esc closes it, q quits, Ctrl-L redraws. Nil when the key is not one.
    mutating func common(_ key: Key) -> [Effect]? {
        switch KeyBindings.intent(for: key) {
        case .close:
            overlay = nil
            return []
        case .quit: return [.quit]
        case .redraw: return [.redraw]
        default: return nil
        }
    }

    /// Moves a selection for the list keys (lines, pages, top, bottom) within `0..<count`.
    func moved(_ selected: Int, by key: Key, count: Int) -> Int? {
        let step: Int
        switch KeyBindings.intent(for: key) {
        case .lineDown: step = 1
        case .lineUp: step = -1
        case .pageDown, .halfPageDown: step = bodyRows - 1
        case .pageUp, .halfPageUp: step = -(bodyRows - 1)
        case .top: step = -count
        case .bottom: step = count
        default: return nil
        }
        return min(max(0, selected + step), max(0, count - 1))
    }
}
