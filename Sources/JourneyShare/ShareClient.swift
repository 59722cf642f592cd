import Foundation
import Glibc
import JourneyUI

/// A follower's side of a shared presentation (`journey follow`, `journey notes`): a thread of its own
/// connects to the presenter's socket, checks that it is theirs, and passes on what arrives; when the
/// presenter stops or restarts it waits and connects again. It sends nothing.
public final class ShareClient: @unchecked Sendable {
    /// How often it looks again for a presentation that is not there.
    static let retry: useconds_t = 200_000
    /// How long it waits before asking again after being refused.
    static let retryRefused: useconds_t = 2_000_000

    private let address: ShareAddress
    private let deliver: @Sendable (PresenterNews) -> Void
    /// The news last delivered, so that the same is not delivered again.
    private var delivered: PresenterNews?

    /// Follows the presentation at `address` for as long as the program runs.
    @discardableResult
    public static func start(address: ShareAddress, deliver: @escaping @Sendable (PresenterNews) -> Void) -> ShareClient {
        let client = ShareClient(address: address, deliver: deliver)
        let thread = Thread { client.follow() }
        thread.name = "following"
        thread.start()
        return client
    }

    private init(address: ShareAddress, deliver: @escaping @Sendable (PresenterNews) -> Void) {
        self.address = address
        self.deliver = deliver
    }

    private func follow() {
        while true {
            switch address.connect() {
            case .absent:
                tell(.waiting)
                usleep(Self.retry)
            case .refused(let reason):
                tell(.refused(reason))
                usleep(Self.retryRefused)
            case .connected(let fd):
                let refused = receive(fd)
                close(fd)
                if !refused {
                    tell(.waiting)
                    usleep(Self.retry)
                } else {
                    usleep(Self.retryRefused)
                }
            }
        }
    }

    /// Passes on what arrives until the presenter hangs up; true when they refused this follower.
    private func receive(_ fd: Int32) -> Bool {
        var lines = LineBuffer()
        var buffer = [UInt8](repeating: 0, count: 16384)
        var refused = false
        while true {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, -1) >= 0 || errno == EINTR else { return refused }
            let count = read(fd, &buffer, buffer.count)
            if count < 0 && (errno == EAGAIN || errno == EINTR) { continue }
            guard count > 0 else { return refused }
            // Of the positions that came together only the newest matters; a malformed line is skipped.
            var newest: SharedPosition?
            for line in lines.lines(buffer[..<count]) {
                switch ShareWire.news(line) {
                case .position(let position): newest = position
                case .refused(let reason):
                    refused = true
                    tell(.refused(reason))
                case .waiting, nil: continue
                }
            }
            if let newest { tell(.position(newest)) }
        }
    }

    private func tell(_ news: PresenterNews) {
        guard news != delivered else { return }
        delivered = news
        deliver(news)
    }
}
