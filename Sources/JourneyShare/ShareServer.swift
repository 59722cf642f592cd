import CTerminal
import CUnixSocket
import Foundation
import Glibc
import JourneyUI
import Synchronization

/// The presenter's side of a shared presentation (`journey present --share`): a thread of its own sends
/// each new position to every follower the kernel says may follow. The presenter only hands it the latest
/// position and never waits: a follower that reads slowly gets the newest position when it is ready,
/// never a queue. Followers cannot send: their side of the connection is shut for reading.
public final class ShareServer: @unchecked Sendable {
    /// What the presenter hears from the server's thread.
    public enum Event: Sendable {
        /// How many terminals follow now (told at most four times a second).
        case audience(Int)
        /// Sharing stopped, and why; the presentation goes on unshared.
        case stopped(String)
    }

    /// Followers beyond this are turned away with a message.
    static let maximumFollowers = 1000
    /// The least time between two counts of followers told to the presenter, in milliseconds.
    static let audienceInterval = 250

    private let address: ShareAddress
    private let group: SystemGroup?
    private let listener: Int32
    private let wake: (read: Int32, write: Int32)
    private let latest = Mutex<[UInt8]?>(nil)
    private let tell: @Sendable (Event) -> Void
    /// The last position handed over and when its lesson began, on the presenter's thread.
    private var published: SharedPosition?
    private var lessonStarted = 0.0

    /// Listens at the presenter's address; `tell` hears the server's events, from its thread.
    public static func start(address: ShareAddress, sharingWith group: SystemGroup?,
                             tell: @escaping @Sendable (Event) -> Void) throws(ShareError) -> ShareServer {
        var fds: [Int32] = [-1, -1]
        guard journey_make_pipe(&fds) == 0 else { throw ShareError("cannot make a pipe: \(ShareAddress.reason(errno))") }
        let listener: Int32
        do {
            listener = try address.listen(sharingWith: group)
        } catch {
            close(fds[0])
            close(fds[1])
            throw error
        }
        let server = ShareServer(address: address, group: group, listener: listener, wake: (fds[0], fds[1]), tell: tell)
        let thread = Thread { server.serve() }
        thread.name = "shared presentation"
        thread.start()
        return server
    }

    private init(address: ShareAddress, group: SystemGroup?, listener: Int32, wake: (read: Int32, write: Int32),
                 tell: @escaping @Sendable (Event) -> Void) {
        self.address = address
        self.group = group
        self.listener = listener
        self.wake = wake
        self.tell = tell
    }

