import Foundation

/// Folders and files only the learner can read: folders are created 0700 and files 0600 from the
/// start, whatever the umask, never widened and narrowed afterwards.
enum PrivateFiles {
    /// Creates `path` and any missing parents as private folders; narrows an existing one of ours.
    static func prepareFolder(_ path: String) throws {
        var built = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            built += "/" + component
            if mkdir(built, 0o700) != 0 && errno != EEXIST {
                throw StoreError.folder(path: path, reason: String(cString: strerror(errno)))
            }
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError.folder(path: path, reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw StoreError.folder(path: path, reason: "it is not a folder") }
        guard info.st_uid == geteuid() else {
            throw StoreError.folder(path: path, reason: "it belongs to another user, who could read your answers")
        }
        if info.st_mode & 0o077 != 0 { chmod(path, 0o700) }
    }

    /// Creates an empty file readable only by the learner, unless it exists (then narrows it, and refuses
    /// one that belongs to someone else).
    static func createFile(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 {
            close(fd)
            return
        }
        guard errno == EEXIST else { throw StoreError.failed(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        guard stat(path, &info) == 0, info.st_uid == geteuid() else {
            throw StoreError.unreadable(path: path, reason: "it belongs to another user, who could read your answers")
        }
        narrow(path)
    }

    /// Removes group and other permissions from a file of ours that has them.
    static func narrow(_ path: String) {
        var info = stat()
        if stat(path, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o077 != 0 { chmod(path, 0o600) }
    }

    /// Renames the database and its companion files to `NAME.damaged-DATE`, byte for byte; returns the new path.
    static func moveAside(_ path: String, now: Date) throws -> String {
        var seconds = time_t(now.timeIntervalSince1970)
        var utc = tm()
        gmtime_r(&seconds, &utc)
        var buffer = [CChar](repeating: 0, count: 32)
        strftime(&buffer, buffer.count, "%Y%m%d-%H%M%S", &utc)
        let stamp = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var aside = "\(path).damaged-\(stamp)"
        var suffix = 2
        while access(aside, F_OK) == 0 {
            aside = "\(path).damaged-\(stamp)-\(suffix)"
            suffix += 1
        }
        for companion in ["", "-wal", "-shm"] where access(path + companion, F_OK) == 0 {
            guard rename(path + companion, aside + companion) == 0 else {
                throw StoreError.failed(path: path, reason: "it is damaged and could not be moved aside: "
                    + String(cString: strerror(errno)))
            }
        }
        return aside
    }
}
