/// How a role looks: attributes plus, where the terminal has colours, a foreground colour. The
/// background is always the terminal's own, so dark and light backgrounds both work. The only place
/// colours are chosen.
public struct TextStyle: Hashable, Sendable {
    public var foreground: Int?
    public var bold = false
    public var dim = false
    public var italic = false
    public var underline = false
    public var reverse = false

    public init() {}
}

public enum ColorSupport: Sendable {
    /// NO_COLOR, or a monochrome terminal: attributes only.
    case none
    /// The 8 basic colours.
    case basic
    /// 256 colours.
    case extended
}

public enum Theme {
    public static func style(for role: Role, colors: ColorSupport) -> TextStyle {
        var style = TextStyle()
        if !role.isDisjoint(with: [.title, .heading, .strong, .label, .tableHeader]) { style.bold = true }
        if !role.isDisjoint(with: [.emphasis, .quote]) { style.italic = true }
        if !role.isDisjoint(with: [.link, .match]) { style.underline = true }
        if !role.isDisjoint(with: [.linkTarget, .rule, .border, .continuation, .meta, .html, .hint]) { style.dim = true }
        if !role.isDisjoint(with: [.bar, .selection, .match]) { style.reverse = true }
        if role.contains(.strikethrough) { style.dim = true }
        style.foreground = color(for: role, colors)
        return style
    }

    private static func color(for role: Role, _ colors: ColorSupport) -> Int? {
        // (basic colour 0-7, 256-colour index) for the first role of the list that applies.
        let palette: [(Role, basic: Int, extended: Int)] = [
            (.match, 3, 178), (.progress, 2, 71), (.warning, 3, 172), (.tip, 2, 71), (.note, 4, 68),
            (.prompt, 5, 133), (.checklist, 2, 71), (.code, 6, 73), (.image, 5, 133), (.title, 6, 73),
            (.heading, 6, 73), (.link, 4, 68), (.notice, 3, 172),
        ]
        guard colors != .none, let entry = palette.first(where: { role.contains($0.0) }) else { return nil }
        return colors == .basic ? entry.basic : entry.extended
    }
}
