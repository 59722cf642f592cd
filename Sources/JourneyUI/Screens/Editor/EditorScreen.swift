import JourneyLayout

/// Writing an answer: a multi-line editor under its prompt. What is typed reaches the store as a draft
/// as it is typed; Ctrl-S saves a version and closes; Esc closes and keeps the draft.
struct EditorScreen: Screen {
    enum Action: Equatable, Sendable {
        case save, close, help, newLine, move(TextArea.Motion)
        case deleteBackward, deleteForward, deleteWord, deleteToLineEnd, deleteToLineStart
    }

    static let keys = KeyMap<Action>([
        .init("Writing an answer (every other key is text)", [
            .init([.control("s")], .save, "save your answer and close", hint: "save"),
            .init([.escape], .close, "close; what you wrote is kept as a draft", hint: "close"),
            .init([.control("g")], .help, "these keys", hint: "keys"),
            .init([.enter], .newLine, "a new line"),
            .init([.left], .move(.left), "a character left"),
            .init([.right], .move(.right), "a character right"),
            .init([.up], .move(.up), "a row up"),
            .init([.down], .move(.down), "a row down"),
            .init([.wordLeft], .move(.wordLeft), "a word left"),
            .init([.wordRight], .move(.wordRight), "a word right"),
            .init([.home, .control("a")], .move(.rowStart), "start of the row"),
            .init([.end, .control("e")], .move(.rowEnd), "end of the row"),
            .init([.pageUp], .move(.pageUp), "a page up"),
            .init([.pageDown], .move(.pageDown), "a page down"),
            .init([.backspace], .deleteBackward, "delete the character before the cursor"),
            .init([.delete], .deleteForward, "delete the character under the cursor"),
            .init([.control("w")], .deleteWord, "delete the word before the cursor"),
            .init([.control("k")], .deleteToLineEnd, "delete to the end of the line"),
            .init([.control("u")], .deleteToLineStart, "delete to the start of the line"),
        ]),
    ])

    enum Status: Equatable, Sendable {
        case editing
        case saving
        /// Something to know that puts no words at risk; the next edit clears it.
        case note(String)
        /// The answer could not be saved; the words are here, and on disk as a draft when `drafted`.
        case notSaved(String, drafted: Bool)
        /// The draft could not be kept; a later draft that is kept clears it.
        case draftNotKept(String)
    }

    let prompt: PromptRef
    let hint: String?
    private(set) var text: TextArea
    /// The saved answer the editor started from, to tell a change from none.
    private var saved: String
    /// Another session's draft this one started from, if any.
    private var replacing: DraftOrigin?
    private(set) var status = Status.editing
    private var changed = false
    /// Esc was pressed once while the words might not be kept: the next Esc closes anyway.
    private var warnedBeforeClosing = false
    /// The first text row shown.
    private var scroll = 0

    init(prompt: PromptRef, hint: String?, text: String, saved: String, replacing: DraftOrigin?) {
        self.prompt = prompt
        self.hint = hint
        self.text = TextArea(text)
        self.saved = saved
        self.replacing = replacing
    }

    /// The editor for a prompt, starting from its draft, else its saved answer.
    static func open(_ promptID: String, _ context: inout Context) -> Reaction {
        guard let prompt = context.promptRef(promptID) else { return .stay }
        let saved = context.learner.answers[promptID]?.text ?? ""
        let draft = context.learner.drafts[promptID]
        return .open(EditorScreen(prompt: prompt, hint: hint(promptID, context), text: draft?.text ?? saved,
                                  saved: saved, replacing: draft?.origin))
    }

    /// An editor holding words the store could not keep (or an outside editor left), saying why.
    static func reopen(_ prompt: PromptRef, text: String, status: Status, _ context: Context) -> EditorScreen {
        var editor = EditorScreen(prompt: prompt, hint: hint(prompt.id, context), text: text,
                                  saved: context.learner.answers[prompt.id]?.text ?? "", replacing: nil)
        editor.changed = true
        editor.status = status
        return editor
    }

