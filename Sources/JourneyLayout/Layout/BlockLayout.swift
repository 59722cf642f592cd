import JourneyKit

/// Lays out blocks at a width: each block becomes lines of spans no wider than the width.
struct BlockLayout {
    let glyphs: Glyphs
    let notes: LearnerNotes
    /// The lesson's link targets, numbered as they are met.
    let references = LinkReferences()
    /// What a reflection prompt's frame is labelled: a learner reflects, a group discusses.
    var promptLabel = "Reflect"
    /// Narrower than this, nested content drops its indentation rather than become unreadable.
    static let minimumNestedWidth = 12
    static let tabWidth = 4

    /// Blocks separated by blank lines.
    func lines(_ blocks: [Block], width: Int, tight: Bool = false) -> [StyledLine] {
        var result: [StyledLine] = []
        for block in blocks {
            if !result.isEmpty && !tight { result.append(StyledLine([])) }
            result += lines(block, width: width)
        }
        return result
    }

    func lines(_ block: Block, width: Int) -> [StyledLine] {
        switch block {
        case .heading(_, let content):
            let lines = InlineFlow.wrap(InlineFlow.spans(content, role: .heading, references: references), width: width)
            let underline = glyphs.repeated(glyphs.dottedHorizontal, lines.map(\.width).max() ?? 0)
            return (lines + [[Span(underline, [.heading, .rule])]]).styled
        case .paragraph(let content):
            return InlineFlow.wrap(InlineFlow.spans(content, references: references), width: width).styled
        case .list(let list):
            return list.isChecklist ? framed(label: "Checklist", role: .checklist, width: width) {
                self.listLines(list, width: $0).map { $0.adding(.checklist) }
            } : listLines(list, width: width)
        case .quote(let children):
            return prefixed(Span(glyphs.quoteBar + " ", .quote), width: width) { lines(children, width: $0) }
                .map { $0.adding(.quote) }
        case .callout(let callout):
            let role = Self.role(of: callout.kind)
            // What must not be missed is boxed with its label, as visible without colour as a prompt.
            if Self.isFramed(callout.kind) {
                return framed(label: Self.label(of: callout.kind), role: role, width: width) { lines(callout.blocks, width: $0) }
            }
            return prefixed(Span(glyphs.quoteBar + " ", role), width: width) { innerWidth in
                [StyledLine([Span(Self.label(of: callout.kind), role.union(.label))])] + lines(callout.blocks, width: innerWidth)
            }
        case .prompt(let prompt):
            return framed(label: promptLabel, role: .prompt, width: width, target: .prompt(prompt.id)) { innerWidth in
                var result = lines(prompt.body, width: innerWidth)
                if let hint = prompt.hint {
                    result += InlineFlow.wrap([Span("Hint: ", [.hint, .label])] + InlineFlow.spans(hint, role: .hint, references: references),
                                              width: innerWidth).styled
                }
                return result + learnerLines(prompt.id, width: innerWidth)
            }
        case .code(_, let text):
            return verbatim(text, role: .code, width: width)
        case .html(let html):
            return verbatim(html, role: .html, width: width)
        case .table(let table):
            return TableLayout(glyphs: glyphs, references: references).lines(table, width: width).styled
        case .rule:
            return [StyledLine([Span(glyphs.repeated(glyphs.horizontal, width), .rule)])]
        }
    }

    /// The learner's answer under a prompt, their own line breaks kept, or a note of unsaved text.
    private func learnerLines(_ promptID: String, width: Int) -> [StyledLine] {
        var result: [StyledLine] = []
        if let answer = notes.answers[promptID] {
            result.append(StyledLine([]))
            result += InlineFlow.wrap([Span(VisibleText.prose(answer.heading), [.answer, .label])], width: width).styled
            result += Layout.answer(answer.text, width: width).styled
        }
        if let pending = notes.pending[promptID] {
            result += InlineFlow.wrap([Span(VisibleText.prose(pending), .meta)], width: width).styled
        }
        return result
    }

