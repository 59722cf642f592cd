import Foundation
import Glibc
import JourneyUI
import Synchronization

/// A follower's side of a shared presentation (`journey follow`, `journey notes`): a thread of its own
/// connects to the presenter's socket, checks that it is theirs, and passes on what arrives, at most the
/// newest position every 10 ms; when the presenter stops or restarts it waits and connects again. It
/// sends nothing.
public final class ShareClient: Sendable {
    /// How often it looks again for a presentation that is not there, in milliseconds.
    static let retry = 200
    /// How long it waits before asking again after being refused.
    static let retryRefused = 2000
    /// Positions are passed on at most this often (ms): a presenter flooding them cannot flood the player.
    static let interval = 10

    private let address: ShareAddress
    /// The course this follower has: a presentation of another is said once, then not followed (the
    /// connection is closed, so the presenter counts only those who follow).
    private let course: String
    private let deliver: @Sendable (PresenterNews) -> Void
    private let stopped = Atomic<Bool>(false)

    /// Follows the presentation at `address` until `stop`.
    @discardableResult
    public static func start(address: ShareAddress, course: String,
                             deliver: @escaping @Sendable (PresenterNews) -> Void) -> ShareClient {
        let client = ShareClient(address: address, course: course, deliver: deliver)
        let thread = Thread { client.follow() }
        thread.name = "following"
        thread.start()
        return client
    }

    private init(address: ShareAddress, course: String, deliver: @escaping @Sendable (PresenterNews) -> Void) {
        self.address = address
        self.course = course
        self.deliver = deliver
    }

    /// Stops following within a fifth of a second.
    public func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    private var isStopped: Bool { stopped.load(ordering: .relaxed) }

    private func follow() {
        var delivered: PresenterNews?
        func tell(_ news: PresenterNews) {
            guard news != delivered, !isStopped else { return }
            delivered = news
            deliver(news)
        }
        while !isStopped {
            switch address.connect() {
            case .absent:
                tell(.waiting)
                pause(Self.retry)
            case .refused(let reason):
                tell(.refused(reason))
                pause(Self.retryRefused)
            case .connected(let fd):
                let refused = receive(fd, tell: tell)
                close(fd)
                if !refused { tell(.waiting) }
                pause(refused ? Self.retryRefused : Self.retry)
            }
        }
    }

    /// Waits, but not past a stop.
    private func pause(_ milliseconds: Int) {
        var left = milliseconds
        while left > 0, !isStopped {
            usleep(useconds_t(min(left, 100) * 1000))
            left -= 100
        }
    }

    /// Passes on what arrives until the presenter hangs up (or the client stops); true when they refused
    /// this follower, or present another course.
    private func receive(_ fd: Int32, tell: (PresenterNews) -> Void) -> Bool {
        var lines = LineBuffer()
        var buffer = [UInt8](repeating: 0, count: 16384)
        /// The newest position not passed on yet, and when the last one was.
        var newest: SharedPosition?
        var toldAt = ContinuousClock.now.advanced(by: .seconds(-1))
        while !isStopped {
            let due = toldAt.advanced(by: .milliseconds(Self.interval))
            if let position = newest, ContinuousClock.now >= due {
                tell(.position(position))
                newest = nil
                toldAt = .now
            }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let wait = newest == nil ? 100 : Self.interval
            guard poll(&entry, 1, Int32(wait)) >= 0 || errno == EINTR else { return false }
            guard entry.revents != 0 else { continue }
            let count = read(fd, &buffer, buffer.count)
            if count < 0 && (errno == EAGAIN || errno == EINTR) { continue }
            guard count > 0 else {
                if let newest { tell(.position(newest)) }
                return false
            }
            // A malformed line is skipped; of the positions that came together only the newest matters.
            for line in lines.lines(buffer[..<count]) {
                switch ShareWire.news(line) {
                case .position(let position) where position.course != course:
                    tell(.position(position))
                    return true
                case .position(let position): newest = position
                case .refused(let reason):
                    tell(.refused(reason))
                    return true
                case .waiting, nil: continue
                }
            }
        }
        return false
    }
}
