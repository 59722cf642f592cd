import JourneyKit

/// Where a lesson's links lead, numbered in reading order as text browsers number them when they dump a
/// page: the link's text carries `[1]` and the targets it uses are listed after the block (or list item)
/// they are in, so an address is always near its number. A target met again keeps its number and is
/// listed again where it is used. In-page anchors (`#section`) and links that show their own address are
/// not numbered.
final class LinkReferences {
    private var numbers: [String: Int] = [:]
    private var targets: [String] = []
    /// The numbers used since the references were last listed, in order.
    private var used: [Int] = []

    /// The number of the target a link or image shows, or nil when it needs none.
    func number(for target: String, shown: String) -> Int? {
        guard !target.isEmpty, !target.hasPrefix("#"),
              ![shown, "mailto:" + shown, "http://" + shown, "https://" + shown].contains(target) else { return nil }
        let number = numbers[target] ?? targets.count + 1
        if number > targets.count {
            targets.append(target)
            numbers[target] = number
        }
        if !used.contains(number) { used.append(number) }
        return number
    }

    /// The references used since the last call, as lines: `  [1] https://…`, a long address broken to
    /// go on under itself.
    func newLines(width: Int) -> [[Span]] {
        defer { used = [] }
        return used.flatMap { number -> [[Span]] in
            let target = targets[number - 1]
            let label = "  [\(number)] "
            let indent = label.count < width / 2 ? label.count : 0
            let pieces = InlineFlow.hardWrap(VisibleText.make(target), width: width - indent)
            return pieces.enumerated().map { index, piece in
                [Span(index == 0 ? label : String(repeating: " ", count: indent), .linkTarget), Span(piece, .linkTarget)]
            }
        }
    }
}
