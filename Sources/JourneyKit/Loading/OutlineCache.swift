import Foundation

/// Outlines of a course folder's module files kept between starts, in the user's cache folder, each
/// with the `FileSignature` of the file it came from: a file unchanged since is outlined without being
/// read, so a large course's first frame waits for one of its files rather than all of them. Only
/// headings are kept (titles, ids, where they are, which sections a lesson's blocks are in), never a
/// learner's data. A cache file that is missing, made by another build of the program, or not exactly
/// as written is ignored.
public struct OutlineCache {
    /// The last line: a file cut short is not taken for a shorter one.
    static let trailer = "end"
    /// Far more than the outlines of the largest course take; a bigger file is not read at all.
    public static let maximumSize = 16 * 1024 * 1024

    struct Entry {
        var signature: String
        var stem: String
        /// What the file counts against the course's size.
        var size: Int
        var module: CourseDraft.Module
    }

    private let file: String
    /// The first line: the format and the build of the program that wrote it, whose rules for
    /// headings and ids the outlines follow.
    private let header: String
    private var entries: [String: Entry]
    /// The files this start asked about: only theirs are written back, so a course's cache does not
    /// keep files it no longer has.
    private var used: Set<String> = []
    private var changed = false

    /// The cache of the course folder at `course` (as the user named it), kept in `folder`; `build`
    /// names the program's build (a cache from another is ignored).
    public init(folder: String, course: String, build: String) {
        let absolute = URL(fileURLWithPath: course).standardizedFileURL.path
        // FNV-1a: a stable name for the course's path, which may hold any character.
        let hash = absolute.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        file = (folder as NSString).appendingPathComponent(String(hash, radix: 16) + ".outline")
        let header = Self.fields(["journey outline cache 2", build])
        self.header = header
        var info = stat()
        let readable = stat(file, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && Int(info.st_size) <= Self.maximumSize
        entries = readable ? FileManager.default.contents(atPath: file).flatMap { Self.parse([UInt8]($0), header: header) } ?? [:]
            : [:]
    }

    /// The outline kept of `file` when it still has `signature` and was made with `stem` as its title,
    /// and what the file counts against the course's size.
    mutating func module(_ file: String, _ signature: FileSignature, _ stem: String)
        -> (module: CourseDraft.Module, size: Int)? {
        guard let entry = entries[file], entry.signature == signature.text, entry.stem == stem else { return nil }
        used.insert(file)
        return (entry.module, entry.size)
    }

    /// Keeps `module`, the outline of `file`, unless the file changed in the last two seconds: where
    /// times are kept to the second (FAT, some network file systems), an edit in the same second would
    /// not change its signature.
    mutating func keep(_ module: CourseDraft.Module, file: String, signature: FileSignature, stem: String, size: Int) {
        guard Date().timeIntervalSince1970 - signature.modified >= 2 else { return }
        entries[file] = Entry(signature: signature.text, stem: stem, size: size, module: module)
        used.insert(file)
        changed = true
    }

    /// Writes the cache when it learned something or lost a file, in a private folder, replacing the
    /// old one whole. A cache that cannot be written is no loss: the next start reads the files.
    public func save() {
        guard changed || used.count < entries.count else { return }
        let folder = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let lines = [header] + used.sorted().flatMap { Self.lines(entries[$0]!, file: $0) } + [Self.trailer]
        try? Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    }

    // MARK: The file: a line per module file, module and lesson, fields apart by tabs

    private static func lines(_ entry: Entry, file: String) -> [String] {
        [fields(["F", file, entry.signature, entry.stem, String(entry.size)]),
         fields(["M", entry.module.idSource, entry.module.path] + heading(entry.module.heading))]
            + entry.module.lessons.map { lesson in
                fields(["L", lesson.path, lesson.sections.map { "\($0.lowerBound)-\($0.upperBound)" } ?? ""]
                    + heading(lesson.heading))
            }
    }

    private static func heading(_ heading: SectionHeading) -> [String] {
        [heading.title, heading.explicitID ?? "", heading.position.map { "\($0.line):\($0.column)" } ?? ""]
            + heading.problems
    }

    /// Read as bytes: splitting a string into lines and fields by characters would cost more than the
    /// cache saves.
    private static func parse(_ bytes: [UInt8], header: String) -> [String: Entry]? {
        var lines = bytes.split(separator: UInt8(ascii: "\n"))[...]
        guard lines.popFirst().map({ String(decoding: $0, as: UTF8.self) }) == header,
              lines.popLast().map({ String(decoding: $0, as: UTF8.self) }) == trailer else { return nil }
        var entries: [String: Entry] = [:]
        var current: (file: String, entry: Entry)?
        for line in lines {
            let parts = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(unescape)
            switch (parts[0], parts.count) {
            case ("F", 5):
                guard let size = Int(parts[4]) else { return nil }
                if let current { entries[current.file] = current.entry }
                let module = CourseDraft.Module(heading: SectionHeading(cachedTitle: ""), idSource: "", path: "", lessons: [])
                current = (parts[1], Entry(signature: parts[2], stem: parts[3], size: size, module: module))
            case ("M", 6...):
                guard current != nil, let heading = heading(parts[3...]) else { return nil }
                current!.entry.module.idSource = parts[1]
                current!.entry.module.path = parts[2]
                current!.entry.module.heading = heading
            case ("L", 6...):
                guard current != nil, let heading = heading(parts[3...]) else { return nil }
                let bounds = parts[2].split(separator: "-").compactMap { Int($0) }
                guard parts[2].isEmpty || bounds.count == 2 && bounds[0] <= bounds[1] else { return nil }
                current!.entry.module.lessons.append(CourseDraft.Lesson(
                    heading: heading, path: parts[1], blocks: [], sections: bounds.count == 2 ? bounds[0]...bounds[1] : nil))
            default:
                return nil
            }
        }
        if let current { entries[current.file] = current.entry }
        return entries
    }

    private static func heading(_ parts: ArraySlice<String>) -> SectionHeading? {
        let (title, id, place) = (parts[parts.startIndex], parts[parts.startIndex + 1], parts[parts.startIndex + 2])
        var heading = SectionHeading(cachedTitle: title)
        heading.explicitID = id.isEmpty ? nil : id
        heading.problems = Array(parts.dropFirst(3))
        guard !place.isEmpty else { return heading }
        let numbers = place.split(separator: ":").compactMap { Int($0) }
        guard numbers.count == 2 else { return nil }
        heading.position = SourcePosition(line: numbers[0], column: numbers[1])
        return heading
    }

    private static func fields(_ parts: [String]) -> String {
        parts.map(escape).joined(separator: "\t")
    }

    /// Backslash, tab and line breaks written as `\\`, `\t`, `\n` and `\r`, so any title fits a field.
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    private static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        let field = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "\\")) else { return field }
        var text = ""
        var escaping = false
        for character in field.unicodeScalars {
            if escaping {
                text += ["t": "\t", "n": "\n", "r": "\r"][character] ?? String(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                text.unicodeScalars.append(character)
            }
        }
        return text
    }
}
