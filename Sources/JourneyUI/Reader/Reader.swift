import JourneyLayout

/// The lesson being read: which one, its lines at the body's width, and where the learner is in it.
public struct Reader: Equatable, Sendable {
    /// A place in the lesson's content rather than a line number, so it survives a new width.
    public struct Place: Equatable, Sendable {
        public var block: Int
        public var fraction: Double

        public static let start = Place(block: 0, fraction: 0)
    }

    public private(set) var lesson: Int
    public private(set) var lines: [StyledLine]
    /// The first line shown.
    public private(set) var top = 0
    /// Where the learner is. `top` follows it, but a size that clamps `top` never moves it.
    public private(set) var place = Place.start
    /// The prompt or checklist item that Tab selected.
    public internal(set) var selection: Target?
    /// How many lines show at once.
    private(set) var height: Int
    /// Reading stops scrolling when the last line reaches the bottom; presenting may show a last
    /// screenful with room to spare.
    var stopsAtTheEnd = true

    init(lesson: Int, lines: [StyledLine], height: Int, place: Place = .start) {
        self.lesson = lesson
        self.lines = lines
        self.height = max(1, height)
        self.place = place
        top = clampedTop(line(of: place))
    }

    var maximumTop: Int { max(0, lines.count - height) }
    var atEnd: Bool { top >= maximumTop }

    /// Another lesson, from `place`.
    mutating func show(lesson: Int, lines: [StyledLine], at place: Place = .start) {
        self.lesson = lesson
        self.lines = lines
        selection = nil
        self.place = place
        top = clampedTop(line(of: place))
    }

    /// The same lesson, from `place`.
    mutating func move(to place: Place) {
        self.place = place
        top = clampedTop(line(of: place))
    }

    /// The same lesson laid out again (a new width, an answer added): the place is kept.
    mutating func relaid(_ lines: [StyledLine], height: Int) {
        self.lines = lines
        self.height = max(1, height)
        top = clampedTop(line(of: place))
        if let selection, !targets.contains(selection) { self.selection = nil }
    }

    /// Scrolls so that `line` is the first shown; the learner's place moves with it.
    mutating func scroll(to line: Int) {
        top = clampedTop(line)
        place = place(of: top)
    }

    mutating func scroll(by count: Int) {
        scroll(to: top + count)
    }

    /// The prompts and checklist items of the lesson, in reading order.
    var targets: [Target] {
        var seen: Set<Target> = []
        return lines.compactMap(\.target).filter { seen.insert($0).inserted }
    }

    /// The lines that make up a prompt or checklist item.
    func lines(of target: Target) -> Range<Int>? {
        guard let first = lines.firstIndex(where: { $0.target == target }),
              let last = lines.lastIndex(where: { $0.target == target }) else { return nil }
        return first..<last + 1
    }

    /// Scrolls a target into view: all of it when it fits, its start otherwise, with a line of context.
    mutating func reveal(_ target: Target) {
        guard let range = lines(of: target) else { return }
        if range.lowerBound < top || range.upperBound > top + height {
            scroll(to: range.count + 2 <= height ? range.lowerBound - (height - range.count) / 3 : range.lowerBound - 1)
        }
    }

    /// The targets with at least one line on screen, in order.
    var visibleTargets: [Target] {
        var seen: Set<Target> = []
        return lines[top..<min(lines.count, top + height)].compactMap(\.target).filter { seen.insert($0).inserted }
    }

    private func clampedTop(_ line: Int) -> Int {
        min(max(0, line), stopsAtTheEnd ? maximumTop : max(0, lines.count - 1))
    }

    private func place(of line: Int) -> Place {
        Self.place(of: line, in: lines)
    }

    /// Where `line` is as a block and how far into it: the same text at any width.
    static func place(of line: Int, in lines: [StyledLine]) -> Place {
        guard lines.indices.contains(line) else { return .start }
        let block = lines[line].anchor
        var first = line, end = line + 1
        while first > 0, lines[first - 1].anchor == block { first -= 1 }
        while end < lines.count, lines[end].anchor == block { end += 1 }
        return Place(block: block, fraction: Double(line - first) / Double(end - first))
    }

    /// The line at `place`: in its block, as far down as its fraction says.
    func line(of place: Place) -> Int {
        // A place read from storage may be anything: what it cannot mean is clamped.
        let fraction = place.fraction.isFinite ? min(max(0, place.fraction), 1) : 0
        guard let first = lines.firstIndex(where: { $0.anchor >= place.block }) else { return lines.count }
        guard lines[first].anchor == place.block else { return first }
        let count = lines[first...].prefix { $0.anchor == place.block }.count
        // Rounded down, so the start of a paragraph stays its start at any width.
        return first + min(count - 1, Int((fraction * Double(count) + 1e-9).rounded(.down)))
    }
}
