import CTerminal
import Foundation
import Glibc
import JourneyUI

/// Watches a course's files for `--watch` and, a moment after they stop changing, reads the course
/// again and posts what it found to the inbox. inotify where it works; polling (twice a second) on file
/// systems whose changes inotify does not see: network shares, FUSE, 9p in containers and VMs.
public final class CourseWatcher: @unchecked Sendable {
    /// How it notices changes: said in the player's documentation and shown by tests.
    public enum Method: Sendable { case inotify, polling }

    public let method: Method
    private let folder: String
    /// A course folder is watched with its sub-folders; a one-file course's folder alone.
    private let recursive: Bool
    private let reload: @Sendable () -> Message
    private let inbox: Inbox
    /// Changes settle for this long before the course is read: an editor's save is several writes.
    private static let settle: Int32 = 150
    private static let pollInterval: useconds_t = 500_000

    /// Watches `path` (a course folder, or the folder of a one-file course) for as long as the program
    /// runs; `reload` reads the course, at once and after each change.
    @discardableResult
    public static func start(path: String, inbox: Inbox, forcePolling: Bool = false,
                             reload: @escaping @Sendable () -> Message) -> CourseWatcher {
        CourseWatcher(path: path, inbox: inbox, forcePolling: forcePolling, reload: reload)
    }

    private init(path: String, inbox: Inbox, forcePolling: Bool, reload: @escaping @Sendable () -> Message) {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        folder = isFolder.boolValue ? path : URL(fileURLWithPath: path).deletingLastPathComponent().path
        recursive = isFolder.boolValue
        self.inbox = inbox
        self.reload = reload
        method = forcePolling || Self.isRemote(folder) ? .polling : .inotify
        // Watching starts before the first reading, so a change made while the course is read is seen.
        let thread = Thread { [self] in
            if method == .inotify, let fd = startInotify() {
                inbox.post(reload())
                watchWithInotify(fd)
            }
            let start = signature()
            inbox.post(reload())
            watchByPolling(from: start)
        }
        thread.name = "course watcher"
        thread.start()
    }

    // MARK: inotify

    private static let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY
                                       | IN_ATTRIB)

    /// An inotify descriptor watching the course's folders, or nil when inotify cannot be used, for
    /// polling to take over.
    private func startInotify() -> Int32? {
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        guard inotify_add_watch(fd, folder, Self.events) >= 0 else {
            close(fd)
            return nil
        }
        for directory in directories() { _ = inotify_add_watch(fd, directory, Self.events) }
        return fd
    }

    private func watchWithInotify(_ fd: Int32) -> Never {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            // Folders made since the last change are watched too (watching one twice changes nothing).
            for directory in directories() { _ = inotify_add_watch(fd, directory, Self.events) }
            guard waitReadable(fd, milliseconds: -1) else { continue }
            // Drain the burst, then wait for quiet before reading the course.
            repeat {
                _ = read(fd, &buffer, buffer.count)
            } while waitReadable(fd, milliseconds: Self.settle)
            inbox.post(reload())
        }
    }

    private func waitReadable(_ fd: Int32, milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    // MARK: Polling

    private func watchByPolling(from start: [String: [Int]]) -> Never {
        var last = start
        while true {
            usleep(Self.pollInterval)
            let now = signature()
            guard now != last else { continue }
            usleep(useconds_t(Self.settle) * 1000)
            last = signature()
            inbox.post(reload())
        }
    }

    /// Every file under the watched folders, with its size and time of change.
    private func signature() -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for directory in directories() {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                var info = stat()
                let path = directory + "/" + name
                guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                result[path] = [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ino)]
            }
        }
        return result
    }

    /// The course folder and the folders inside it, a few levels deep: modules may live in sub-folders.
    private func directories() -> [String] {
        var found = [folder]
        var index = 0
        while recursive && index < found.count && found.count < 64 {
            let directory = found[index]
            index += 1
            guard directory.count - folder.count < 200 else { continue }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where !name.hasPrefix(".") {
                var isFolder: ObjCBool = false
                let path = directory + "/" + name
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { found.append(path) }
            }
        }
        return found
    }

    /// File systems whose changes made elsewhere inotify does not report.
    private static func isRemote(_ path: String) -> Bool {
        let type = journey_file_system_type(path)
        guard type >= 0 else { return true }
        let remote: Set<Int> = [0x6969 /* NFS */, 0x517B /* SMB */, 0xFF53_4D42 /* CIFS */, 0xFE53_4D42 /* SMB2 */,
                                0x6573_5546 /* FUSE */, 0x0102_1997 /* 9P */, 0x0BD0_0BD0 /* Lustre */, 0x7366_7673 /* VirtualBox */]
        return remote.contains(Int(UInt32(truncatingIfNeeded: type)))
    }
}
