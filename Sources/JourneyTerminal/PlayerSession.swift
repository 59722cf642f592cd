import CTerminal
import Glibc
import JourneyUI

/// What the run loop hands the store's work to.
public protocol EffectPerformer: AnyObject {
    /// Starts the work and returns at once; results come back through the inbox.
    func perform(_ request: StoreRequest)
    /// Finishes everything started or waiting (drafts included); returns what could not be kept,
    /// worded for the learner.
    func finish() -> [String]
}

/// Runs the player full-screen until the learner quits, a signal arrives or the terminal goes away;
/// returns the exit status. Every way out finishes the store's work first.
public enum PlayerSession {
    public enum Failure: Error, CustomStringConvertible {
        case unknownTerminal(String)

        public var description: String {
            switch self {
            case .unknownTerminal(let name):
                "cannot use terminal type '\(name)' (unknown, or it cannot move the cursor); try TERM=xterm-256color, "
                    + "or `journey print` for plain text"
            }
        }
    }

    /// How the player ended: the exit status, and what the store could not keep on the way out.
    public struct Ending {
        public var status: Int32
        public var problems: [String]
    }

    /// `makePlayer` gets the terminal's size and the glyphs it can show; `observe` sees the player after
    /// each frame is drawn (a shared presentation's followers are told after the presenter's screen shows it);
    /// `afterFirstFrame` gives the messages the player gets once its first frame is on the screen, before
    /// any key is read; what it throws ends the session (after what waits for the store is written).
    public static func run(environment: [String: String], inbox: Inbox, performer: some EffectPerformer,
                           observe: (Player) -> Void = { _ in }, afterFirstFrame: () throws -> [Message] = { [] },
                           makePlayer: (_ columns: Int, _ rows: Int, _ glyphs: PlayerGlyphs) -> Player) throws -> Ending {
        journey_keep_memory_private()
        journey_watch_signals()
        let display = try TerminalDisplay(environment: environment)
        defer { display.close() }
        let size = display.size
        var player = makePlayer(size.columns, size.rows, display.glyphs)
        let events = EventSource(display: display, inbox: inbox)
        var pending = player.begin()
        var needsDrawing = true
        var firstFrameDrawn = false
        /// Set when quitting found words that could not be kept: the learner is told, and a second
        /// quit leaves anyway.
        var warnedBeforeQuitting = false
        /// Messages of `.then` effects, each delivered after the keys and signals waiting when it came.
        var later: [Message] = []
        while true {
            while !pending.isEmpty {
                switch pending.removeFirst() {
                case .quit:
                    let problems = performer.finish()
                    if problems.isEmpty || warnedBeforeQuitting { return Ending(status: 0, problems: problems) }
                    warnedBeforeQuitting = true
                    pending += player.update(.notice((problems + ["Press q again to quit anyway."]).joined(separator: " ")))
                    needsDrawing = true
                case .redraw:
                    display.invalidate()
                case .bell:
                    display.ringBell()
                case .then(let message):
                    later.append(message)
                case .editExternally(let edit):
                    let outcome = display.lend { ExternalEditor.edit(edit.text, environment: environment) }
                    pending += player.update(.externalEditFinished(edit, text: outcome.text, problem: outcome.problem))
                    needsDrawing = true
                case .store(let request):
                    performer.perform(request)
                }
            }
            let signal = journey_take_signal()
            if signal != 0 { return Ending(status: 128 + signal, problems: performer.finish()) }
            if needsDrawing {
                display.draw(player.render())
                observe(player)
                needsDrawing = false
            }
            if !firstFrameDrawn {
                // Before any key is read: what comes after the first frame (the whole course) is in place.
                firstFrameDrawn = true
                let messages: [Message]
                do {
                    messages = try afterFirstFrame()
                } catch {
                    _ = performer.finish()
                    throw error
                }
                for message in messages { pending += player.update(message) }
                needsDrawing = true
                continue
            }
            switch events.next(milliseconds: later.isEmpty ? (player.wantsTicks ? 250 : 100) : 0) {
            case .hangUp:
                return Ending(status: 128 + SIGHUP, problems: performer.finish())
            case .nothing:
                if player.wantsTicks {
                    pending += player.update(.tick(.now, WallTime.current))
                    needsDrawing = true
                }
            case .messages(let messages):
                // Keys read the time (a countdown starts now), so it is told first.
                pending += player.update(.tick(.now, WallTime.current))
                for message in messages { pending += player.update(message) }
                needsDrawing = true
            }
            if !later.isEmpty {
                pending += player.update(later.removeFirst())
                needsDrawing = true
            }
        }
    }
}
