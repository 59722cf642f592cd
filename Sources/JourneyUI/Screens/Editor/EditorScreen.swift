import JourneyLayout

/// Writing an answer: a multi-line editor under its prompt. What is typed reaches the store as a draft
/// as it is typed; Ctrl-S saves a version and closes; Esc closes and keeps the draft.
struct EditorScreen: Screen {
    enum Action: Equatable, Sendable {
        case save, close, newLine, move(TextArea.Motion)
        case deleteBackward, deleteForward, deleteWord, deleteToLineEnd, deleteToLineStart
    }

    static let keys = KeyMap<Action>([
        .init("Writing an answer", [
            .init([.control("s")], .save, "save your answer and close"),
            .init([.escape], .close, "close; what you wrote is kept as a draft"),
            .init([.enter], .newLine, "a new line"),
            .init([.left, .right, .up, .down], .move(.left), "move by character and by row"),
            .init([.wordLeft, .wordRight], .move(.wordLeft), "move by word"),
            .init([.home, .control("a")], .move(.rowStart), "start of the row"),
            .init([.end, .control("e")], .move(.rowEnd), "end of the row"),
            .init([.pageUp, .pageDown], .move(.pageUp), "up or down a page"),
            .init([.backspace], .deleteBackward, "delete the character before the cursor"),
            .init([.delete], .deleteForward, "delete the character under the cursor"),
            .init([.control("w")], .deleteWord, "delete the word before the cursor"),
            .init([.control("k")], .deleteToLineEnd, "delete to the end of the line"),
            .init([.control("u")], .deleteToLineStart, "delete to the start of the line"),
        ]),
    ])

    /// Keys that move, each to its own motion (the table above names them in pairs).
    private static let motions: [Key: TextArea.Motion] = [
        .left: .left, .right: .right, .up: .up, .down: .down, .wordLeft: .wordLeft, .wordRight: .wordRight,
        .home: .rowStart, .control("a"): .rowStart, .end: .rowEnd, .control("e"): .rowEnd,
        .pageUp: .pageUp, .pageDown: .pageDown,
    ]

    enum Status: Equatable, Sendable {
        case editing
        case saving(String)
        /// The store could not keep the words; `warned` once Esc was pressed while it stood.
        case problem(String, warned: Bool)
    }

    let prompt: PromptRef
    let hint: String?
    private(set) var text: TextArea
    /// The saved answer the editor started from, to tell a change from none.
    private var saved: String
    /// Another session's draft this one took over, if any.
    private var replacing: String?
    private(set) var status = Status.editing
    private var changed = false
    /// The first text row shown.
    private var scroll = 0

    init(prompt: PromptRef, hint: String?, text: String, saved: String, replacing: String?) {
        self.prompt = prompt
        self.hint = hint
        self.text = TextArea(text)
        self.saved = saved
        self.replacing = replacing
    }

    private static func hint(_ promptID: String, _ context: Context) -> String? {
        context.lessons.lazy.flatMap(\.prompts).first { $0.id == promptID }?.hint?.plainText
    }

    /// The editor for a prompt, starting from its draft, else its saved answer.
    static func open(_ promptID: String, _ context: inout Context) -> Reaction {
        guard let prompt = context.promptRef(promptID) else { return .stay }
        let learner = context.learner
        let saved = learner.answers[promptID]?.text ?? ""
        let draft = learner.drafts[promptID]
        return .open(EditorScreen(prompt: prompt, hint: hint(promptID, context), text: draft?.text ?? saved,
                                  saved: saved, replacing: draft?.owner))
    }

    /// An editor holding words the store could not keep, saying why.
    static func reopen(_ prompt: PromptRef, text: String, reason: String, _ context: Context) -> Reaction {
        var editor = EditorScreen(prompt: prompt, hint: hint(prompt.id, context), text: text,
                                  saved: context.learner.answers[prompt.id]?.text ?? "", replacing: nil)
        editor.changed = true
        editor.status = .problem("Not saved: \(reason). Your words are still here: Ctrl-S tries again.", warned: false)
        return .open(editor)
    }

