/// One screen of the player: the lesson, the contents, the editor… Each owns its state, its keys, and
/// how it draws; the `Player` keeps them in a stack and shares a `Context` with them.
public protocol Screen: Sendable {
    /// The header's crumbs after the course title.
    func title(_ context: Context) -> [String]
    /// This screen's keys, for the help screen.
    var help: [HelpSection] { get }
    /// Short key hints for the footer, most useful first ("Enter jump").
    func hints(_ context: Context) -> [String]
    /// A few characters before the hints, such as how far down the page is.
    func status(_ context: Context) -> String
    /// True while every printable key is text (an editor, a search box): the shared keys stand aside.
    var takesText: Bool { get }
    /// True while the whole terminal should be blank, header and footer too (a presenter's blank screen).
    var blanksScreen: Bool { get }
    /// True while the screen counts time and wants `.tick` messages.
    var wantsTicks: Bool { get }
    /// Handles a key; nil when the screen has no use for it, and the keys every screen shares apply.
    mutating func handle(_ key: Key, _ context: inout Context) -> Reaction?
    /// Anything else that arrives while the screen is on top: pasted text, what the store answered.
    mutating func receive(_ message: Message, _ context: inout Context) -> Reaction
    func render(into frame: inout Frame, area: Area, context: Context)
}

extension Screen {
    public func status(_ context: Context) -> String { "" }
    public var takesText: Bool { false }
    public var blanksScreen: Bool { false }
    public var wantsTicks: Bool { false }
    public mutating func receive(_ message: Message, _ context: inout Context) -> Reaction { .stay }
}

/// What a screen asks for after a key or a message: where to go, and what the world outside should do.
public struct Reaction: Sendable {
    public enum Navigation: Sendable {
        case stay
        /// Removes this screen.
        case close
        /// Opens a screen on top of this one.
        case open(any Screen)
        /// Removes this screen and opens another in its place.
        case replace(any Screen)
    }

    public var navigation: Navigation
    public var effects: [Effect]

    public init(_ navigation: Navigation = .stay, effects: [Effect] = []) {
        self.navigation = navigation
        self.effects = effects
    }

    public static let stay = Reaction()
    public static let close = Reaction(.close)

    public static func open(_ screen: any Screen, effects: [Effect] = []) -> Reaction {
        Reaction(.open(screen), effects: effects)
    }

    public static func effects(_ effects: Effect...) -> Reaction {
        Reaction(effects: effects)
    }
}
