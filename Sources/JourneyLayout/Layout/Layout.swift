import JourneyKit

/// The layout engine: a pure function from a document and a width to styled lines. The player and
/// `journey print` both show text laid out here.
public struct Layout: Sendable {
    public static let minimumWidth = 20
    /// Wider than any screen; beyond it a line is only a longer line to build.
    public static let maximumWidth = 1000

    public var width: Int
    public var glyphs: Glyphs

    public init(width: Int, glyphs: Glyphs = .unicode) {
        self.width = min(max(width, Self.minimumWidth), Self.maximumWidth)
        self.glyphs = glyphs
    }

    /// A lesson: its title, underlined, then its blocks separated by blank lines, with what the
    /// learner added (`notes`) in its place.
    public func lines(for lesson: Lesson, notes: LearnerNotes = .none) -> [StyledLine] {
        underlined(lesson.title, role: .heading, glyph: glyphs.horizontal, anchor: 0)
            + lines(for: lesson.blocks, notes: notes, firstAnchor: 1)
    }

    /// A lesson as it is shown to a group: its title as a banner, centred between rules, and prompts as
    /// questions to discuss. Nothing a learner wrote is ever part of it.
    public func presentation(of lesson: Lesson) -> [StyledLine] {
        let rule = StyledLine([Span(glyphs.repeated(glyphs.doubleHorizontal, width), [.title, .rule])])
        let title = InlineFlow.wrap([Span(VisibleText.prose(lesson.title), .title)], width: width).map { spans in
            StyledLine([Span(String(repeating: " ", count: (width - spans.reduce(0) { $0 + $1.width }) / 2))] + spans)
        }
        return [rule] + title + [rule] + lines(for: lesson.blocks, firstAnchor: 1, promptLabel: "Discuss")
    }

    /// Blocks separated by blank lines (one before each), anchored from `firstAnchor` on; after a block
    /// with links, the targets they lead to, numbered.
    public func lines(for blocks: [Block], notes: LearnerNotes = .none, firstAnchor: Int = 0,
                      promptLabel: String = "Reflect") -> [StyledLine] {
        var result: [StyledLine] = []
        let layout = BlockLayout(glyphs: glyphs, notes: notes, promptLabel: promptLabel)
        for (index, block) in blocks.enumerated() {
            result.append(StyledLine([], anchor: firstAnchor + index - 1))
            // The block, then where its links lead.
            let lines = layout.lines(block, width: width) + layout.references.newLines(width: width).styled
            result += lines.map { line in
                var line = line
                line.anchor = firstAnchor + index
                return line
            }
        }
        return result
    }

    /// The whole course in reading order: its title and details, then each module and its lessons.
    public func lines(for course: Course) -> [StyledLine] {
        var result = underlined(course.title, role: .title, glyph: glyphs.doubleHorizontal, anchor: 0)
        let details = [course.authors.joined(separator: ", "), course.version.isEmpty ? "" : "version \(course.version)"]
            .filter { !$0.isEmpty }.joined(separator: " · ")
        for text in [course.description, details] where !text.isEmpty {
            result.append(StyledLine([]))
            result += InlineFlow.wrap([Span(VisibleText.prose(text), text == details ? .meta : [])], width: width)
                .map { StyledLine($0) }
        }
        for (number, module) in course.modules.enumerated() {
            result += [StyledLine([]), StyledLine([])]
            result += underlined("Module \(number + 1): \(module.title)", role: .title, glyph: glyphs.doubleHorizontal,
                                 anchor: 0)
            for lesson in module.lessons {
                result += [StyledLine([]), StyledLine([])] + lines(for: lesson)
            }
        }
        return result
    }

    /// Word-wraps spans to `width` columns, as lesson text is wrapped.
    public static func wrap(_ spans: [Span], width: Int) -> [[Span]] {
        InlineFlow.wrap(spans, width: width)
    }

    /// A learner's answer as they wrote it, their line breaks and indentation kept, in the role of
    /// their own words.
    public static func answer(_ text: String, width: Int) -> [[Span]] {
        text.lines.flatMap { line -> [[Span]] in
            let indent = min(line.prefix { $0 == " " }.count, width / 2)
            let rows = InlineFlow.wrap([Span(VisibleText.prose(String(line.dropFirst(indent))), .answer)],
                                       width: width - indent)
            guard indent > 0 else { return rows }
            return rows.map { [Span(String(repeating: " ", count: indent), .answer)] + $0 }
        }
    }

    private func underlined(_ title: String, role: Role, glyph: String, anchor: Int) -> [StyledLine] {
        let lines = InlineFlow.wrap([Span(VisibleText.prose(title), role)], width: width)
        let underline = glyphs.repeated(glyph, lines.map(\.width).max() ?? 0)
        return (lines + [[Span(underline, role.union(.rule))]]).map { StyledLine($0, anchor: anchor) }
    }
}
