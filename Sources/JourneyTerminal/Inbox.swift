import CTerminal
import Glibc
import JourneyUI
import Synchronization

/// Messages from other threads (the store's results) for the run loop, which sleeps in `poll` on
/// `descriptor` and wakes when one is posted.
public final class Inbox: Sendable {
    private let messages = Mutex<[Message]>([])
    private let pipe: (read: Int32, write: Int32)

    public init() {
        var fds: [Int32] = [-1, -1]
        journey_make_pipe(&fds)
        pipe = (fds[0], fds[1])
    }

    deinit {
        close(pipe.read)
        close(pipe.write)
    }

    /// Safe from any thread.
    public func post(_ message: Message) {
        messages.withLock { $0.append(message) }
        var byte: UInt8 = 1
        _ = write(pipe.write, &byte, 1)
    }

    var descriptor: Int32 { pipe.read }

    /// Everything posted so far, oldest first.
    func take() -> [Message] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(pipe.read, &buffer, buffer.count) > 0 {}
        return messages.withLock { messages in
            defer { messages.removeAll() }
            return messages
        }
    }
}
