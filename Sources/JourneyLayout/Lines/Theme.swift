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
        if !role.isDisjoint(with: [.emphasis, .quote, .answer]) { style.italic = true }
        if role.contains(.link) { style.underline = true }
        if !role.isDisjoint(with: [.linkTarget, .rule, .border, .continuation, .meta, .html, .hint]) { style.dim = true }
        if role.contains(.strikethrough) { style.dim = true }
        style.foreground = color(for: role, colors)
        return style
    }

    /// (role, basic colour 0-7, 256-colour index): the first entry whose role applies gives the colour.
    public static let palette: [(role: Role, basic: Int, extended: Int)] = [
        (.warning, 3, 172), (.tip, 2, 71), (.note, 4, 68), (.answer, 3, 180),
        (.prompt, 5, 133), (.checklist, 2, 71), (.code, 6, 73), (.image, 5, 133), (.title, 6, 73),
        (.heading, 6, 73), (.link, 4, 68),
    ]

    /// The colour `palette` gives a role, or nil.
    public static func color(for role: Role, _ colors: ColorSupport,
                             palette: [(role: Role, basic: Int, extended: Int)] = palette) -> Int? {
        guard colors != .none, let entry = palette.first(where: { role.contains($0.role) }) else { return nil }
        return colors == .basic ? entry.basic : entry.extended
    }
}
