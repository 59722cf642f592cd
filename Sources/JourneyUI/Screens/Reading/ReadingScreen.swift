import JourneyKit
import JourneyLayout

/// Reading a lesson: scrolling, moving between lessons, and acting on its prompts and checklist items.
/// Always at the bottom of the stack; its state is the shared `Reader`.
struct ReadingScreen: Screen {
    enum Action: Equatable, Sendable {
        case move(ListMove), forward, nextLesson, previousLesson, contents, reflections, search
        case nextTarget, previousTarget, act, tick, answer, answerExternally, history, clear
    }

    static let keys = KeyMap<Action>([
        .init("Reading", [
            .init([.character("j"), .down], .move(.lineDown), "down a line"),
            .init([.character("k"), .up], .move(.lineUp), "up a line"),
            .init([.control("d")], .move(.halfPageDown), "down half a page"),
            .init([.control("u")], .move(.halfPageUp), "up half a page"),
            .init([.character(" ")], .forward, "down a page; at the end, the next lesson"),
            .init([.pageDown], .move(.pageDown), "down a page"),
            .init([.character("b"), .pageUp], .move(.pageUp), "up a page"),
            .init([.character("g"), .home], .move(.top), "top of the lesson"),
            .init([.character("G"), .end], .move(.bottom), "bottom of the lesson"),
        ]),
        .init("Lessons", [
            .init([.character("n"), .right], .nextLesson, "next lesson (after the last: your reflections)"),
            .init([.character("p"), .left], .previousLesson, "previous lesson"),
            .init([.character("t")], .contents, "contents, with what you have read and answered"),
            .init([.character("R")], .reflections, "your reflections: every prompt and your answers"),
            .init([.character("/")], .search, "search the course, from the last search"),
        ]),
        .init("Prompts and checklists", [
            .init([.tab], .nextTarget, "select the next prompt or checklist item"),
            .init([.backTab], .previousTarget, "select the previous one"),
            .init([.enter], .act, "answer the selected prompt, or tick the selected item", hint: "answer"),
            .init([.character("x")], .tick, "tick or untick the selected item", hint: "tick"),
            .init([.character("r")], .answer, "answer the prompt in view", hint: "answer"),
            .init([.character("e")], .answerExternally, "answer it in $VISUAL or $EDITOR"),
            .init([.character("h")], .history, "your earlier answers to it"),
            .init([.escape], .clear, "clear the selection and the search underline"),
        ]),
    ])

    func title(_ context: Context) -> [String] { [context.module.title, context.lesson.title] }

    var help: [HelpSection] { Self.keys.help }

    func hints(_ context: Context) -> [String] {
        let acting: [Action] = switch context.reader.selection {
        case .prompt: [.act]
        case .item: [.tick]
        case nil: context.lesson.prompts.isEmpty ? [] : [.answer]
        }
        // In order of importance: the footer drops hints from the end when space is short.
        return context.sharedHints([.help, .support, .follow, .quit]) + Self.keys.hints(acting)
    }

    /// `vim`'s ruler: All, Top, Bot, or how far down as a percentage.
    func status(_ context: Context) -> String {
        let reader = context.reader
        if reader.lines.count <= context.bodyRows { return "All" }
        if reader.top == 0 { return "Top" }
        if reader.atEnd { return "Bot" }
        return "\(reader.top * 100 / reader.maximumTop)%"
    }