    /// Hands the prompt's text to `$VISUAL`/`$EDITOR`.
    static func openExternally(_ promptID: String, _ context: Context) -> Reaction {
        guard let prompt = context.promptRef(promptID) else { return .stay }
        let draft = context.learner.drafts[promptID]
        let text = draft?.text ?? context.learner.answers[promptID]?.text ?? ""
        return .effects(.editExternally(ExternalEdit(prompt: prompt, text: text, replacing: draft?.origin)))
    }

    /// After `$VISUAL`/`$EDITOR` closed: saves the text when it changed; when the editor failed but left
    /// changed text, that text opens in the player's editor rather than being lost.
    static func finishExternally(_ edit: ExternalEdit, text: String?, problem: String?,
                                 _ context: inout Context) -> Reaction {
        let before = trimmed(edit.text)
        guard let text = text.map({ trimmed(TextArea($0).text) }), text != before else {
            context.notice = problem.map { "Could not edit outside: \($0)." } ?? "Nothing changed."
            return .stay
        }
        if let problem {
            let note = Status.note("What it left is here, kept as a draft: \(problem). Ctrl-S saves it as your answer.")
            return .open(reopen(edit.prompt, text: text, status: note, context),
                         effects: [.store(.saveDraft(edit.prompt, text: text, replacing: edit.replacing))])
        }
        if text.allSatisfy(\.isWhitespace) {
            context.notice = "The answer was left empty, so nothing was saved."
            return .stay
        }
        context.notice = "Saving\(context.glyphs.ellipsis)"
        // The store forgets the draft this text grew from when it saves; so does the lesson, now.
        if context.learner.drafts[edit.prompt.id]?.text == edit.text {
            context.learner.drafts[edit.prompt.id] = nil
            context.refreshLesson()
        }
        return .effects(.store(.saveAnswer(edit.prompt, text: text, replacing: edit.replacing)))
    }

    private static func trimmed(_ text: String) -> String {
        var text = text
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }

    private static func hint(_ promptID: String, _ context: Context) -> String? {
        context.lessons.lazy.flatMap(\.prompts).first { $0.id == promptID }?.hint?.plainText
    }

    func title(_ context: Context) -> [String] { [prompt.lessonTitle, "Your answer"] }
    var help: [HelpSection] { Self.keys.help }
    var takesText: Bool { true }
    func hints(_ context: Context) -> [String] {
        Self.keys.hints([.save]) + context.sharedHints([.support], typing: true) + Self.keys.hints([.close, .help])
    }

    mutating func handle(_ key: Key, _ context: inout Context) -> Reaction? {
        text.wrap(at: Self.textWidth(context.body))
        if case .character(let character) = key {
            return edit(context) { $0.insert(String(character)) }
        }
        switch Self.keys.action(for: key) {
        case .save: return save()
        case .close: return close(&context)
        case .help: return .open(HelpScreen(sections: Self.keys.help + context.sharedHelp(typing: true), overTyping: true))
        case .newLine: return edit(context) { $0.insert("\n") }
        case .move(let motion):
            let parts = parts(context.body, context.glyphs.ellipsis)
            text.move(motion, width: parts.textWidth, page: parts.textHeight)
            follow(context)
            return .stay
        case .deleteBackward: return edit(context) { $0.deleteBackward() }
        case .deleteForward: return edit(context) { $0.deleteForward() }
        case .deleteWord: return edit(context) { $0.deleteWordBackward() }
        case .deleteToLineEnd: return edit(context) { $0.deleteToLineEnd() }
        case .deleteToLineStart: return edit(context) { $0.deleteToLineStart() }
        case nil: return nil
        }
    }