    /// Hands the prompt's text to `$VISUAL`/`$EDITOR`.
    static func openExternally(_ promptID: String, _ context: Context) -> Reaction {
        guard let prompt = context.promptRef(promptID) else { return .stay }
        let draft = context.learner.drafts[promptID]
        return .effects(.editExternally(ExternalEdit(prompt: prompt,
                                                     text: draft?.text ?? context.learner.answers[promptID]?.text ?? "",
                                                     replacing: draft?.owner)))
    }

    /// After `$VISUAL`/`$EDITOR` closed: saves the text when it changed. Nil text: it could not run.
    static func finishExternally(_ edit: ExternalEdit, text: String?, _ context: inout Context) -> [Effect] {
        guard var text else { return [] }
        while text.last?.isNewline == true { text.removeLast() }
        if text == edit.text {
            context.notice = "Nothing changed."
            return []
        }
        if text.allSatisfy(\.isWhitespace) {
            context.notice = "The answer was left empty, so nothing was saved."
            return []
        }
        context.notice = "Saving\(context.glyphs.ellipsis)"
        return [.saveAnswer(edit.prompt, text: text, replacing: edit.replacing)]
    }

    func title(_ context: Context) -> [String] { [prompt.lessonTitle, "Your answer"] }
    var help: [HelpSection] { Self.keys.help }
    func hints(_ context: Context) -> [String] { ["Ctrl-S save", "Esc close"] }

    mutating func handle(_ key: Key, _ context: inout Context) -> Reaction? {
        let width = textWidth(context.body)
        if case .character(let character) = key {
            return edit(context) { $0.insert(String(character)) }
        }
        if let motion = Self.motions[key] {
            text.move(motion, width: width, page: textHeight(context.body))
            follow(context)
            return .stay
        }
        switch Self.keys.action(for: key) {
        case .save: return save()
        case .close: return close(&context)
        case .newLine: return edit(context) { $0.insert("\n") }
        case .deleteBackward: return edit(context) { $0.deleteBackward() }
        case .deleteForward: return edit(context) { $0.deleteForward() }
        case .deleteWord: return edit(context) { $0.deleteWordBackward() }
        case .deleteToLineEnd: return edit(context) { $0.deleteToLineEnd() }
        case .deleteToLineStart: return edit(context) { $0.deleteToLineStart() }
        case .move, nil: return nil
        }
    }

    mutating func receive(_ message: Message, _ context: inout Context) -> Reaction {
        switch message {
        case .paste(let pasted):
            return edit(context) { $0.insert(pasted) }
        case .answerSaved(let id, let answer) where id == prompt.id:
            guard answer.text != text.text else { return .close }
            saved = answer.text
            replacing = nil
            status = .editing
        case .answerNotSaved(let ref, _, let reason) where ref.id == prompt.id:
            status = .problem("Not saved: \(reason). Your words are still here: Ctrl-S tries again.", warned: false)
        case .storeFailed(let reason):
            status = .problem("Your draft is not kept: \(reason). Your words are still here.", warned: false)
        default:
            break
        }
        return .stay
    }

    // MARK: Editing

    private mutating func edit(_ context: Context, _ change: (inout TextArea) -> Void) -> Reaction {
        let before = text.text
        change(&text)
        follow(context)
        guard text.text != before else { return .stay }
        changed = true
        if case .problem(let message, true) = status { status = .problem(message, warned: false) }  // typing disarms Esc
        return .effects(.saveDraft(prompt, text: text.text, replacing: replacing))
    }

    private mutating func save() -> Reaction {
        let words = text.text
        guard !words.allSatisfy(\.isWhitespace) else {
            status = .problem("There is nothing to save yet. Esc closes.", warned: false)
            return .stay
        }
        status = .saving(words)
        return .effects(.saveAnswer(prompt, text: words, replacing: replacing))
    }

