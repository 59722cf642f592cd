import JourneyKit

/// Turns inline content into styled spans and wraps them into lines of a given display width.
enum InlineFlow {
    /// A hard line break inside a run list.
    private static let lineBreak = Span("\n", [])

    /// Flattens inline content into spans: links and images carry the number of their target in
    /// `references` (`[1]` before the link's text), images show their alt text.
    static func spans(_ inlines: [Inline], role base: Role = [], references: LinkReferences) -> [Span] {
        var result: [Span] = []
        var stack: [(inlines: ArraySlice<Inline>, role: Role, suffix: Span?)] = [(inlines[...], base, nil)]
        while var top = stack.popLast() {
            guard let inline = top.inlines.popFirst() else {
                if let suffix = top.suffix { result.append(suffix) }
                continue
            }
            stack.append(top)
            let role = top.role
            switch inline {
            case .text(let text): result.append(Span(VisibleText.prose(text), role))
            case .code(let text): result.append(Span(VisibleText.make(text), role.union(.code)))
            case .html(let html): result.append(Span(VisibleText.make(html), role.union(.html)))
            case .softBreak: result.append(Span(" ", role))
            case .hardBreak: result.append(lineBreak)
            case .emphasis(let children): stack.append((children[...], role.union(.emphasis), nil))
            case .strong(let children): stack.append((children[...], role.union(.strong), nil))
            case .strikethrough(let children): stack.append((children[...], role.union(.strikethrough), nil))
            case .link(let target, let children):
                if let number = references.number(for: target, shown: children.plainText) {
                    result.append(Span("[\(number)]", role.union(.linkTarget)))
                }
                stack.append((children[...], role.union(.link), nil))
            case .image(let target, let alt):
                if let number = references.number(for: target, shown: "") {
                    result.append(Span("[\(number)]", role.union(.linkTarget)))
                }
                let label = alt.plainText.isEmpty ? "[image]" : "[image: \(VisibleText.make(alt.plainText))]"
                result.append(Span(label, role.union(.image)))
            }
        }
        return result
    }

    /// Greedy word wrap by display width; words wider than a line are broken between characters.
    static func wrap(_ spans: [Span], width: Int) -> [[Span]] {
        let width = max(1, width)
        var lines: [[Span]] = []
        var line: [Span] = []
        var lineWidth = 0
        var word: [Span] = []
        var wordWidth = 0
        var pendingSpace = false

        func flushLine() {
            lines.append(line)
            line = []
            lineWidth = 0
        }
        /// Adds text to the line, into its last span when the role is the same.
        func extendLine(_ text: String, _ role: Role) {
            if line.last?.role == role {
                line[line.count - 1].text += text
            } else {
                line.append(Span(text, role))
            }
        }
        func place() {
            guard !word.isEmpty else { return }
            if lineWidth > 0, pendingSpace, lineWidth + 1 + wordWidth <= width {
                extendLine(" ", line.last?.role == word.first?.role ? word.first!.role : [])
                lineWidth += 1
            } else if lineWidth > 0 {
                flushLine()
            }
            if wordWidth <= width - lineWidth {
                for span in word { extendLine(span.text, span.role) }
                lineWidth += wordWidth
            } else {
                for span in word {
                    var chunk = ""
                    for character in span.text {
                        let characterWidth = DisplayWidth.of(character)
                        if lineWidth + characterWidth > width && lineWidth > 0 {
                            if !chunk.isEmpty { extendLine(chunk, span.role) }
                            chunk = ""
                            flushLine()
                        }
                        chunk.append(character)
                        lineWidth += characterWidth
                    }
                    if !chunk.isEmpty { extendLine(chunk, span.role) }
                }
            }
            word = []
            wordWidth = 0
            pendingSpace = false
        }

        for span in spans {
            if span == lineBreak {
                place()
                flushLine()
                continue
            }
            let pieces = whitespaceSplit(span.text)
            for (index, piece) in pieces.enumerated() {
                if index > 0 {
                    place()
                    if lineWidth > 0 { pendingSpace = true }
                }
                guard !piece.isEmpty else { continue }
                let text = Substring(piece)
                word.append(Span(String(text), span.role))
                wordWidth += DisplayWidth.of(text)
            }
        }
        place()
        if !line.isEmpty || lines.isEmpty { flushLine() }
        return lines
    }

    /// The text between spaces, tabs and newlines, empty pieces kept (two pieces mean one gap). White
    /// space is ASCII, which never occurs inside a multi-byte UTF-8 sequence: the bytes are split.
    private static func whitespaceSplit(_ text: String) -> [Substring.UTF8View] {
        text.utf8.split(omittingEmptySubsequences: false) {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n")
        }
    }

    /// The width of the widest word (what `wrap` never breaks when the width allows it); a wide (CJK)
    /// character is a word of its own, as lines may break between them.
    static func longestWord(_ spans: [Span]) -> Int {
        var longest = 0
        var word = 0
        for span in spans {
            if span == lineBreak {
                word = 0
                continue
            }
            let pieces = whitespaceSplit(span.text)
            for (index, piece) in pieces.enumerated() {
                if index > 0 { word = 0 }
                guard piece.contains(where: { $0 >= 0x80 }) else {
                    word += piece.count
                    longest = max(longest, word)
                    continue
                }
                // Lines may break between wide (CJK) characters: each is a word of its own.
                for character in Substring(piece) {
                    let width = DisplayWidth.of(character)
                    word = width == 2 ? 0 : word + width
                    longest = max(longest, width == 2 ? 2 : word)
                }
            }
        }
        return longest
    }

    /// Breaks a line of code into pieces, the first at most `first` columns wide and the rest at most
    /// `rest`: after a space when there is one in the last two thirds of a piece (so words and names stay
    /// whole), else between characters. The pieces joined are the line.
    static func codeWrap(_ text: String, first: Int, rest: Int) -> [String] {
        var pieces: [String] = []
        var piece: [Character] = []
        var pieceWidth = 0
        var limit = max(2, first)
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if pieceWidth + characterWidth > limit && pieceWidth > 0 {
                var cut = piece.count
                if let space = piece.lastIndex(of: " "), space + 1 < piece.count,
                   DisplayWidth.of(String(piece[...space])) * 3 >= limit {
                    cut = space + 1
                }
                pieces.append(String(piece[..<cut]))
                piece = Array(piece[cut...])
                pieceWidth = DisplayWidth.of(String(piece))
                limit = max(2, rest)
            }
            piece.append(character)
            pieceWidth += characterWidth
        }
        pieces.append(String(piece))
        return pieces
    }

    /// Breaks text into pieces of at most `width` columns, between characters.
    static func hardWrap(_ text: String, width: Int) -> [String] {
        let width = max(2, width)
        var pieces: [String] = []
        var piece = ""
        var pieceWidth = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if pieceWidth + characterWidth > width && pieceWidth > 0 {
                pieces.append(piece)
                piece = ""
                pieceWidth = 0
            }
            piece.append(character)
            pieceWidth += characterWidth
        }
        pieces.append(piece)
        return pieces
    }
}