    mutating func receive(_ message: Message, _ context: inout Context) -> Reaction {
        text.wrap(at: Self.textWidth(context.body))
        switch message {
        case .paste(let pasted):
            let room = TextArea.maximumLength - text.characters.count
            let reaction = edit(context) { $0.insert(pasted) }
            if pasted.count > room, !wordsAtRisk {
                status = .note("Only the first \(room) characters of the paste fit: an answer holds at most "
                    + "\(TextArea.maximumLength).")
            }
            return reaction
        case .answerSaved(let id, let answer) where id == prompt.id:
            guard answer.text != text.text else {
                context.learner.drafts[prompt.id] = nil
                context.refreshLesson()
                return .close
            }
            saved = answer.text
            replacing = nil
            status = .editing
        case .answerNotSaved(let ref, _, let reason) where ref.id == prompt.id:
            status = .notSaved("Not saved: \(reason). Ctrl-S tries again.", drafted: false)
        case .draftNotSaved(let id, let reason) where id == prompt.id:
            if case .notSaved(let message, _) = status {
                status = .notSaved(message, drafted: false)
            } else {
                status = .draftNotKept("Your draft is not kept: \(reason).")
            }
        case .draftSaved(let id) where id == prompt.id:
            switch status {
            case .draftNotKept: status = .editing
            case .notSaved(let message, _): status = .notSaved(message, drafted: true)
            default: break
            }
        case .storeFailed(let problem):
            if case .editing = status { status = .note(problem) }
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
        warnedBeforeClosing = false
        if case .note = status { status = .editing }
        return .effects(.store(.saveDraft(prompt, text: text.text, replacing: replacing)))
    }

    private mutating func save() -> Reaction {
        let words = text.text
        guard !words.allSatisfy(\.isWhitespace) else {
            status = .note("There is nothing to save yet. Esc closes.")
            return .stay
        }
        status = .saving
        return .effects(.store(.saveAnswer(prompt, text: words, replacing: replacing)))
    }

    /// Closes, keeping the draft (or forgetting it when the text is back to what was saved). While words
    /// may not be kept, the first Esc warns instead.
    private mutating func close(_ context: inout Context) -> Reaction {
        if changed && !warnedBeforeClosing && wordsAtRisk {
            warnedBeforeClosing = true
            return .stay
        }
        guard changed else { return .close }
        let words = text.text
        if words == saved || (saved.isEmpty && words.allSatisfy(\.isWhitespace)) {
            context.learner.drafts[prompt.id] = nil
            context.refreshLesson()
            return Reaction(.close, effects: [.store(.discardDraft(promptID: prompt.id, replacing: replacing))])
        }
        context.learner.drafts[prompt.id] = LearnerRecord.Draft(text: words, owner: nil)
        context.refreshLesson()
        context.notice = prompt.lessonID == context.lesson.id ? "Your draft is kept: r goes on with it."
            : "Your draft is kept under its prompt in “\(prompt.lessonTitle)”."
        return Reaction(.close, effects: [.store(.saveDraft(prompt, text: words, replacing: replacing))])
    }

    /// The store has said it could not keep these words.
    private var wordsAtRisk: Bool {
        switch status {
        case .notSaved(_, let drafted): !drafted
        case .draftNotKept: true
        case .editing, .saving, .note: false
        }
    }

    /// Scrolls the text so the cursor's row shows.
    private mutating func follow(_ context: Context) {
        let parts = parts(context.body, context.glyphs.ellipsis)
        let row = text.cursorPosition(width: parts.textWidth).row
        scroll = min(max(scroll, row - parts.textHeight + 1), row)
    }

    // MARK: Drawing

    /// The question and hint on top, the text in a box beneath, a status line (or three) at the bottom.
    func render(into frame: inout Frame, area: Area, context: Context) {
        let glyphs = context.glyphs.layout
        let parts = parts(area, context.glyphs.ellipsis)
        let (heading, rest) = area.splitTop(parts.heading.count)
        for (offset, spans) in parts.heading.enumerated() {
            frame.put(spans, row: heading.row + offset, column: heading.column, width: heading.width)
        }
        let (box, statusArea) = rest.splitBottom(parts.status.count)
        let label = "\(glyphs.topLeft)\(glyphs.horizontal) Your answer "
        frame.put([Span(label + glyphs.repeated(glyphs.horizontal, box.width - DisplayWidth.of(label)), [.prompt, .border])],
                  row: box.row, column: box.column, width: box.width)

        let rows = text.rows(width: parts.textWidth)
        let cursor = text.cursorPosition(width: parts.textWidth)
        let height = parts.textHeight
        let first = min(max(scroll, cursor.row - height + 1), cursor.row)
        for offset in 0..<height {
            let y = box.row + 1 + offset
            frame.put([Span(glyphs.vertical + " ", [.prompt, .border])], row: y, column: box.column)
            guard rows.indices.contains(first + offset) else { continue }
            let range = rows[first + offset]
            frame.put([Span(String(text.characters[range]), .answer)], row: y, column: box.column + 2,
                      width: parts.textWidth + 1)
        }
        frame.cursor = (box.row + 1 + cursor.row - first, box.column + 2 + min(cursor.column, parts.textWidth))
        for (offset, spans) in parts.status.enumerated() {
            frame.put(spans, row: statusArea.row + offset, column: statusArea.column, width: statusArea.width)
        }
        if rows.count > height, case .editing = status {
            let more = "\(first + 1)-\(min(rows.count, first + height)) of \(rows.count) rows"
            frame.put([Span(more, .meta)], row: statusArea.row, column: statusArea.column + statusArea.width - more.count)
        }
    }

    /// How the editor divides an area: the question (at most a third of it) and the hint's first line
    /// with a blank row on top, a status of up to three rows at the bottom, the text between, with a
    /// column kept for the cursor at the end of a row.
    private struct Parts {
        var heading: [[Span]]
        var status: [[Span]]
        var textWidth: Int
        var textHeight: Int
    }

    private func parts(_ area: Area, _ ellipsis: String) -> Parts {
        let question = Layout.wrap([Span(VisibleText.prose(prompt.question), [.prompt, .strong])], width: area.width)
        let hintRows = hint.map { Self.cut(Layout.wrap([Span("Hint: " + VisibleText.prose($0), .hint)], width: area.width),
                                            to: 2, ellipsis: ellipsis, width: area.width) } ?? []
        let heading = Self.cut(question, to: max(1, area.height / 3), ellipsis: ellipsis, width: area.width) + hintRows + [[]]
        // What reassures comes first, so a narrow screen that cuts the message keeps it.
        var message: [Span] = switch status {
        case .editing: [Span(changed ? "Your draft is kept as you type. Ctrl-O support, Ctrl-G keys."
                                     : "Ctrl-S saves, Esc closes, Ctrl-O support, Ctrl-G keys.", .meta)]
        case .saving: [Span("Saving\(ellipsis)", .meta)]
        case .note(let text): [Span(VisibleText.prose(text), .notice)]
        case .notSaved(let text, let drafted):
            [Span((drafted ? "Your words are kept as a draft. " : "Your words are still here. ") + VisibleText.prose(text),
                  .notice)]
        case .draftNotKept(let text): [Span("Your words are still here. " + VisibleText.prose(text), .notice)]
        }
        if warnedBeforeClosing {
            message = [Span("These words may not reach the disk. Esc again closes all the same (they stay until you "
                + "quit); Ctrl-S tries to save them.", .notice)]
        }
        let status = Array(Layout.wrap(message, width: area.width).prefix(3))
        return Parts(heading: heading, status: status, textWidth: Self.textWidth(area),
                     textHeight: max(1, area.height - heading.count - 1 - status.count))
    }

    /// At most `count` rows, the last ending in an ellipsis when some were left out.
    private static func cut(_ rows: [[Span]], to count: Int, ellipsis: String, width: Int) -> [[Span]] {
        guard rows.count > count, count > 0 else { return rows }
        var kept = Array(rows.prefix(count))
        var last = kept[count - 1]
        while last.width + DisplayWidth.of(ellipsis) > width, var span = last.popLast() {
            span.text.removeLast()
            if !span.text.isEmpty { last.append(span) }
        }
        kept[count - 1] = last + [Span(ellipsis, last.last?.role ?? [])]
        return kept
    }

    /// The columns text takes: the box's bar and a column for the cursor left out.
    private static func textWidth(_ area: Area) -> Int { max(1, area.width - 3) }
}
