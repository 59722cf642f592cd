/// A run of text with one set of roles.
public struct Span: Equatable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role = []) {
        self.text = text
        self.role = role
    }

    public var width: Int { DisplayWidth.of(text) }
}

/// What a line of a lesson belongs to that a learner can act on: a reflection prompt or a checklist item.
public enum Target: Hashable, Sendable {
    case prompt(String)
    case item(String)
}

/// One line of laid-out text, never wider than the width it was laid out for.
public struct StyledLine: Equatable, Sendable {
    public var spans: [Span]
    /// Which top-level element the line belongs to (0 the title, then 1 for each block in turn; a blank
    /// line between two belongs to the first), so a reader can keep their place when the text is laid
    /// out again at another width.
    public var anchor: Int
    /// The prompt or checklist item the line is part of, if any.
    public var target: Target?

    public init(_ spans: [Span], anchor: Int = 0, target: Target? = nil) {
        self.spans = spans
        self.anchor = anchor
        self.target = target
    }

    public var text: String { spans.map(\.text).joined() }
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The line behind `prefix`, its spans merged.
    func prefixed(by prefix: Span) -> StyledLine {
        StyledLine(([prefix] + spans).merged(), anchor: anchor, target: target)
    }

    /// The line with `role` added to every span.
    func adding(_ role: Role) -> StyledLine {
        StyledLine(spans.adding(role), anchor: anchor, target: target)
    }
}

extension Array where Element == Span {
    var width: Int { reduce(0) { $0 + $1.width } }

    /// Joins neighbours with the same roles.
    func merged() -> [Span] {
        var result: [Span] = []
        for span in self where !span.text.isEmpty {
            if let last = result.last, last.role == span.role {
                result[result.count - 1].text += span.text
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// Adds `role` to every span.
    func adding(_ role: Role) -> [Span] {
        map { Span($0.text, $0.role.union(role)) }
    }
}

extension Array where Element == [Span] {
    /// Plain lines of spans as styled lines.
    var styled: [StyledLine] { map { StyledLine($0) } }
}
