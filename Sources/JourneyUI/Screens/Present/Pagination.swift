import JourneyLayout

/// A lesson's lines cut into screenfuls for presenting: each holds as many whole blocks as fit, a
/// heading always goes with what follows it, and any other block is cut only when keeping it whole
/// would leave more than half the screen empty.
struct Pagination: Equatable {
    /// The first line of each screenful; blank lines never start one.
    let starts: [Int]

    init(_ lines: [StyledLine], height: Int) {
        let height = max(1, height)
        var starts = [0]
        var start = 0
        while start + height < lines.count {
            var end = start + height
            if !Self.startsBlock(lines, at: end) {
                end = (start + (height + 1) / 2..<end).last { Self.startsBlock(lines, at: $0) } ?? end
            }
            // A heading last on a screen goes to the next one, with its text.
            if let heading = Self.blockStart(lines, before: end), heading > start, Self.isHeading(lines[heading]) {
                end = heading
            }
            while end < lines.count, lines[end].spans.isEmpty { end += 1 }
            guard end < lines.count else { break }
            starts.append(end)
            start = end
        }
        self.starts = starts
    }

    var count: Int { starts.count }

    /// The screenful that shows `line` (the last to start at or before it).
    func index(of line: Int) -> Int {
        max(0, (starts.lastIndex { $0 <= line }) ?? 0)
    }

    /// Where the last block before `end` starts (its blank line after it left aside).
    private static func blockStart(_ lines: [StyledLine], before end: Int) -> Int? {
        var index = end - 1
        while index > 0, lines[index].spans.isEmpty { index -= 1 }
        while index > 0, !startsBlock(lines, at: index) { index -= 1 }
        return index > 0 ? index : nil
    }

    private static func isHeading(_ line: StyledLine) -> Bool {
        line.spans.contains { $0.role.contains(.heading) }
    }

    /// A block starts where the anchor changes, or after a blank line.
    private static func startsBlock(_ lines: [StyledLine], at index: Int) -> Bool {
        index > 0 && index < lines.count && (lines[index].anchor != lines[index - 1].anchor || lines[index - 1].spans.isEmpty)
    }
}
