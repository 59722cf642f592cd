import CTerminal
import CUnixSocket
import Foundation
import Glibc
import JourneyUI
import Synchronization

/// The presenter's side of a shared presentation (`journey present --share`): a thread of its own sends
/// each new position to every follower the kernel says may follow. The presenter only hands it the latest
/// position and never waits: a follower that reads slowly gets the newest position when it is ready,
/// never a queue; what followers send is read and thrown away.
public final class ShareServer: @unchecked Sendable {
    /// Followers beyond this are turned away with a message.
    static let maximumFollowers = 1000

    private let address: ShareAddress
    private let group: SystemGroup?
    private let listener: Int32
    private let wake: (read: Int32, write: Int32)
    private let latest = Mutex<[UInt8]?>(nil)
    private let audienceChanged: @Sendable (Int) -> Void
    /// The last position handed over, on the presenter's thread: an unchanged one is not sent again.
    private var published: SharedPosition?

    /// Listens at the presenter's address; `audienceChanged` hears how many follow, from the server's thread.
    public static func start(address: ShareAddress, sharingWith group: SystemGroup?,
                             audienceChanged: @escaping @Sendable (Int) -> Void) throws(ShareError) -> ShareServer {
        let listener = try address.listen(sharingWith: group)
        let server = ShareServer(address: address, group: group, listener: listener, audienceChanged: audienceChanged)
        let thread = Thread { server.serve() }
        thread.name = "shared presentation"
        thread.start()
        return server
    }

    private init(address: ShareAddress, group: SystemGroup?, listener: Int32,
                 audienceChanged: @escaping @Sendable (Int) -> Void) {
        self.address = address
        self.group = group
        self.listener = listener
        self.audienceChanged = audienceChanged
        var fds: [Int32] = [-1, -1]
        journey_make_pipe(&fds)
        wake = (fds[0], fds[1])
    }

    /// Tells followers where the presenter is now; returns at once.
    public func publish(_ position: SharedPosition) {
        guard position != published else { return }
        published = position
        let line = ShareWire.line(position)
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
        var scratch = [UInt8](repeating: 0, count: 4096)
        var told = -1
        while true {
            if followers.count != told {
                told = followers.count
                audienceChanged(told)
            }
            var entries = [pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            entries += followers.map { pollfd(fd: $0.fd, events: Int16(POLLIN) | ($0.hasMore ? Int16(POLLOUT) : 0), revents: 0) }
            guard poll(&entries, nfds_t(entries.count), -1) >= 0 || errno == EINTR else { return }
            if entries[0].revents != 0 {
                while read(wake.read, &scratch, scratch.count) > 0 {}
                let line = latest.withLock { $0 }
                for follower in followers { follower.next = line }
            }
            if entries[1].revents & Int16(POLLNVAL | POLLHUP | POLLERR) != 0 { break }
            if entries[1].revents != 0 { followers += admitWaiting(already: followers.count) }
            // Whatever a follower sends is read and dropped; nothing it says reaches anyone.
            var gone = Set<Int32>()
            for (follower, entry) in zip(followers, entries.dropFirst(2)) where entry.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                let count = read(follower.fd, &scratch, scratch.count)
                if count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR) { gone.insert(follower.fd) }
            }
            for follower in followers where !gone.contains(follower.fd) && follower.hasMore && !follower.flush() {
                gone.insert(follower.fd)
            }
            for fd in gone { close(fd) }
            followers.removeAll { gone.contains($0.fd) }
        }
        for follower in followers { close(follower.fd) }
        close(listener)
    }

    /// Accepts every connection waiting; those the presenter does not share with are told why and closed.
    private func admitWaiting(already count: Int) -> [Follower] {
        var admitted: [Follower] = []
        while true {
            let fd = journey_socket_accept(listener)
            guard fd >= 0 else { return admitted }
            if let refusal = refusal(fd, followers: count + admitted.count) {
                let line = ShareWire.refusal(refusal)
                _ = line.withUnsafeBytes { journey_socket_send(fd, $0.baseAddress!, $0.count) }
                close(fd)
                continue
            }
            let follower = Follower(fd: fd, next: latest.withLock { $0 })
            admitted.append(follower)
            if !follower.flush() {
                close(fd)
                admitted.removeLast()
            }
        }
    }

    /// Why the process at the other end of `fd` may not follow, or nil when it may: it runs as the
    /// presenter's user, or as a user of the group shared with.
    private func refusal(_ fd: Int32, followers: Int) -> String? {
        var (uid, gid, pid): (UInt32, UInt32, Int32) = (0, 0, 0)
        guard journey_socket_peer(fd, &uid, &gid, &pid) == 0 else { return "who is asking cannot be told" }
        let name = address.presenter.name
        if uid != address.presenter.id {
            guard let group else { return "\(name) shares this presentation only with their own terminals" }
            let member = gid == group.id || SystemUser.user(uid)?.isMember(of: group.id) == true
            if !member { return "\(name) shares this presentation with group '\(group.name)', and you are not in it" }
        }
        return followers < Self.maximumFollowers ? nil : "this presentation already has \(Self.maximumFollowers) followers"
    }
}
