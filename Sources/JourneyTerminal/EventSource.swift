import CTerminal
import Glibc
import JourneyUI

/// Waits for what comes next: keys, pastes and resizes from the terminal, messages from the inbox, or
/// the terminal going away. One `poll` on both, so a quiet player takes no CPU.
final class EventSource {
    enum Next {
        case messages([Message])
        /// The terminal is gone: a dropped connection, with or without SIGHUP.
        case hangUp
        case nothing
    }

    private let display: TerminalDisplay
    private let inbox: Inbox
    /// The text of a paste under way: pasted text can arrive over several reads.
    private var paste: String?
    /// Waits without input while a paste is under way; a terminal that lost the end marker ends it.
    private var quietWhilePasting = 0
    private static let pasteGivenUpAfter = 20

    init(display: TerminalDisplay, inbox: Inbox) {
        self.display = display
        self.inbox = inbox
    }

    /// Waits at most `milliseconds` (signals and resizes end the wait early).
    func next(milliseconds: Int32) -> Next {
        var (messages, _) = drainTerminal()
        if !messages.isEmpty { return .messages(inbox.take() + messages) }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: inbox.descriptor, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, milliseconds)
        messages = ready > 0 && fds[1].revents != 0 ? inbox.take() : []
        let terminal = fds[0].revents
        if ready > 0 && terminal & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangUp }
        let (keys, sawInput) = drainTerminal()
        // Readable yet nothing to read: the end of the input, a terminal gone without a signal.
        if ready > 0 && terminal & Int16(POLLIN) != 0 && !sawInput && bytesWaiting() == 0 { return .hangUp }
        messages += keys
        // A long paste arrives in pieces: what came so far is delivered (as text) while the paste goes on;
        // one whose end marker never comes ends after two quiet seconds.
        if ready == 0, let text = paste {
            if !text.isEmpty { messages.append(.paste(text)) }
            paste = ""
            quietWhilePasting += 1
            if quietWhilePasting >= Self.pasteGivenUpAfter { paste = nil }
        } else {
            quietWhilePasting = 0
        }
        return messages.isEmpty ? .nothing : .messages(messages)
    }

    /// Everything ncurses has ready, as messages; pastes collected into one message each.
    private func drainTerminal() -> (messages: [Message], sawInput: Bool) {
        var messages: [Message] = []
        var sawInput = false
        while let event = display.nextKey() {
            sawInput = true
            switch (event, paste) {
            case (.pasteStart, _): paste = ""
            case (.pasteEnd, let text?):
                messages.append(.paste(text))
                paste = nil
            case (.pasteEnd, nil): break
            case (.text(let character), _?): paste?.append(character)
            case (.key(.enter), _?): paste?.append("\n")
            case (.key(.tab), _?): paste?.append("\t")
            case (.key, _?), (.ignored, _): break  // keys inside a paste are controls text cannot hold
            case (.text(let character), nil): messages.append(.key(.character(character)))
            case (.key(let key), nil): messages.append(.key(key))
            case (.resize(let columns, let rows), _): messages.append(.resize(columns: columns, rows: rows))
            }
        }
        return (messages, sawInput)
    }

    private func bytesWaiting() -> Int32 {
        journey_bytes_waiting(STDIN_FILENO)
    }
}
