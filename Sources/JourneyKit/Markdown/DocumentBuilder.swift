/// A top-level block of a Markdown file and where it starts.
struct PositionedBlock: Equatable {
    var block: Block
    var position: SourcePosition?
    /// How many top-level headings come before it, or up to it for a heading: which section of the
    /// file it is in, as an outline names the blocks to build (see `Extent`).
    var section = 0
}

/// How much of a file a conversion builds: all of it, or an outline, whose headings (and HTML blocks,
/// which comments drop) are built and whose other top-level blocks are passed over, each standing as
/// an empty paragraph, except in the sections given. An outline has the same modules, lessons and
/// ids as the whole file, in a fraction of the time: the player draws its first frame from one.
enum Extent: Equatable {
    case whole
    case outline(inFull: ClosedRange<Int>?)
}

/// What converting one Markdown file gives.
struct ParsedMarkdown {
    var blocks: [PositionedBlock]
    var diagnostics: [Diagnostic]
}

/// Builds the document model from the parser's enter/leave/text events with an explicit stack,
/// so arbitrarily deep input never recurses; nesting deeper than `maximumNesting` is flattened.
final class DocumentBuilder {
    static let maximumNesting = 16
    static let maximumSpanNesting = 32

    /// Where md4c's text pointers point into, while parsing.
    var baseAddress: UnsafeRawPointer?

    private let source: SourceText
    private let extent: Extent
    /// Top-level headings entered so far.
    private var section = 0
    /// How deep inside a block being passed over (an outline's) the parser is; 0 when building.
    private var passingOver = 0
    /// Where the block being passed over starts, once its first text is seen.
    private var passedOverOffset: Int?
    private var frames: [Frame] = [Frame(event: .document)]
    private var spans: [(event: SpanEvent, inlines: [Inline])] = []
    /// For each container or span entered: whether it got a frame of its own (false when flattened).
    private var containerPushed: [Bool] = []
    private var spanPushed: [Bool] = []
    private var containerDepth = 0
    private var spanDepth = 0
    private var diagnostics: [Diagnostic] = []
    /// Inside an inline HTML comment that md4c hands over a line at a time.
    private var inInlineComment = false

    init(source: SourceText, extent: Extent = .whole) {
        self.source = source
        self.extent = extent
    }

    /// Inside a top-level block an outline passes over: the parser's events only count depth there.
    var isPassingOver: Bool { passingOver > 0 }

    private struct Frame {
        var event: BlockEvent
        var offset: Int?
        var blocks: [PositionedBlock] = []
        var inlines: [Inline] = []
        var text = ""
        var items: [ListItem] = []
        var cells: [[Inline]] = []
        var rows: [[[Inline]]] = []
        var alignments: [Table.Alignment] = []
        var header: [[Inline]] = []

        init(event: BlockEvent) { self.event = event }
    }

    // MARK: Events

    func enter(_ event: BlockEvent) {
        guard event != .document else { return }
        if passingOver > 0 {
            passingOver += 1
            return
        }
        if frames.count == 1 {
            if case .heading = event {
                section += 1
            } else if case .outline(let inFull) = extent, event != .html, !(inFull?.contains(section) ?? false) {
                passingOver = 1
                return
            }
        }
        flushInlinesIntoParagraph()
        if event.isNestingContainer || isItem(event) {
            let push = isItem(event) ? isList(frames[frames.count - 1].event) : containerDepth < Self.maximumNesting
            containerPushed.append(push)
            guard push else { return }
            containerDepth += 1
        }
        frames.append(Frame(event: event))
    }

