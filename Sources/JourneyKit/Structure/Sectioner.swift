import Foundation

/// A heading that opens a module or a lesson, with an explicit id written as a trailing `{#id}`.
struct SectionHeading: Equatable {
    /// Longer titles are cut (every screen shows them, often on one line).
    static let maximumTitleLength = 200

    var title: String
    var explicitID: String?
    var position: SourcePosition?
    /// What is wrong with the heading, if anything: an id that is not one, a title cut short.
    var problems: [String] = []

    /// A heading as an outline cache kept it: its title as it was made.
    init(cachedTitle title: String) {
        self.title = title
    }

    init(content: [Inline], position: SourcePosition?) {
        var title = content.plainText
        if title.hasSuffix("}"), let open = title.range(of: "{#", options: .backwards) {
            let id = String(title[open.upperBound..<title.index(before: title.endIndex)])
            if PromptID.isValid(id) {
                explicitID = id
                title = String(title[..<open.lowerBound])
            } else {
                problems.append("'{#\(id.prefix(PromptID.maximumLength))}' is not an id (letters, digits, '-', '_' and '.', "
                    + "with a letter or digit, at most \(PromptID.maximumLength) characters), so it stays in the title")
            }
        }
        title = title.trimmingSpaces
        if title.count > Self.maximumTitleLength {
            problems.append("the title is \(title.count) characters; it is shown cut to \(Self.maximumTitleLength)")
            title = String(title.prefix(Self.maximumTitleLength - 1)) + "…"
        }
        self.title = title
        self.position = position
    }
}

/// Splits a file's top-level blocks into sections at headings, so nothing in the file is dropped.
enum Sectioner {
    struct Section {
        var heading: SectionHeading
        var blocks: [PositionedBlock]
    }

    /// Removes and returns the file's first heading when it is a `#`: a course's or a module's title.
    static func takeTitle(from blocks: inout [PositionedBlock]) -> SectionHeading? {
        // Only a `#` that is the file's first heading: a later one stays where it is, as a section.
        guard let index = blocks.firstIndex(where: { if case .heading = $0.block { true } else { false } }),
              case .heading(1, let content) = blocks[index].block else { return nil }
        let heading = SectionHeading(content: content, position: blocks[index].position)
        blocks.remove(at: index)
        return heading
    }

    /// `blocks` cut before the heading that would open more than `lessons` sections at `level` or
    /// shallower (text before the first heading opens one too), and the first block left out, if any:
    /// past a course's limit, headings are not even read.
    static func limit(_ blocks: [PositionedBlock], atLevel level: Int, lessons: Int)
        -> (kept: ArraySlice<PositionedBlock>, firstLeftOut: PositionedBlock?) {
        var opened = blocks.first.map { if case .heading(let depth, _) = $0.block, depth <= level { 0 } else { 1 } } ?? 0
        for (index, item) in blocks.enumerated() {
            guard case .heading(let depth, _) = item.block, depth <= level else { continue }
            opened += 1
            if opened > lessons { return (blocks[..<index], item) }
        }
        return (blocks[...], opened > lessons ? blocks.first : nil)
    }

    /// Splits at every heading of `level` or shallower; what comes before the first one is the preamble.
    static func split(_ blocks: [PositionedBlock], atLevel level: Int)
        -> (preamble: [PositionedBlock], sections: [Section]) {
        var preamble: [PositionedBlock] = []
        var sections: [Section] = []
        for item in blocks {
            if case .heading(let headingLevel, let content) = item.block, headingLevel <= level {
                sections.append(Section(heading: SectionHeading(content: content, position: item.position), blocks: []))
            } else if sections.isEmpty {
                preamble.append(item)
            } else {
                sections[sections.count - 1].blocks.append(item)
            }
        }
        return (preamble, sections)
    }
}
