import Foundation

/// Why a course file could not be read.
public enum ReadFailure: Error, Sendable {
    case missing
    case notAFile
    case tooLarge(Int)
    /// It resolves (through a symbolic link) to a file outside the course folder.
    case outside(String)
    case unreadable(String)

    public var message: String {
        switch self {
        case .missing: "no such file or directory"
        case .notAFile: "not a regular file (a folder, a device or a pipe)"
        case .tooLarge(let size): "file is \(size) bytes; a course's files hold at most \(CourseLoader.maximumSize / 1024 / 1024) MiB in all"
        case .outside(let target): "it leads outside the course folder (to \(target)); a course reads only its own files"
        case .unreadable(let reason): "cannot read: \(reason)"
        }
    }

    /// The failure an `errno` from opening or reading names.
    init(errno code: Int32) {
        self = code == ENOENT || code == ENOTDIR ? .missing : .unreadable(String(cString: strerror(code)))
    }
}

/// Where a course folder's files come from: the disk, or the copy embedded in the binary.
public protocol CourseFolder {
    /// How diagnostics and outlines name the folder.
    var displayPath: String { get }
    /// The absolute path of the folder, or `<bundled>`.
    var absolutePath: String { get }
    /// The names of the Markdown files directly inside the folder.
    func markdownFiles() -> [String]
    func exists(_ relativePath: String) -> Bool
    func read(_ relativePath: String) -> Result<[UInt8], ReadFailure>
    /// True when the name is a symbolic link (which may lead nowhere).
    func isLink(_ relativePath: String) -> Bool
    /// The same string for every spelling of the same file (`m.md`, `./m.md`, a symbolic or hard link to it).
    func identity(of relativePath: String) -> String
    /// What changes whenever the file does, to tell whether an outline kept of it still holds; nil
    /// when there is nothing to compare (an embedded course never changes).
    func signature(of relativePath: String) -> FileSignature?
}

/// What `stat` says would change with a file's content: its size, times of change, inode and device
/// (symbolic links followed).
public struct FileSignature: Equatable, Sendable {
    public var text: String
    /// When its content last changed, in seconds since 1970.
    public var modified: Double
}

extension CourseFolder {
    func displayPath(of relativePath: String) -> String {
        displayPath.hasSuffix("/") ? displayPath + relativePath : "\(displayPath)/\(relativePath)"
    }

    public func identity(of relativePath: String) -> String {
        Self.lexical(relativePath)
    }

    public func signature(of relativePath: String) -> FileSignature? { nil }

    /// A relative path without `.` components or repeated slashes.
    static func lexical(_ relativePath: String) -> String {
        relativePath.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}

/// A course folder embedded as bytes, such as the bundled course.
public struct EmbeddedCourseFolder: CourseFolder, Sendable {
    public let displayPath: String
    public var absolutePath: String { displayPath }
    let files: [String: [UInt8]]

    public init(displayPath: String, files: [String: [UInt8]]) {
        self.displayPath = displayPath
        self.files = files
    }

    public func markdownFiles() -> [String] {
        files.keys.filter { $0.hasSuffix(".md") && !$0.contains("/") }.sorted()
    }

    public func exists(_ relativePath: String) -> Bool { files[Self.lexical(relativePath)] != nil }
    public func isLink(_ relativePath: String) -> Bool { false }

    public func read(_ relativePath: String) -> Result<[UInt8], ReadFailure> {
        files[Self.lexical(relativePath)].map { .success($0) } ?? .failure(.missing)
    }
}

/// A course folder on disk. Files are read only when they resolve, symbolic links followed, to a
/// place inside the folder's own resolved path.
struct DiskCourseFolder: CourseFolder {
    let displayPath: String
    let absolutePath: String
    /// The folder with every symbolic link resolved.
    private let resolvedPath: String

    init(path: String) {
        displayPath = path
        absolutePath = URL(fileURLWithPath: path).standardizedFileURL.path
        resolvedPath = DiskFile.resolved(path) ?? absolutePath
    }

    func markdownFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: displayPath)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }

    func isLink(_ relativePath: String) -> Bool {
        var info = stat()
        return lstat(displayPath(of: relativePath), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: displayPath(of: relativePath))
    }

    func read(_ relativePath: String) -> Result<[UInt8], ReadFailure> {
        DiskFile.read(displayPath(of: relativePath), inside: resolvedPath)
    }

    /// Nil, too, for a file that now leads outside the folder: it is read, and refused, as ever.
    func signature(of relativePath: String) -> FileSignature? {
        var info = stat()
        let path = displayPath(of: relativePath)
        guard !relativePath.contains("\0"), stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              let target = DiskFile.resolved(path), DiskFile.isInside(target, resolvedPath) else { return nil }
        let times = [info.st_mtim, info.st_ctim].map { "\($0.tv_sec).\($0.tv_nsec)" }.joined(separator: " ")
        return FileSignature(text: "\(info.st_size) \(times) \(info.st_ino) \(info.st_dev)",
                             modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    /// The file's device and inode, so a hard link is the file it links to; else its spelling.
    func identity(of relativePath: String) -> String {
        var info = stat()
        guard !relativePath.contains("\0"), stat(displayPath(of: relativePath), &info) == 0 else { return Self.lexical(relativePath) }
        return "\(info.st_dev):\(info.st_ino)"
    }
}

/// Reads one file from disk. Where its path leads is checked before it is opened (opening a device
/// can act on it) and again on what was opened (the path may have changed in between); it is opened
/// without blocking (a pipe swapped in cannot hang the reader), then checked for what it is: a regular
/// file within the size limit.
enum DiskFile {
    static func read(_ path: String, inside folder: String? = nil) -> Result<[UInt8], ReadFailure> {
        if let folder, let target = resolved(path), !isInside(target, folder) { return .failure(.outside(target)) }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return .failure(ReadFailure(errno: errno)) }
        defer { close(fd) }
        if let folder {
            guard let opened = resolved(descriptor: fd) else { return .failure(.unreadable("cannot tell where it leads")) }
            guard isInside(opened, folder) else { return .failure(.outside(opened)) }
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(ReadFailure(errno: errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notAFile) }
        guard Int(info.st_size) <= CourseLoader.maximumSize else { return .failure(.tooLarge(Int(info.st_size))) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size) + 1)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = Foundation.read(fd, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(errno: errno))
            }
            if count == 0 { break }
            bytes += buffer[..<count]
            guard bytes.count <= CourseLoader.maximumSize else { return .failure(.tooLarge(bytes.count)) }
        }
        return .success(bytes)
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// The path with every symbolic link resolved, or nil when it does not resolve.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Where an open file really is, from the kernel's own record of it.
    private static func resolved(descriptor fd: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/fd/\(fd)", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
