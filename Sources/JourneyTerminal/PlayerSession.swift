import CTerminal
import Glibc
import JourneyUI

/// What the run loop hands on: effects the terminal does not perform itself (the store's).
public protocol EffectPerformer: AnyObject {
    /// Starts the work for an effect and returns at once; results come back through the inbox.
    func perform(_ effect: Effect)
    /// Finishes everything started or waiting (drafts included) before the program exits.
    func finish()
}

/// Runs the player full-screen until the learner quits, a signal arrives or the terminal goes away;
/// returns the exit status. Every way out finishes the store's work first.
public enum PlayerSession {
    public enum Failure: Error, CustomStringConvertible {
        case unknownTerminal(String)

        public var description: String {
            switch self {
            case .unknownTerminal(let name):
                "cannot use terminal type '\(name)'; try TERM=xterm-256color, or `journey print` for plain text"
            }
        }
    }

    /// `makePlayer` gets the terminal's size and the glyphs it can show.
    public static func run(environment: [String: String], inbox: Inbox, performer: some EffectPerformer,
                           makePlayer: (_ columns: Int, _ rows: Int, _ glyphs: PlayerGlyphs) -> Player) throws -> Int32 {
        journey_watch_signals()
        let display = try TerminalDisplay(environment: environment)
        defer { display.close() }
        let size = display.size
        var player = makePlayer(size.columns, size.rows, display.glyphs)
        let events = EventSource(display: display, inbox: inbox)
        var pending = player.begin()
        var needsDrawing = true
        let draw = { (player: Player) in display.draw(player.render()) }
        while true {
            while !pending.isEmpty {
                switch pending.removeFirst() {
                case .quit:
                    performer.finish()
                    return 0
                case .redraw:
                    display.invalidate()
                case .then:
                    break  // already followed by `Player.handle`
                case .editExternally(let edit):
                    let text: String?
                    switch display.lend({ ExternalEditor.edit(edit.text, environment: environment) }) {
                    case .edited(let edited): text = edited
                    case .failed(let reason):
                        text = nil
                        pending += player.handle(.notice("Could not edit outside: \(reason)."))
                    }
                    pending += player.handle(.externalEditFinished(edit, text: text), showingProgress: draw)
                    needsDrawing = true
                case let effect:
                    performer.perform(effect)
                }
            }
            let signal = journey_take_signal()
            if signal != 0 {
                performer.finish()
                return 128 + signal
            }
            if needsDrawing {
                draw(player)
                needsDrawing = false
            }
            switch events.next(milliseconds: 100) {
            case .hangUp:
                performer.finish()
                return 128 + SIGHUP
            case .nothing:
                continue
            case .messages(let messages):
                for message in messages { pending += player.handle(message, showingProgress: draw) }
                needsDrawing = true
            }
        }
    }
}
