import Foundation

/// Why a course file could not be read.
public enum ReadFailure: Error, Sendable {
    case missing
    case notAFile
    case tooLarge(Int)
    case unreadable(String)

    public var message: String {
        switch self {
        case .missing: "no such file or directory"
        case .notAFile: "not a regular file"
        case .tooLarge(let size): "file is \(size) bytes; course files are limited to \(CourseLoader.maximumFileSize) bytes (16 MiB)"
        case .unreadable(let reason): "cannot read: \(reason)"
        }
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
}

extension CourseFolder {
    func displayPath(of relativePath: String) -> String {
        displayPath.hasSuffix("/") ? displayPath + relativePath : "\(displayPath)/\(relativePath)"
    }
}

/// A course folder embedded as bytes, such as the bundled course.
public struct EmbeddedCourseFolder: CourseFolder {
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

    public func exists(_ relativePath: String) -> Bool { files[relativePath] != nil }

    public func read(_ relativePath: String) -> Result<[UInt8], ReadFailure> {
        files[relativePath].map { .success($0) } ?? .failure(.missing)
    }
}

/// A course folder on disk.
struct DiskCourseFolder: CourseFolder {
    let displayPath: String
    let absolutePath: String

    init(path: String) {
        displayPath = path
        absolutePath = URL(fileURLWithPath: path).standardizedFileURL.path
    }

    func markdownFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: displayPath)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }

    func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: displayPath(of: relativePath))
    }

    func read(_ relativePath: String) -> Result<[UInt8], ReadFailure> {
        DiskFile.read(displayPath(of: relativePath))
    }
}

/// Reads one file from disk, refusing what is not a regular file and what is above the size limit.
enum DiskFile {
    static func read(_ path: String) -> Result<[UInt8], ReadFailure> {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            return .failure(FileManager.default.fileExists(atPath: path) ? .unreadable(reason(error)) : .missing)
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { return .failure(.notAFile) }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= CourseLoader.maximumFileSize else { return .failure(.tooLarge(size)) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.unreadable(String(cString: strerror(errno))))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: CourseLoader.maximumFileSize + 1) ?? Data()
            guard data.count <= CourseLoader.maximumFileSize else { return .failure(.tooLarge(data.count)) }
            return .success([UInt8](data))
        } catch {
            return .failure(.unreadable(reason(error)))
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
