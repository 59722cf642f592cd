/// A course: modules of lessons, loaded from a folder with a manifest or from one Markdown file.
public struct Course: Equatable, Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var authors: [String]
    public var version: String
    public var language: String
    /// The absolute path of the course folder or file, or `<bundled>`.
    public var path: String
    public var modules: [Module]
    /// The page of crisis and help guidance a manifest names, if any.
    public var support: Lesson?
    /// The support page's file as the manifest names it, even when it could not be loaded.
    public var supportFile: String?
    /// Where the manifest is, for diagnostics about the whole course; nil without one.
    public var manifestPath: String?

    public var lessons: [Lesson] { modules.flatMap(\.lessons) }

    public func lesson(id: String) -> Lesson? {
        for module in modules { if let lesson = module.lessons.first(where: { $0.id == id }) { return lesson } }
        return nil
    }
}

public struct Module: Equatable, Sendable {
    public var id: String
    public var title: String
    public var lessons: [Lesson]

    public init(id: String, title: String, lessons: [Lesson]) {
        self.id = id
        self.title = title
        self.lessons = lessons
    }
}

public struct Lesson: Equatable, Sendable {
    public var id: String
    public var title: String
    /// The file the lesson comes from and where its heading is.
    public var path: String
    public var position: SourcePosition?
    public var blocks: [Block]
    /// Notes for a facilitator (`> [!NOTES]` blocks of the lesson, in order): shown only in present mode.
    public var facilitatorNotes: [Block]

    public init(id: String, title: String, path: String, position: SourcePosition? = nil, blocks: [Block],
                facilitatorNotes: [Block] = []) {
        self.id = id
        self.title = title
        self.path = path
        self.position = position
        self.blocks = blocks
        self.facilitatorNotes = facilitatorNotes
    }

    /// A short note shown before the lesson's body (`> [!CONTENT-NOTE]` as its first block), as plain text.
    public var contentNote: String? {
        guard case .callout(let callout)? = blocks.first, callout.kind == .contentNote else { return nil }
        return callout.blocks.compactMap { if case .paragraph(let inlines) = $0 { inlines.plainText } else { nil } }
            .joined(separator: " ")
    }

    /// Every reflection prompt of the lesson, in reading order, nested ones included.
    public var prompts: [Prompt] {
        var found: [Prompt] = []
        Block.visit(blocks) { if case .prompt(let prompt) = $0 { found.append(prompt) } }
        return found
    }

    /// Every checklist item of the lesson, in reading order.
    public var checklistItems: [ChecklistItem] {
        var found: [ChecklistItem] = []
        Block.visit(blocks) { block in
            guard case .list(let list) = block else { return }
            for item in list.items {
                guard let task = item.task else { continue }
                let text = item.blocks.first.flatMap { if case .paragraph(let inlines) = $0 { inlines.plainText } else { nil } }
                found.append(ChecklistItem(id: task.id, text: text ?? "", checkedByAuthor: task.checkedByAuthor))
            }
        }
        return found
    }
}

/// A checklist item as the learner sees it: its id (ticks are saved under it) and its text.
public struct ChecklistItem: Equatable, Sendable {
    public var id: String
    public var text: String
    public var checkedByAuthor: Bool
}

extension Block {
    /// Calls `body` on each block and all of its descendants in reading order, without recursion.
    public static func visit(_ blocks: [Block], _ body: (Block) -> Void) {
        var stack: [ArraySlice<Block>] = [blocks[...]]
        while var top = stack.popLast() {
            guard let block = top.popFirst() else { continue }
            stack.append(top)
            body(block)
            if let children = block.children { stack.append(children[...]) }
        }
    }

    /// The blocks directly inside this one.
    public var children: [Block]? {
        switch self {
        case .quote(let blocks): blocks
        case .callout(let callout): callout.blocks
        case .prompt(let prompt): prompt.body
        case .list(let list): list.items.flatMap(\.blocks)
        case .heading, .paragraph, .code, .table, .html, .rule: nil
        }
    }
}