    func leave(_ event: BlockEvent) {
        guard event != .document else { return }
        if passingOver > 0 {
            passingOver -= 1
            guard passingOver == 0 else { return }
            append(.paragraph([]), at: passedOverOffset.map(source.position(ofOffset:)))
            passedOverOffset = nil
            return
        }
        if event.isNestingContainer || isItem(event) {
            guard containerPushed.popLast() == true else { return }
            containerDepth -= 1
        }
        flushInlinesIntoParagraph()
        var frame = frames.removeLast()
        let position = frame.offset.map(source.position(ofOffset:))
        if frames[frames.count - 1].offset == nil { frames[frames.count - 1].offset = frame.offset }
        switch frame.event {
        case .paragraph: append(.paragraph(BareLinks.link(frame.inlines)), at: position)
        case .heading(let level): append(.heading(level: level, content: BareLinks.link(frame.inlines)), at: position)
        case .rule: append(.rule, at: position)
        case .code(let language):
            if frame.text.hasSuffix("\n") { frame.text.removeLast() }
            append(.code(language: language, text: frame.text), at: position)
        case .html: appendHTMLBlock(frame.text, at: position)
        case .quote:
            let block = Directive.recognize(quote: frame.blocks.map(\.block), at: position,
                                            path: source.path, diagnostics: &diagnostics)
            // Facilitator notes are a lesson's own: inside a list or a quote they would be shown to learners.
            if FacilitatorNotes.isNotes(block) && frames.count > 1 {
                diagnostics.append(Diagnostic(.warning, "facilitator notes inside a list or a quote are left out; "
                    + "put > [!NOTES] at the top level of the lesson", path: source.path, at: position))
            } else {
                append(block, at: position)
            }
        case .list(let ordered, let start, let tight):
            append(.list(List(ordered: ordered, start: start, tight: tight, items: frame.items)), at: position)
        case .item(let isTask, let checked):
            let task = isTask ? ListItem.Task(id: "", checkedByAuthor: checked) : nil
            frames[frames.count - 1].items.append(ListItem(task: task, blocks: frame.blocks.map(\.block)))
        case .cell(let alignment):
            frames[frames.count - 1].cells.append(BareLinks.link(frame.inlines))
            frames[frames.count - 1].alignments.append(alignment)
        case .tableRow:
            frames[frames.count - 1].rows.append(frame.cells)
            if frames[frames.count - 1].alignments.isEmpty { frames[frames.count - 1].alignments = frame.alignments }
        case .tableHead:
            frames[frames.count - 1].header = frame.rows.first ?? []
            frames[frames.count - 1].alignments = frame.alignments
        case .tableBody: frames[frames.count - 1].rows += frame.rows
        case .table:
            append(.table(Table(alignments: frame.alignments, header: frame.header, rows: frame.rows)), at: position)
        case .document: break
        }
    }

    func enterSpan(_ event: SpanEvent) {
        let push = spanDepth < Self.maximumSpanNesting
        spanPushed.append(push)
        guard push else { return }
        spanDepth += 1
        spans.append((event, []))
    }

    func leaveSpan(_ event: SpanEvent) {
        guard spanPushed.popLast() == true else { return }
        spanDepth -= 1
        let (event, inlines) = spans.removeLast()
        switch event {
        case .emphasis: appendInline(.emphasis(linkingBareLinks(inlines)))
        case .strong: appendInline(.strong(linkingBareLinks(inlines)))
        case .strikethrough: appendInline(.strikethrough(linkingBareLinks(inlines)))
        case .code: appendInline(.code(inlines.plainText))
        case .link(let target): appendInline(.link(target: target, content: inlines))
        case .image(let target): appendInline(.image(target: target, alt: inlines))
        }
    }

    /// Bare URLs in a span made links, unless the span is inside a link's or an image's text.
    private func linkingBareLinks(_ inlines: [Inline]) -> [Inline] {
        let inLinkText = spans.contains { span in
            switch span.0 {
            case .link, .image: true
            default: false
            }
        }
        return inLinkText ? inlines : BareLinks.link(inlines)
    }

    /// Text inside a block passed over: only where it starts is kept, when it is text of the source.
    func passOver(textAt pointer: UnsafeRawPointer?, fromSource: Bool) {
        if passedOverOffset == nil && fromSource { passedOverOffset = sourceOffset(of: pointer) }
    }

