/// The meaning of a span of laid-out text. Themes map roles to colours and attributes; layout never does.
/// Layout uses the low 32 bits; a program that draws more (the player's bars and selection) defines its
/// own roles in the high 32.
public struct Role: OptionSet, Hashable, Sendable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public static let title = Role(rawValue: 1 << 0)
    public static let heading = Role(rawValue: 1 << 1)
    public static let emphasis = Role(rawValue: 1 << 2)
    public static let strong = Role(rawValue: 1 << 3)
    public static let strikethrough = Role(rawValue: 1 << 4)
    public static let code = Role(rawValue: 1 << 5)
    public static let link = Role(rawValue: 1 << 6)
    public static let linkTarget = Role(rawValue: 1 << 7)
    public static let image = Role(rawValue: 1 << 8)
    public static let quote = Role(rawValue: 1 << 9)
    public static let note = Role(rawValue: 1 << 10)
    public static let tip = Role(rawValue: 1 << 11)
    public static let warning = Role(rawValue: 1 << 12)
    public static let prompt = Role(rawValue: 1 << 13)
    public static let hint = Role(rawValue: 1 << 14)
    public static let checklist = Role(rawValue: 1 << 15)
    public static let marker = Role(rawValue: 1 << 16)
    public static let rule = Role(rawValue: 1 << 17)
    public static let border = Role(rawValue: 1 << 18)
    public static let tableHeader = Role(rawValue: 1 << 19)
    public static let html = Role(rawValue: 1 << 20)
    public static let continuation = Role(rawValue: 1 << 21)
    public static let label = Role(rawValue: 1 << 22)
    public static let meta = Role(rawValue: 1 << 23)
    /// The learner's own words: a saved answer shown under its prompt.
    public static let answer = Role(rawValue: 1 << 24)

    /// Every role with its name, for golden files and debugging.
    public static let named: [(name: String, role: Role)] = [
        ("title", .title), ("heading", .heading), ("emphasis", .emphasis), ("strong", .strong),
        ("strikethrough", .strikethrough), ("code", .code), ("link", .link), ("linkTarget", .linkTarget),
        ("image", .image), ("quote", .quote), ("note", .note), ("tip", .tip), ("warning", .warning),
        ("prompt", .prompt), ("hint", .hint), ("checklist", .checklist), ("marker", .marker), ("rule", .rule),
        ("border", .border), ("tableHeader", .tableHeader), ("html", .html), ("continuation", .continuation),
        ("label", .label), ("meta", .meta), ("answer", .answer),
    ]

    /// The names of the roles in this set, from `named` and any other table the caller knows.
    public func names(_ tables: [(name: String, role: Role)]...) -> [String] {
        ([Self.named] + tables).flatMap { $0 }.filter { contains($0.role) }.map(\.name)
    }
}