    /// Tells followers where the presenter is now, with when the lesson began; returns at once.
    public func publish(_ position: SharedPosition) {
        guard position != published else { return }
        if position.lesson != published?.lesson { lessonStarted = Date().timeIntervalSince1970 }
        published = position
        var stamped = position
        stamped.lessonStarted = lessonStarted
        let line = ShareWire.line(stamped)
        latest.withLock { $0 = line }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    /// Stops listening and removes the socket, so that followers wait for the next presentation.
    public func stop() {
        unlink(address.socket)
        shutdown(listener, Int32(SHUT_RDWR))
    }

    // MARK: The server's thread

    private final class Follower {
        let fd: Int32
        /// The rest of the line being sent, then the newest line not yet begun.
        var sending: ArraySlice<UInt8> = []
        var next: [UInt8]?

        init(fd: Int32, next: [UInt8]?) {
            self.fd = fd
            self.next = next
        }

        var hasMore: Bool { !sending.isEmpty || next != nil }

        /// Sends what the socket takes now; false when the follower has gone.
        func flush() -> Bool {
            while true {
                if sending.isEmpty {
                    guard let line = next else { return true }
                    sending = line[...]
                    next = nil
                }
                let sent = sending.withUnsafeBytes { journey_socket_send(fd, $0.baseAddress!, $0.count) }
                if sent == -Int(EAGAIN) || sent == -Int(EINTR) { return true }
                guard sent > 0 else { return false }
                sending = sending.dropFirst(sent)
            }
        }
    }

    private func serve() {
        var followers: [Follower] = []
        var scratch = [UInt8](repeating: 0, count: 256)
        var told = -1
        var toldAt = ContinuousClock.now
        /// While descriptors run out, new connections wait in the backlog instead of waking the loop.
        var acceptingAgain: ContinuousClock.Instant?
        var problem: String?
        while problem == nil {
            let now = ContinuousClock.now
            var timeout: Int32 = -1
            if followers.count != told {
                let due = toldAt.advanced(by: .milliseconds(Self.audienceInterval))
                if now >= due {
                    told = followers.count
                    toldAt = now
                    tell(.audience(told))
                } else {
                    timeout = Self.milliseconds(from: now, to: due)
                }
            }
            if let again = acceptingAgain {
                if now >= again { acceptingAgain = nil } else { timeout = min(timeout < 0 ? .max : timeout, Self.milliseconds(from: now, to: again)) }
            }
            // Only hang-ups, errors and room to write wake the loop for a follower: they cannot send.
            var entries = [pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: listener, events: acceptingAgain == nil ? Int16(POLLIN) : 0, revents: 0)]
            entries += followers.map { pollfd(fd: $0.fd, events: $0.hasMore ? Int16(POLLOUT) : 0, revents: 0) }
            if poll(&entries, nfds_t(entries.count), timeout) < 0 {
                if errno != EINTR { problem = "waiting for followers failed: \(ShareAddress.reason(errno))" }
                continue
            }
            if entries[0].revents != 0 {
                while read(wake.read, &scratch, scratch.count) > 0 {}
                let line = latest.withLock { $0 }
                for follower in followers { follower.next = line }
            }
            if entries[1].revents & Int16(POLLNVAL | POLLHUP | POLLERR) != 0 { break }
            if entries[1].revents != 0 {
                let (admitted, exhausted) = admitWaiting(already: followers.count)
                followers += admitted
                if exhausted { acceptingAgain = ContinuousClock.now.advanced(by: .seconds(1)) }
            }
            var gone = Set<Int32>()
            for (follower, entry) in zip(followers, entries.dropFirst(2))
                where entry.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                gone.insert(follower.fd)
            }
            for follower in followers where !gone.contains(follower.fd) && follower.hasMore && !follower.flush() {
                gone.insert(follower.fd)
            }
            for fd in gone { close(fd) }
            followers.removeAll { gone.contains($0.fd) }
        }
        for follower in followers { close(follower.fd) }
        close(listener)
        if let problem {
            unlink(address.socket)
            tell(.stopped(problem))
        }
    }

    private static func milliseconds(from now: ContinuousClock.Instant, to then: ContinuousClock.Instant) -> Int32 {
        let left = now.duration(to: then).components
        return Int32(max(1, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000 + 1))
    }

    /// Accepts every connection waiting; those the presenter does not share with are told why and closed.
    /// Also says whether descriptors ran out (the rest wait in the backlog).
    private func admitWaiting(already count: Int) -> (admitted: [Follower], exhausted: Bool) {
        var admitted: [Follower] = []
        while true {
            let fd = journey_socket_accept(listener)
            guard fd >= 0 else {
                return (admitted, [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(-fd))
            }
            if let refusal = refusal(fd, followers: count + admitted.count) {
                let line = ShareWire.refusal(refusal)
                _ = line.withUnsafeBytes { journey_socket_send(fd, $0.baseAddress!, $0.count) }
                close(fd)
                continue
            }
            // Nothing a follower sends is ever read: with its side shut, its writes fail at once.
            shutdown(fd, Int32(SHUT_RD))
            let follower = Follower(fd: fd, next: latest.withLock { $0 })
            if follower.flush() {
                admitted.append(follower)
            } else {
                close(fd)
            }
        }
    }

    /// Why the process at the other end of `fd` may not follow, or nil when it may: it runs as the
    /// presenter's user, or was in the group shared with when it connected (as the kernel says).
    private func refusal(_ fd: Int32, followers: Int) -> String? {
        var (uid, gid): (UInt32, UInt32) = (0, 0)
        guard journey_socket_peer(fd, &uid, &gid) == 0 else { return "who is asking cannot be told" }
        let name = address.presenter.name
        if uid != address.presenter.id {
            guard let group else { return "\(name) shares this presentation only with their own terminals" }
            if journey_socket_peer_in_group(fd, group.id) != 1 {
                return "\(name) shares this presentation with group '\(group.name)', and you are not in it"
            }
        }
        return followers < Self.maximumFollowers ? nil : "this presentation already has \(Self.maximumFollowers) followers"
    }
}