    func text(_ event: TextEvent, at pointer: UnsafeRawPointer?) {
        let offset = sourceOffset(of: pointer, for: event)
        if let offset, frames[frames.count - 1].offset == nil { frames[frames.count - 1].offset = offset }
        switch event {
        case .normal(let text): appendText(text)
        case .entity(let entity): appendText(HTMLEntity.decode(entity) ?? entity)
        case .nullCharacter: appendText("\u{FFFD}")
        case .softBreak: appendInline(.softBreak)
        case .hardBreak: appendInline(.hardBreak)
        case .code(let text):
            if case .code = frames[frames.count - 1].event { frames[frames.count - 1].text += text } else { appendText(text) }
        case .html(let html):
            if frames[frames.count - 1].event == .html {
                frames[frames.count - 1].text += html
            } else if inInlineComment || HTMLComment.isComment(html) {
                // An author's note, dropped whole, however many lines it takes.
                inInlineComment = !html.contains("-->")
            } else {
                appendInline(.html(html))
                warnAboutHTML(at: offset.map(source.position(ofOffset:)))
            }
        }
    }

    func finish() -> ParsedMarkdown {
        flushInlinesIntoParagraph()
        return ParsedMarkdown(blocks: frames.first?.blocks ?? [], diagnostics: diagnostics)
    }

    // MARK: Helpers

    private func isItem(_ event: BlockEvent) -> Bool {
        if case .item = event { true } else { false }
    }

    private func isList(_ event: BlockEvent) -> Bool {
        if case .list = event { true } else { false }
    }

    private func sourceOffset(of pointer: UnsafeRawPointer?, for event: TextEvent) -> Int? {
        switch event {
        case .normal, .code, .html, .entity: sourceOffset(of: pointer)
        default: nil
        }
    }

    /// Where `pointer` points into the source, if it does.
    private func sourceOffset(of pointer: UnsafeRawPointer?) -> Int? {
        guard let pointer, let baseAddress else { return nil }
        let offset = pointer - baseAddress
        return offset >= 0 && offset < source.bytes.count ? offset : nil
    }

    private func append(_ block: Block, at position: SourcePosition?) {
        frames[frames.count - 1].blocks.append(PositionedBlock(block: block, position: position, section: section))
    }

    private func appendText(_ text: String) {
        if let last = spans.indices.last {
            Self.append(text, to: &spans[last].inlines)
        } else {
            Self.append(text, to: &frames[frames.count - 1].inlines)
        }
    }

    /// Appends to the last text run in place. The run is taken out of the array first, so the string is
    /// not shared and grows without being copied: many small runs (escapes, entities) cost linear time.
    private static func append(_ text: String, to inlines: inout [Inline]) {
        guard case .text(var previous)? = inlines.last else {
            inlines.append(.text(text))
            return
        }
        inlines[inlines.count - 1] = .softBreak
        previous += text
        inlines[inlines.count - 1] = .text(previous)
    }

    private func appendInline(_ inline: Inline) {
        if let last = spans.indices.last {
            spans[last].inlines.append(inline)
        } else {
            frames[frames.count - 1].inlines.append(inline)
        }
    }

    /// Text directly inside a container (a tight list item) becomes a paragraph of its own.
    private func flushInlinesIntoParagraph() {
        let top = frames.count - 1
        guard !frames[top].inlines.isEmpty else { return }
        switch frames[top].event {
        case .quote, .item, .document:
            let inlines = frames[top].inlines
            frames[top].inlines = []
            frames[top].blocks.append(PositionedBlock(block: .paragraph(BareLinks.link(inlines)), position: nil,
                                                      section: section))
        default: break
        }
    }

    private func appendHTMLBlock(_ html: String, at position: SourcePosition?) {
        if HTMLComment.isComment(html) {
            if !html.contains("-->") {
                diagnostics.append(Diagnostic(.warning, "this HTML comment is never closed (no -->), so it hides everything "
                    + "after it, to the end of the file", path: source.path, at: position))
            }
            return
        }
        if html.hasSuffix("\n") { append(.html(String(html.dropLast())), at: position) } else { append(.html(html), at: position) }
        warnAboutHTML(at: position)
    }

    private func warnAboutHTML(at position: SourcePosition?) {
        diagnostics.append(Diagnostic(.warning, "raw HTML is shown as text, not interpreted",
                                      path: source.path, at: position))
    }
}
