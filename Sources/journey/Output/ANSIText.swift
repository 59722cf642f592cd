import JourneyLayout

/// Styled lines as text for a terminal: each role's SGR attributes, or plain text.
enum ANSIText {
    /// The theme: semantic roles to SGR parameters (attributes and the 8 basic colours, so both dark
    /// and light backgrounds work).
    private static let theme: [(Role, String)] = [
        (.title, "1"), (.heading, "1"), (.strong, "1"), (.label, "1"), (.tableHeader, "1"),
        (.emphasis, "3"), (.quote, "3"), (.strikethrough, "9"), (.link, "4"),
        (.linkTarget, "2"), (.rule, "2"), (.border, "2"), (.continuation, "2"), (.meta, "2"), (.html, "2"),
        (.code, "36"), (.image, "35"), (.prompt, "35"), (.checklist, "32"), (.hint, "2"),
        (.note, "34"), (.tip, "32"), (.warning, "33"),
    ]

    static func render(_ line: StyledLine, styled: Bool) -> String {
        var text = ""
        for span in line.spans {
            let parameters = theme.filter { span.role.contains($0.0) }.map(\.1)
            if styled && !parameters.isEmpty {
                text += "\u{1B}[" + parameters.joined(separator: ";") + "m" + span.text + "\u{1B}[0m"
            } else {
                text += span.text
            }
        }
        return styled ? text : String(text.reversed().drop { $0 == " " }.reversed())
    }
}
