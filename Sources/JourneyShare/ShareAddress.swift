import CUnixSocket
import Glibc

/// Where a user's shared presentation listens: `journey-UID/present` in `$JOURNEY_SHARE_DIR`, else in
/// /tmp, where every user of the host can find it (tmux keeps its sockets the same way). The folder is the
/// presenter's, 0700, or 0710 with the group allowed to follow; the socket is 0600, or 0660 for the group.
public struct ShareAddress: Sendable {
    public let presenter: SystemUser
    public let folder: String
    public var socket: String { folder + "/present" }

    public init(presenter: SystemUser, environment: [String: String]) {
        self.presenter = presenter
        let base = environment["JOURNEY_SHARE_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        folder = (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/journey-\(presenter.id)"
    }

    // MARK: The presenter's side

    /// Makes (or takes back) the folder and listens on the socket; the listening descriptor.
    func listen(sharingWith group: SystemGroup?) throws(ShareError) -> Int32 {
        if let group, getuid() != 0, !Self.processIsIn(group.id) {
            throw ShareError("you are not in group '\(group.name)', so you cannot share with it (`id` lists your groups)")
        }
        if mkdir(folder, 0o700) != 0, errno != EEXIST { throw ShareError("cannot make \(folder): \(Self.reason(errno))") }
        var info = stat()
        guard lstat(folder, &info) == 0 else { throw ShareError("cannot use \(folder): \(Self.reason(errno))") }
        guard info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid() else {
            throw ShareError("\(folder) is not a folder of yours (it belongs to \(Self.owner(info.st_uid))); set "
                + "JOURNEY_SHARE_DIR to another folder, the same for you and those who follow")
        }
        try restrict(folder, mode: group == nil ? 0o700 : 0o710, to: group)
        if lstat(socket, &info) == 0 {
            let probe = journey_socket_connect(socket)
            if probe >= 0 { close(probe) }
            // Only a socket nobody listens at is left over (a presenter killed with -9); anything else,
            // such as a full backlog, means another presenter is live.
            guard probe == -ECONNREFUSED || info.st_mode & S_IFMT != S_IFSOCK else {
                throw ShareError("a presentation is already shared from another terminal (`journey present --share`); "
                    + "only one at a time")
            }
            unlink(socket)
        }
        let listener = journey_socket_listen(socket, 128)
        guard listener >= 0 else { throw ShareError("cannot listen at \(socket): \(Self.reason(-listener))") }
        do {
            try restrict(socket, mode: group == nil ? 0o600 : 0o660, to: group)
        } catch {
            close(listener)
            unlink(socket)
            throw error
        }
        return listener
    }

    /// Gives `path` to the group (when sharing with one) and sets who may reach it.
    private func restrict(_ path: String, mode: mode_t, to group: SystemGroup?) throws(ShareError) {
        if let group, chown(path, uid_t.max, group.id) != 0 {
            throw ShareError("cannot give \(path) to group '\(group.name)': \(Self.reason(errno))")
        }
        guard chmod(path, mode) == 0 else { throw ShareError("cannot set who may reach \(path): \(Self.reason(errno))") }
    }

    /// Whether this process is in the group, as its own or one of its other groups.
    private static func processIsIn(_ group: gid_t) -> Bool {
        if getegid() == group { return true }
        let count = getgroups(0, nil)
        guard count > 0 else { return false }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let found = getgroups(count, &groups)
        return groups.prefix(max(0, Int(found))).contains(group)
    }

    // MARK: A follower's side

    enum Connection {
        case connected(Int32)
        /// Nobody presents there now.
        case absent
        case refused(String)
    }

    /// Connects when the folder, the socket and the process listening are all the presenter's.
    func connect() -> Connection {
        var info = stat()
        for (path, type) in [(folder, S_IFDIR), (socket, S_IFSOCK)] {
            guard lstat(path, &info) == 0 else { return errno == EACCES ? .refused(notShared) : .absent }
            guard info.st_mode & S_IFMT == type, info.st_uid == presenter.id else {
                return .refused("\(path) belongs to \(Self.owner(info.st_uid)), not \(presenter.name): not following it")
            }
        }
        let fd = journey_socket_connect(socket)
        guard fd >= 0 else { return -fd == EACCES || -fd == EPERM ? .refused(notShared) : .absent }
        var (uid, gid): (UInt32, UInt32) = (0, 0)
        guard journey_socket_peer(fd, &uid, &gid) == 0, uid == presenter.id else {
            close(fd)
            return .refused("what listens at \(socket) is run by \(Self.owner(uid)), not \(presenter.name): not following it")
        }
        return .connected(fd)
    }

    private var notShared: String {
        "\(presenter.name) is not presenting, or has not shared the presentation with you (they can, for a group "
            + "you are in: `journey present --share --group GROUP`)"
    }

    static func owner(_ id: uid_t) -> String {
        SystemUser.user(id)?.name ?? "user \(id)"
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// Why a presentation cannot be shared, worded for the facilitator.
public struct ShareError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