    private func listLines(_ list: List, width: Int) -> [StyledLine] {
        var result: [StyledLine] = []
        for (index, item) in list.items.enumerated() {
            if !result.isEmpty && !list.tight { result.append(StyledLine([])) }
            let marker: String
            if let task = item.task {
                marker = notes.ticks[task.id] ?? task.checkedByAuthor ? "[x]" : "[ ]"
            } else {
                marker = list.ordered ? "\(list.start + index)." : glyphs.bullet
            }
            // An item's link references follow it, so a long list keeps each address by its number.
            let itemLines = prefixed(Span(marker + " ", .marker), width: width) {
                lines(item.blocks, width: $0, tight: list.tight) + references.newLines(width: $0).styled
            }
            guard let task = item.task else {
                result += itemLines
                continue
            }
            result += itemLines.map { line in
                var line = line
                line.target = line.target ?? .item(task.id)
                return line
            }
        }
        return result
    }

    /// Content laid out narrower, its first line after `first` and the rest indented to match.
    private func prefixed(_ first: Span, width: Int, content: (Int) -> [StyledLine]) -> [StyledLine] {
        let indent = first.width
        guard width - indent >= Self.minimumNestedWidth else { return content(width) }
        let isBar = first.text.hasPrefix(glyphs.quoteBar)
        let rest = Span(isBar ? first.text : String(repeating: " ", count: indent), isBar ? first.role : [])
        let inner = content(width - indent)
        return inner.enumerated().map { index, line in line.prefixed(by: index == 0 ? first : rest) }
    }

    /// A labelled frame set apart from the text around it:
    /// `┌─ Label ──`, the content behind `│ `, and a closing `└──`.
    private func framed(label: String, role: Role, width: Int, target: Target? = nil,
                        content: (Int) -> [StyledLine]) -> [StyledLine] {
        let heading = "\(glyphs.topLeft)\(glyphs.horizontal) "
        let top = width >= heading.count + label.count + 2
            ? [Span(heading, role.union(.border)), Span(label, role.union(.label)),
               Span(" " + glyphs.repeated(glyphs.horizontal, width - heading.count - label.count - 1),
                    role.union(.border))]
            : [Span(glyphs.topLeft + glyphs.repeated(glyphs.horizontal, width - 1), role.union(.border))]
        let bottom = [Span(glyphs.bottomLeft + glyphs.repeated(glyphs.horizontal, width - 1), role.union(.border))]
        let body = prefixed(Span(glyphs.vertical + " ", role.union(.border)), width: width) { content($0) }
            .map { line in
                StyledLine(line.spans.map { $0.role.contains(.border) ? $0 : Span($0.text, $0.role.union(role)) },
                           target: line.target)
            }
        return ([StyledLine(top.filter { !$0.text.isEmpty })] + body + [StyledLine(bottom)]).map { line in
            var line = line
            line.target = target ?? line.target
            return line
        }
    }

    /// Text shown as written: tabs expanded, control characters made visible, long lines wrapped
    /// (after a space where there is one) with a continuation mark so nothing is cut off.
    private func verbatim(_ text: String, role: Role, width: Int) -> [StyledLine] {
        let indent = width >= Self.minimumNestedWidth + 2 ? "  " : ""
        let mark = glyphs.continuation + " "
        var result: [StyledLine] = []
        for sourceLine in text.lines {
            let expanded = VisibleText.make(Self.expandingTabs(sourceLine))
            let chunks = InlineFlow.codeWrap(expanded, first: width - indent.count, rest: width - indent.count - mark.count)
            for (index, chunk) in chunks.enumerated() {
                let lead = index == 0 ? [Span(indent, role)] : [Span(indent, role), Span(mark, role.union(.continuation))]
                result.append(StyledLine((lead + [Span(chunk, role)]).merged()))
            }
        }
        return result
    }

    static func expandingTabs(_ line: Substring) -> String {
        guard line.contains("\t") else { return String(line) }
        var result = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = tabWidth - column % tabWidth
                result += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                result.append(character)
                column += DisplayWidth.of(character)
            }
        }
        return result
    }

    static func role(of kind: Callout.Kind) -> Role {
        switch kind {
        case .note, .important, .facilitatorNotes: .note
        case .tip: .tip
        case .warning, .caution, .contentNote: .warning
        }
    }

    static func label(of kind: Callout.Kind) -> String {
        switch kind {
        case .note: "Note"
        case .tip: "Tip"
        case .important: "Important"
        case .warning: "Warning"
        case .caution: "Caution"
        case .contentNote: "Content note"
        case .facilitatorNotes: "Notes"
        }
    }

    static func isFramed(_ kind: Callout.Kind) -> Bool {
        switch kind {
        case .important, .warning, .caution, .contentNote: true
        case .note, .tip, .facilitatorNotes: false
        }
    }
}
