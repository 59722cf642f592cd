import JourneyLayout

extension Role {
    // The player's own chrome, in the high bits layout leaves to programs.
    public static let bar = Role(rawValue: 1 << 32)
    public static let selection = Role(rawValue: 1 << 33)
    public static let match = Role(rawValue: 1 << 34)
    public static let progress = Role(rawValue: 1 << 35)
    public static let notice = Role(rawValue: 1 << 36)

    /// The player's roles with their names, for golden files.
    public static let playerNamed: [(name: String, role: Role)] = [
        ("bar", .bar), ("selection", .selection), ("match", .match), ("progress", .progress), ("notice", .notice),
    ]
}

/// How the player's roles look: the layout's theme, plus the bars, selection and matches.
public enum PlayerTheme {
    public static func style(for role: Role, colors: ColorSupport) -> TextStyle {
        var style = Theme.style(for: role, colors: colors)
        if role.contains(.match) { style.underline = true }
        if !role.isDisjoint(with: [.bar, .selection, .match]) { style.reverse = true }
        style.foreground = Theme.color(for: role, colors, palette: palette + Theme.palette)
        return style
    }

    private static let palette: [(role: Role, basic: Int, extended: Int)] = [
        (.match, 3, 178), (.progress, 2, 71), (.notice, 3, 172),
    ]
}

/// What the player draws with: the layout's glyphs and its own, Unicode or ASCII.
public struct PlayerGlyphs: Equatable, Sendable {
    public var layout: Glyphs
    public var progressFilled: String
    public var progressEmpty: String
    public var currentMark: String
    public var readMark: String
    public var cursor: String
    public var ellipsis: String
    public var breadcrumb: String
    public var separator: String

    public static let unicode = PlayerGlyphs(
        layout: .unicode, progressFilled: "█", progressEmpty: "░", currentMark: "▸", readMark: "✓", cursor: "▏",
        ellipsis: "…", breadcrumb: " › ", separator: " · ")

    public static let ascii = PlayerGlyphs(
        layout: .ascii, progressFilled: "#", progressEmpty: "-", currentMark: ">", readMark: "*", cursor: "_",
        ellipsis: ">", breadcrumb: " > ", separator: " - ")
}