    mutating func handle(_ key: Key, _ context: inout Context) -> Reaction? {
        guard let action = Self.keys.action(for: key) else { return nil }
        let last = context.lessons.count - 1
        switch action {
        case .move(let move):
            let reader = context.reader
            context.reader.scroll(to: move.applied(to: reader.top, count: reader.maximumTop + 1, page: context.bodyRows))
        case .forward:
            if !context.reader.atEnd {
                context.reader.scroll(by: context.bodyRows - 1)
            } else if context.reader.lesson < last {
                context.go(toLesson: context.reader.lesson + 1)
            } else {
                return .open(ReflectionsScreen(context, finished: true))
            }
        case .nextLesson:
            guard context.reader.lesson < last else { return .open(ReflectionsScreen(context, finished: true)) }
            context.go(toLesson: context.reader.lesson + 1)
        case .previousLesson: context.go(toLesson: context.reader.lesson - 1)
        case .contents: return .open(ContentsScreen(selected: context.reader.lesson))
        case .reflections: return .open(ReflectionsScreen(context, finished: false))
        case .search: return .open(SearchScreen(query: context.lastQuery))
        case .nextTarget: select(by: 1, &context)
        case .previousTarget: select(by: -1, &context)
        case .act:
            switch context.reader.selection {
            case .prompt(let id): return EditorScreen.open(id, &context)
            case .item(let id): return toggle(id, &context)
            case nil: select(by: 1, &context)
            }
        case .tick:
            guard case .item(let id) = context.reader.selection else {
                context.notice = context.reader.targets.contains(where: \.isItem)
                    ? "Select a checklist item with Tab, then x ticks it." : "This lesson has no checklist."
                return .stay
            }
            return toggle(id, &context)
        case .answer, .answerExternally, .history:
            guard let id = promptInView(context) else {
                context.notice = "This lesson has no reflection prompt."
                return .stay
            }
            switch action {
            case .answer: return EditorScreen.open(id, &context)
            case .answerExternally: return EditorScreen.openExternally(id, context)
            default: return HistoryScreen.open(id, context)
            }
        case .clear:
            context.highlight = nil
            context.reader.selection = nil
        }
        return .stay
    }

    func render(into frame: inout Frame, area: Area, context: Context) {
        let reader = context.reader
        for row in 0..<area.height {
            let index = reader.top + row
            guard reader.lines.indices.contains(index) else { break }
            let line = reader.lines[index]
            var spans = line.spans
            if let highlight = context.highlight {
                let neighbour = { (line: Int) in reader.lines.indices.contains(line) ? reader.lines[line].text : "" }
                spans = SearchEngine.highlighting(highlight, in: spans, before: neighbour(index - 1), after: neighbour(index + 1))
            }
            if let selection = reader.selection, line.target == selection {
                spans = spans.map { $0.role.isDisjoint(with: [.border, .marker, .label]) ? $0 : Span($0.text, $0.role.union(.selection)) }
            }
            frame.put(spans, row: area.row + row, column: area.column, width: area.width)
        }
    }

    // MARK: Prompts and checklist items

    /// Selects the next (or previous) prompt or item, starting from what is on screen, and shows it.
    private func select(by step: Int, _ context: inout Context) {
        let targets = context.reader.targets
        guard !targets.isEmpty else {
            context.notice = "This lesson has no prompt or checklist to select."
            return
        }
        let next: Target
        if let selection = context.reader.selection, let index = targets.firstIndex(of: selection) {
            next = targets[(index + step + targets.count) % targets.count]
        } else {
            next = context.reader.visibleTargets.first ?? targets[step > 0 ? 0 : targets.count - 1]
        }
        context.reader.selection = next
        context.reader.reveal(next)
    }

    /// The selected prompt, else the first one on screen, else the next one below, else the last above.
    private func promptInView(_ context: Context) -> String? {
        if case .prompt(let id) = context.reader.selection { return id }
        let reader = context.reader
        let prompts = reader.targets.compactMap(\.promptID)
        if let visible = reader.visibleTargets.lazy.compactMap(\.promptID).first { return visible }
        let below = prompts.first { (reader.lines(of: .prompt($0))?.lowerBound ?? 0) >= reader.top }
        return below ?? prompts.last
    }

    private func toggle(_ itemID: String, _ context: inout Context) -> Reaction {
        let ticked = !(context.learner.ticks[itemID] ?? context.lesson.checklistItems.first { $0.id == itemID }?.checkedByAuthor ?? false)
        context.learner.ticks[itemID] = ticked
        context.refreshLesson()
        return .effects(.store(.setTick(itemID: itemID, ticked: ticked)))
    }
}

extension Target {
    var promptID: String? {
        if case .prompt(let id) = self { id } else { nil }
    }

    var isItem: Bool {
        if case .item = self { true } else { false }
    }
}
