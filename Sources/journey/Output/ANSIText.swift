import JourneyLayout

/// Styled lines as text for a terminal: each role's style from the theme as SGR escapes, or plain text.
enum ANSIText {
    static func render(_ line: StyledLine, styled: Bool) -> String {
        guard styled else {
            var text = line.text
            while text.last == " " { text.removeLast() }
            return text
        }
        return line.spans.map { span in
            let parameters = sgr(Theme.style(for: span.role, colors: .basic))
            return parameters.isEmpty ? span.text : "\u{1B}[\(parameters)m\(span.text)\u{1B}[0m"
        }.joined()
    }

    private static func sgr(_ style: TextStyle) -> String {
        var parameters: [String] = []
        if style.bold { parameters.append("1") }
        if style.dim { parameters.append("2") }
        if style.italic { parameters.append("3") }
        if style.underline { parameters.append("4") }
        if let foreground = style.foreground { parameters.append("3\(foreground)") }
        return parameters.joined(separator: ";")
    }
}
