/// A screen's keys: what each means to the screen, and how the help screen and the footer name it.
/// The one place a screen's keys are written down; handling, help and hints all read it.
public struct KeyMap<Action: Sendable>: Sendable {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var action: Action
        public var summary: String
        /// A word or two for the footer ("answer" in `r answer`), for the bindings that earn a place there.
        public var hint: String?

        public init(_ keys: [Key], _ action: Action, _ summary: String, hint: String? = nil) {
            self.keys = keys
            self.action = action
            self.summary = summary
            self.hint = hint
        }
    }

    public struct Group: Sendable {
        public var title: String
        public var bindings: [Binding]

        public init(_ title: String, _ bindings: [Binding]) {
            self.title = title
            self.bindings = bindings
        }
    }

    public let groups: [Group]
    private let table: [Key: Action]

    public init(_ groups: [Group]) {
        self.groups = groups
        var table: [Key: Action] = [:]
        for binding in groups.flatMap(\.bindings) {
            for key in binding.keys where table[key] == nil { table[key] = binding.action }
        }
        self.table = table
    }

    public func action(for key: Key) -> Action? { table[key] }

    /// The groups as the help screen lists them.
    public var help: [HelpSection] {
        groups.map { group in
            HelpSection(title: group.title, rows: group.bindings.map {
                HelpSection.Row(keys: $0.keys.map(\.label).joined(separator: " "), summary: $0.summary)
            })
        }
    }

    /// `r answer`: the first key bound to `action` (of those `usable` allows) and the binding's hint, as
    /// the footer shows it.
    func hint(_ action: Action, usable: (Key) -> Bool = { _ in true }) -> String? where Action: Equatable {
        guard let binding = groups.lazy.flatMap(\.bindings).first(where: { $0.action == action }),
              let hint = binding.hint, let key = binding.keys.first(where: usable) else { return nil }
        return "\(key.label) \(hint)"
    }

    /// The hints of these actions, in order.
    func hints(_ actions: [Action]) -> [String] where Action: Equatable {
        actions.compactMap { hint($0) }
    }
}

/// A titled list of keys and what they do, as the help screen shows it.
public struct HelpSection: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var keys: String
        public var summary: String
    }

    public var title: String
    public var rows: [Row]
}

/// Moving through a list or a page: shared by every screen that scrolls or selects.
enum ListMove: Equatable, Sendable {
    case lineDown, lineUp, halfPageDown, halfPageUp, pageDown, pageUp, top, bottom

    static let bindings: [KeyMap<ListMove>.Binding] = [
        .init([.character("j"), .down], .lineDown, "down a line"),
        .init([.character("k"), .up], .lineUp, "up a line"),
        .init([.control("d")], .halfPageDown, "down half a page"),
        .init([.control("u")], .halfPageUp, "up half a page"),
        .init([.character(" "), .pageDown], .pageDown, "down a page"),
        .init([.character("b"), .pageUp], .pageUp, "up a page"),
        .init([.character("g"), .home], .top, "to the top"),
        .init([.character("G"), .end], .bottom, "to the bottom"),
    ]

    /// The moving keys as another action of a screen's own.
    static func bindings<Action>(_ action: (ListMove) -> Action) -> [KeyMap<Action>.Binding] {
        bindings.map { .init($0.keys, action($0.action), $0.summary) }
    }

    /// The first line shown of a page of `page` lines over `lines`, moved, never past the last page.
    func scrolled(_ top: Int, lines: Int, page: Int) -> Int {
        min(applied(to: top, count: lines, page: page), max(0, lines - page))
    }

    /// `position` moved within `0..<count`, a page being `page` lines or items.
    func applied(to position: Int, count: Int, page: Int) -> Int {
        let step = switch self {
        case .lineDown: 1
        case .lineUp: -1
        case .halfPageDown: max(1, page / 2)
        case .halfPageUp: -max(1, page / 2)
        case .pageDown: max(1, page - 1)
        case .pageUp: -max(1, page - 1)
        case .top: -count
        case .bottom: count
        }
        return min(max(0, position + step), max(0, count - 1))
    }
}
