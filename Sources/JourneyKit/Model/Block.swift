/// A block of a lesson: what the layout engine lays out.
public indirect enum Block: Equatable, Sendable {
    case heading(level: Int, content: [Inline])
    case paragraph([Inline])
    case list(List)
    case quote([Block])
    case callout(Callout)
    case prompt(Prompt)
    case code(language: String, text: String)
    case table(Table)
    /// A raw HTML block, kept as text and never interpreted.
    case html(String)
    case rule
}

extension Block {
    /// The words a reader sees in the block, in reading order, breaks and cells as spaces (for search).
    public var plainText: String {
        switch self {
        case .heading(_, let content), .paragraph(let content): content.plainText
        case .list(let list): list.items.flatMap(\.blocks).map(\.plainText).joined(separator: " ")
        case .quote(let blocks): blocks.map(\.plainText).joined(separator: " ")
        case .callout(let callout): callout.blocks.map(\.plainText).joined(separator: " ")
        case .prompt(let prompt): (prompt.body.map(\.plainText) + [prompt.hint?.plainText ?? ""]).joined(separator: " ")
        case .code(_, let text), .html(let text): text
        case .table(let table): (table.header + table.rows.flatMap { $0 }).map(\.plainText).joined(separator: " ")
        case .rule: ""
        }
    }
}

/// A bulleted or numbered list; a list with task items is a checklist.
public struct List: Equatable, Sendable {
    public var ordered: Bool
    public var start: Int
    public var tight: Bool
    public var items: [ListItem]

    public var isChecklist: Bool { items.contains { $0.task != nil } }
}

public struct ListItem: Equatable, Sendable {
    /// The checklist part of a GFM task item (`- [ ]`, `- [x]`); nil for an ordinary item.
    public var task: Task?
    public var blocks: [Block]

    public struct Task: Equatable, Sendable {
        /// Stable across edits that keep the item's text; a later issue stores ticks under it.
        public var id: String
        public var checkedByAuthor: Bool
    }
}

/// A GitHub alert such as `> [!NOTE]`, or Journey's own: `> [!CONTENT-NOTE]`, a short note before a
/// lesson that touches on something painful, and `> [!NOTES]`, notes for a facilitator that learners
/// never see (a lesson keeps them apart from its blocks).
public struct Callout: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case note, tip, important, warning, caution
        case contentNote = "content-note"
        case facilitatorNotes = "notes"
    }
    public var kind: Kind
    public var blocks: [Block]
}

/// A reflection prompt: the learner writes a private answer, saved under `id`.
public struct Prompt: Equatable, Sendable {
    public var id: String
    public var body: [Block]
    public var hint: [Inline]?
    public var position: SourcePosition?

    /// The question as plain text, for outlines and search.
    public var text: String {
        body.compactMap { if case .paragraph(let inlines) = $0 { inlines.plainText } else { nil } }
            .joined(separator: " ")
    }
}

public struct Table: Equatable, Sendable {
    public enum Alignment: Sendable { case leading, center, trailing }
    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
}