    /// Closes, keeping the draft (or forgetting it when the text is back to what was saved). While the
    /// store cannot keep the words, the first Esc warns instead.
    private mutating func close(_ context: inout Context) -> Reaction {
        if case .problem(_, false) = status, changed {
            status = .problem("These words are not kept yet. Esc again closes and loses them; Ctrl-S tries to save.",
                              warned: true)
            return .stay
        }
        guard changed else { return .close }
        let words = text.text
        if words == saved || (saved.isEmpty && words.allSatisfy(\.isWhitespace)) {
            context.learner.drafts[prompt.id] = nil
            context.refreshLesson()
            return Reaction(.close, effects: [.discardDraft(promptID: prompt.id, replacing: replacing)])
        }
        context.learner.drafts[prompt.id] = LearnerRecord.Draft(text: words, owner: nil)
        context.refreshLesson()
        context.notice = "Your draft is kept: r goes on with it."
        return Reaction(.close, effects: [.saveDraft(prompt, text: words, replacing: replacing)])
    }

    /// Scrolls the text so the cursor's row shows.
    private mutating func follow(_ context: Context) {
        let row = text.cursorPosition(width: textWidth(context.body)).row
        let height = textHeight(context.body)
        scroll = min(max(scroll, row - height + 1), row)
    }

    // MARK: Drawing

    /// The question and hint on top, the text in a box beneath, a status line (or three) at the bottom.
    func render(into frame: inout Frame, area: Area, context: Context) {
        let glyphs = context.glyphs.layout
        let (heading, rest) = area.splitTop(headingRows(area).count)
        for (offset, spans) in headingRows(area).enumerated() {
            frame.put(spans, row: heading.row + offset, column: heading.column, width: heading.width)
        }
        let message = statusRows(area, context.glyphs.ellipsis)
        let (box, statusArea) = rest.splitBottom(message.count)
        let label = "\(glyphs.topLeft)\(glyphs.horizontal) Your answer "
        frame.put([Span(label + glyphs.repeated(glyphs.horizontal, box.width - DisplayWidth.of(label)), [.prompt, .border])],
                  row: box.row, column: box.column, width: box.width)

        let width = textWidth(area)
        let rows = text.rows(width: width)
        let cursor = text.cursorPosition(width: width)
        let height = textHeight(area)
        let first = min(max(scroll, cursor.row - height + 1), cursor.row)
        for offset in 0..<height {
            let y = box.row + 1 + offset
            frame.put([Span(glyphs.vertical + " ", [.prompt, .border])], row: y, column: box.column)
            guard rows.indices.contains(first + offset) else { continue }
            let range = rows[first + offset]
            frame.put([Span(String(text.characters[range]), .answer)], row: y, column: box.column + 2, width: width + 1)
        }
        frame.cursor = (box.row + 1 + cursor.row - first, box.column + 2 + min(cursor.column, width))
        for (offset, spans) in message.enumerated() {
            frame.put(spans, row: statusArea.row + offset, column: statusArea.column, width: statusArea.width)
        }
        if rows.count > height, case .editing = status {
            let more = "\(first + 1)-\(min(rows.count, first + height)) of \(rows.count) rows"
            frame.put([Span(more, .meta)], row: statusArea.row, column: statusArea.column + statusArea.width - more.count)
        }
    }

    /// What the editor has to say, wrapped: a problem takes up to three rows.
    private func statusRows(_ area: Area, _ ellipsis: String) -> [[Span]] {
        let message: [Span] = switch status {
        case .editing: [Span(changed ? "Your draft is kept as you type." : "Ctrl-S saves, Esc closes.", .meta)]
        case .saving: [Span("Saving\(ellipsis)", .meta)]
        case .problem(let text, _): [Span(text, .notice)]
        }
        return Array(Layout.wrap(message, width: area.width).prefix(3))
    }

    /// The question, at most a third of the area, and the hint's first line, then a blank row.
    private func headingRows(_ area: Area) -> [[Span]] {
        var question = Layout.wrap([Span(VisibleText.prose(prompt.question), [.prompt, .strong])], width: area.width)
        question = Array(question.prefix(max(1, area.height / 3)))
        let hintRow = hint.flatMap { Layout.wrap([Span("Hint: " + VisibleText.prose($0), .hint)], width: area.width).first }
        return question + (hintRow.map { [$0] } ?? []) + [[]]
    }

    /// Columns for text: the box's bar and a column for the cursor at the end of a row left out.
    private func textWidth(_ area: Area) -> Int { max(1, area.width - 3) }

    private func textHeight(_ area: Area) -> Int {
        max(1, area.height - headingRows(area).count - 1 - statusRows(area, "").count)
    }
}
