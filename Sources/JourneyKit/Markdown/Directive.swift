/// Recognises GitHub-style alerts in the parsed tree: `> [!NOTE]` and friends become callouts,
/// `> [!REFLECT] prompt-id` becomes a reflection prompt. Other quotes stay quotes.
enum Directive {
    static let promptMarker = "reflect"

    static func recognize(quote blocks: [Block], at position: SourcePosition?, path: String,
                          diagnostics: inout [Diagnostic]) -> Block {
        guard case .paragraph(let inlines)? = blocks.first,
              case .text(let firstText)? = inlines.first,
              let marker = Marker(firstText) else { return .quote(blocks) }
        var body = Array(blocks.dropFirst())
        let rest = Array(inlines.dropFirst().drop { $0 == .softBreak || $0 == .hardBreak })
        if !rest.isEmpty { body.insert(.paragraph(rest), at: 0) }

        if marker.kind == promptMarker {
            return .prompt(prompt(id: marker.argument, body: body, at: position, path: path, diagnostics: &diagnostics))
        }
        if let kind = Callout.Kind(rawValue: marker.kind) {
            if !marker.argument.isEmpty { body.insert(.paragraph([.text(marker.argument)]), at: 0) }
            return .callout(Callout(kind: kind, blocks: body))
        }
        let known = (Callout.Kind.allCases.map(\.rawValue) + [promptMarker]).map { "[!\($0.uppercased())]" }
        diagnostics.append(Diagnostic(.warning, "unknown alert [!\(marker.kind.uppercased())] is shown as a quote; "
            + "known alerts are \(known.joined(separator: ", "))", path: path, at: position))
        return .quote(blocks)
    }

    private static func prompt(id: String, body: [Block], at position: SourcePosition?, path: String,
                               diagnostics: inout [Diagnostic]) -> Prompt {
        var question: [Block] = []
        var hint: [Inline]?
        for block in body {
            if case .paragraph(let inlines) = block, let text = hintText(inlines) {
                hint = [.text(text)]
            } else {
                question.append(block)
            }
        }
        if id.isEmpty {
            diagnostics.append(Diagnostic(.error, "reflection prompt has no id; answers are saved under it, "
                + "so write one after the marker: > [!REFLECT] my-prompt-id", path: path, at: position))
        } else if !PromptID.isValid(id) {
            diagnostics.append(Diagnostic(.error, "reflection prompt id '\(id.prefix(PromptID.maximumLength))' may hold only "
                + "letters, digits, '-', '_' and '.', with at least one letter or digit, and at most "
                + "\(PromptID.maximumLength) characters", path: path, at: position))
        }
        if question.isEmpty {
            diagnostics.append(Diagnostic(.warning, "reflection prompt '\(id)' has no question", path: path, at: position))
        }
        return Prompt(id: id, body: question, hint: hint, position: position)
    }

    /// A paragraph that starts with "Hint:" is the prompt's hint.
    private static func hintText(_ inlines: [Inline]) -> String? {
        let text = inlines.plainText
        guard text.lowercased().hasPrefix("hint:") else { return nil }
        return String(text.dropFirst(5).drop { $0 == " " })
    }

    /// `[!KIND] argument` on the first line of a quote.
    private struct Marker {
        var kind: String
        var argument: String

        init?(_ text: String) {
            guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
            let kind = text[text.index(text.startIndex, offsetBy: 2)..<close]
            guard !kind.isEmpty, kind.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
            self.kind = kind.lowercased()
            // Trimmed without Foundation: its character sets cost more than the rest of loading a quote.
            var rest = text[text.index(after: close)...]
            while let first = rest.first, first == " " || first == "\t" { rest.removeFirst() }
            while let last = rest.last, last == " " || last == "\t" { rest.removeLast() }
            argument = String(rest)
        }
    }
}

/// What an explicit id may be: letters, digits, `-`, `_` and `.`, with at least one letter or digit
/// (an id of dots is no name), and at most `maximumLength` characters. Learners' data is saved under ids.
enum PromptID {
    static let maximumLength = 100

    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.count <= maximumLength && id.unicodeScalars.allSatisfy(isIDScalar)
            && id.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    private static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "-_.".unicodeScalars.contains(scalar)
    }
}
