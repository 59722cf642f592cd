import JourneyKit

/// Where a lesson's links lead, numbered in reading order as text browsers number them when they dump a
/// page: the link's text carries `[1]` and the targets are listed after the block they are in. A target
/// met again keeps its number. In-page anchors (`#section`) and links that show their own address are
/// not numbered.
final class LinkReferences {
    private var numbers: [String: Int] = [:]
    private var targets: [String] = []
    /// How many have been listed so far.
    private var listed = 0

    /// The number of the target a link or image shows, or nil when it needs none.
    func number(for target: String, shown: String) -> Int? {
        guard !target.isEmpty, !target.hasPrefix("#"),
              ![shown, "mailto:" + shown, "http://" + shown, "https://" + shown].contains(target) else { return nil }
        if let number = numbers[target] { return number }
        targets.append(target)
        numbers[target] = targets.count
        return targets.count
    }

    /// The references numbered since the last call, as lines: `  [1] https://…`, a long address
    /// broken to go on under itself.
    func newLines(width: Int) -> [[Span]] {
        defer { listed = targets.count }
        return targets[listed...].enumerated().flatMap { offset, target -> [[Span]] in
            let label = "  [\(listed + offset + 1)] "
            let indent = label.count < width / 2 ? label.count : 0
            let pieces = InlineFlow.hardWrap(VisibleText.make(target), width: width - indent)
            return pieces.enumerated().map { index, piece in
                [Span(index == 0 ? label : String(repeating: " ", count: indent), .linkTarget), Span(piece, .linkTarget)]
            }
        }
    }
}
