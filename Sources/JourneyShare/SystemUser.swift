import Glibc

/// A user account of this machine, as the password database has it.
public struct SystemUser: Equatable, Sendable {
    public var name: String
    public var id: uid_t
    public var groupID: gid_t

    /// The user running this process.
    public static var current: SystemUser {
        user(getuid()) ?? SystemUser(name: "user \(getuid())", id: getuid(), groupID: getgid())
    }

    /// The user with this name, or with this number (`--from 1000`).
    public static func named(_ name: String) -> SystemUser? {
        withEntry { entry, buffer, result in getpwnam_r(name, &entry, &buffer, buffer.count, &result) }
            ?? UInt32(name).flatMap(user)
    }

    static func user(_ id: uid_t) -> SystemUser? {
        withEntry { entry, buffer, result in getpwuid_r(id, &entry, &buffer, buffer.count, &result) }
    }

    private static func withEntry(_ look: (inout passwd, inout [CChar], inout UnsafeMutablePointer<passwd>?) -> Int32)
        -> SystemUser? {
        var entry = passwd()
        var buffer = [CChar](repeating: 0, count: 16384)
        var result: UnsafeMutablePointer<passwd>?
        guard look(&entry, &buffer, &result) == 0, result != nil, let name = entry.pw_name else { return nil }
        return SystemUser(name: String(cString: name), id: entry.pw_uid, groupID: entry.pw_gid)
    }
}

/// A group of this machine (`--group`).
public struct SystemGroup: Equatable, Sendable {
    public var name: String
    public var id: gid_t

    public static func named(_ name: String) -> SystemGroup? {
        var entry = group()
        var buffer = [CChar](repeating: 0, count: 65536)
        var result: UnsafeMutablePointer<group>?
        if getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil {
            return SystemGroup(name: name, id: entry.gr_gid)
        }
        return nil
    }
}
