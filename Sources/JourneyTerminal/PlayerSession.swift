import CTerminal
import Glibc
import JourneyKit
import JourneyUI

/// Runs the player full-screen until the learner quits or a signal arrives; returns the exit status.
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

    public static func run(course: Course, lessonID: String?, environment: [String: String]) throws -> Int32 {
        journey_watch_signals()
        let screen = try Screen(environment: environment)
        defer { screen.close() }
        let size = screen.size
        var state = PlayerState(course: course, lessonID: lessonID, columns: size.columns, rows: size.rows,
                                glyphs: screen.glyphs)
        var needsDrawing = true
        while true {
            let signal = journey_take_signal()
            if signal != 0 { return 128 + signal }
            if needsDrawing { screen.draw(state.render()) }
            guard let message = screen.nextMessage() else {
                needsDrawing = false
                continue
            }
            needsDrawing = true
            for effect in state.handle(message, showingProgress: { screen.draw($0.render()) }) {
                switch effect {
                case .quit: return 0
                case .redraw: screen.invalidate()
                case .then: break  // already followed by handle
                }
            }
        }
    }
}
