/// Inline content of a paragraph, heading, table cell or prompt.
public indirect enum Inline: Equatable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case code(String)
    case link(target: String, content: [Inline])
    case image(target: String, alt: [Inline])
    /// Raw inline HTML, kept as text and never interpreted.
    case html(String)
    case softBreak
    case hardBreak
}

extension Array where Element == Inline {
    /// The text a reader sees, without formatting; breaks become spaces.
    public var plainText: String {
        var result = ""
        var stack: [ArraySlice<Inline>] = [self[...]]
        while var top = stack.popLast() {
            guard let inline = top.popFirst() else { continue }
            stack.append(top)
            switch inline {
            case .text(let text), .code(let text), .html(let text): result += text
            case .softBreak, .hardBreak: result += " "
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                 .link(_, let children), .image(_, let children):
                stack.append(children[...])
            }
        }
        return result
    }
}
