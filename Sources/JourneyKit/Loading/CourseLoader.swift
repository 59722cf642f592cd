import Foundation

/// What loading a course gives: whatever could be loaded, and every problem found on the way.
public struct LoadResult: Sendable {
    /// Nil only when nothing at all could be loaded.
    public var course: Course?
    public var diagnostics: [Diagnostic]
}

/// Loads a course from a folder with a manifest, a folder of Markdown files, or a single Markdown file.
public enum CourseLoader {
    /// A course's files together (modules and support page) hold at most this much, as does any one of
    /// them: room for a long book, and small enough that every command on any course ends in seconds.
    /// Files past it are not loaded.
    public static let maximumSize = 2 * 1024 * 1024
    /// Many more modules and lessons than any course has; a course past them loads up to them, with an
    /// error, so the work on its lessons stays bounded too.
    public static let maximumModules = 500
    public static let maximumLessons = 5_000

    /// Loads the course at `path`, a folder or a Markdown file.
    public static func load(path: String) -> LoadResult {
        drafted(path: path, extent: .whole).assembled()
    }

    /// Loads a course folder: the manifest's modules in order, or every Markdown file by name without one.
    public static func load(folder: some CourseFolder) -> LoadResult {
        drafted(folder: folder, extent: .whole).assembled()
    }

    /// The course at `path` in outline (see `CourseOutline`); a folder's module files whose outlines
    /// `cache` holds, unchanged since, are not read.
    public static func outline(path: String, cache: OutlineCache? = nil) -> CourseOutline {
        CourseOutline(drafted(path: path, extent: .outline(inFull: nil), cache: cache))
    }

    /// A course folder in outline (see `CourseOutline`).
    public static func outline(folder: some CourseFolder) -> CourseOutline {
        CourseOutline(drafted(folder: folder, extent: .outline(inFull: nil)))
    }

    static func drafted(path: String, extent: Extent, cache: OutlineCache? = nil) -> DraftedCourse {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return DraftedCourse(failing: Diagnostic(.error, ReadFailure(errno: errno).message, path: path))
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            guard access(path, R_OK | X_OK) == 0 else {
                let reason = "cannot read the folder: \(String(cString: strerror(errno)))"
                return DraftedCourse(failing: Diagnostic(.error, reason, path: path))
            }
            return drafted(folder: DiskCourseFolder(path: path), extent: extent, cache: cache)
        }
        var diagnostics: [Diagnostic] = []
        guard let source = readSource(path: path, DiskFile.read(path), &diagnostics) else {
            return DraftedCourse(draft: nil, diagnostics: diagnostics, emptyPath: path, sources: nil)
        }
        let absolutePath = URL(fileURLWithPath: path).standardizedFileURL.path
        let fallbackTitle = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let draft = SingleFileCourse.draft(source, absolutePath: absolutePath, fallbackTitle: fallbackTitle,
                                           extent: extent, diagnostics: &diagnostics)
        return DraftedCourse(draft: draft, diagnostics: diagnostics, emptyPath: source.path,
                             sources: .single(source, absolutePath: absolutePath, fallbackTitle: fallbackTitle))
    }

    static func drafted(folder: some CourseFolder, extent: Extent, cache: OutlineCache? = nil) -> DraftedCourse {
        var diagnostics: [Diagnostic] = []
        let manifestPath = folder.displayPath(of: Manifest.fileName)
        var manifest = Manifest()
        var moduleFiles: [(file: String, position: SourcePosition?)]
        if folder.exists(Manifest.fileName) {
            guard let source = readSource(path: manifestPath, folder.read(Manifest.fileName), &diagnostics),
                  let parsed = Manifest.parse(source, diagnostics: &diagnostics) else {
                return DraftedCourse(draft: nil, diagnostics: diagnostics, emptyPath: manifestPath, sources: nil)
            }
            manifest = parsed
            moduleFiles = parsed.modules
            let listed = Set((moduleFiles.map(\.file) + [parsed.support?.file].compactMap { $0 }).map(folder.identity(of:)))
            for file in folder.markdownFiles() where !listed.contains(folder.identity(of: file)) {
                diagnostics.append(Diagnostic(.warning, "not listed in \(Manifest.fileName), so not part of the course",
                                              path: folder.displayPath(of: file)))
            }
        } else {
            moduleFiles = folder.markdownFiles().map { ($0, nil) }
            diagnostics.append(Diagnostic(.warning, "no \(Manifest.fileName) manifest; the folder's Markdown files "
                + "are the modules, in name order", path: manifestPath))
        }

        if moduleFiles.count > maximumModules {
            let first = moduleFiles[maximumModules]
            diagnostics.append(Diagnostic(.error, "a course has at most \(maximumModules) modules; '\(first.file)' and "
                + "those after it are not loaded", path: manifestPath, at: first.position))
            moduleFiles.removeLast(moduleFiles.count - maximumModules)
        }
        var modules: [CourseDraft.Module] = []
        var sources: [ModuleSource] = []
        var cache = cache
        var seen: Set<String> = []
        var size = 0
        /// Counts a file against the course's size; false, with an error (at its place in the manifest,
        /// or on the file itself without one), once the course is past it.
        func fits(_ bytes: Int, _ file: String, _ named: String, at position: SourcePosition?, _ consequence: String) -> Bool {
            size += bytes
            guard size > maximumSize else { return true }
            diagnostics.append(Diagnostic(.error, "the course's files come to more than \(maximumSize / 1024 / 1024) MiB "
                + "with \(named), so \(consequence) not loaded",
                path: position == nil ? folder.displayPath(of: file) : manifestPath, at: position))
            return false
        }
        // The support page first: it is what the course must not lose.
        let support = manifest.support.flatMap { listed in
            readListed(listed.file, "support page", at: listed.position, in: folder, &diagnostics).flatMap { source in
                fits(source.bytes.count, listed.file, "the support page '\(listed.file)'", at: listed.position, "it is")
                    ? source : nil
            }
        }.map { SupportPage.make($0, extent: extent, diagnostics: &diagnostics) }
        for (file, position) in moduleFiles {
            // A NUL cuts a name short for the system: checked before the name is compared with others.
            guard file.contains("\0") || seen.insert(folder.identity(of: file)).inserted else {
                diagnostics.append(Diagnostic(.error, "module '\(file)' is listed twice", path: manifestPath, at: position))
                continue
            }
            let stem = String(file.split(separator: "/").last?.split(separator: ".").first ?? "module")
            let signature = cache == nil ? nil : folder.signature(of: file)
            let source: ModuleSource
            if let signature, let kept = cache?.module(file, signature, stem) {
                source = ModuleSource(file: file, position: position, stem: stem, signature: signature, cached: kept.module,
                                      size: kept.size)
            } else if let text = readListed(file, "module", at: position, in: folder, &diagnostics) {
                source = ModuleSource(file: file, position: position, stem: stem, signature: signature, text: text,
                                      size: text.bytes.count)
            } else {
                continue
            }
            guard fits(source.size, file, "'\(file)'", at: position, "it and the modules after it are") else { break }
            sources.append(source)
        }
        let toConvert = sources.compactMap { source in source.text.map { ($0, stem: source.stem) } }
        var converted = ModuleFile.makeConcurrently(toConvert, extent: extent)[...]
        var lessonsLeft = maximumLessons
        for (index, source) in sources.enumerated() {
            guard lessonsLeft > 0 else {
                diagnostics.append(Diagnostic(.error, "a course has at most \(maximumLessons) lessons; '\(source.file)' "
                    + "and the modules after it are not loaded", path: manifestPath, at: source.position))
                sources.removeLast(sources.count - index)
                break
            }
            var (module, found) = source.cached.map { ($0, []) } ?? converted.removeFirst()
            if let signature = source.signature, source.cached == nil, extent == .outline(inFull: nil) {
                cache?.keep(module, file: source.file, signature: signature, stem: source.stem, size: source.size)
            }
            if module.lessons.count > lessonsLeft {
                // Past the course's limit: made again, cut where the limit falls.
                found = []
                if let text = source.text ?? readListed(source.file, "module", at: source.position, in: folder, &found) {
                    module = ModuleFile.make(text, fallbackTitle: source.stem, lessons: lessonsLeft, extent: extent,
                                             diagnostics: &found)
                }
                module.lessons.removeLast(max(0, module.lessons.count - lessonsLeft))
            }
            diagnostics += found
            lessonsLeft -= module.lessons.count
            modules.append(module)
        }
        if let listed = manifest.support, !listed.file.contains("\0"), seen.contains(folder.identity(of: listed.file)) {
            diagnostics.append(Diagnostic(.error, "'\(listed.file)' is both the support page and a module; it can be "
                + "one or the other", path: manifestPath, at: listed.position))
        }
        let title = manifest.title.flatMap { $0.isEmpty ? nil : $0 }
            ?? URL(fileURLWithPath: folder.absolutePath).lastPathComponent
        let draft = CourseDraft(explicitID: manifest.id, title: title, description: manifest.description,
                                authors: manifest.authors, version: manifest.version, language: manifest.language,
                                path: folder.absolutePath, modules: modules)
        return DraftedCourse(draft: draft, support: support, supportFile: manifest.support?.file,
                             manifestPath: folder.exists(Manifest.fileName) ? manifestPath : nil,
                             diagnostics: diagnostics, emptyPath: manifestPath, sources: .modules(sources, folder),
                             cache: cache)
    }

    /// A file the manifest names (a module or the support page), or nil with an error: outside the
    /// folder, missing, unreadable or binary.
    static func readListed(_ file: String, _ what: String, at position: SourcePosition?,
                                   in folder: some CourseFolder, _ diagnostics: inout [Diagnostic]) -> SourceText? {
        let manifestPath = folder.displayPath(of: Manifest.fileName)
        guard !file.contains("\0") else {
            diagnostics.append(Diagnostic(.error, "\(what) name '\(file)' holds a NUL character", path: manifestPath,
                                          at: position))
            return nil
        }
        guard !file.split(separator: "/").contains("..") && !file.hasPrefix("/") else {
            diagnostics.append(Diagnostic(.error, "\(what) '\(file)' must be named from the course folder, "
                + "without '..' or a leading '/'", path: manifestPath, at: position))
            return nil
        }
        let result = folder.read(file)
        if case .failure(.missing) = result {
            let named = what == "module" ? "'\(file)'" : "the \(what) '\(file)'"
            let dangling = folder.isLink(file) ? ", a link to a file that does not exist" : ", which does not exist"
            diagnostics.append(Diagnostic(.error, "the manifest names \(named)\(dangling)",
                                          path: manifestPath, at: position))
            return nil
        }
        return readSource(path: folder.displayPath(of: file), result, &diagnostics)
    }

    /// The file's text, or nil with an error when it cannot be read or is binary.
    static func readSource(path: String, _ result: Result<[UInt8], ReadFailure>,
                                   _ diagnostics: inout [Diagnostic]) -> SourceText? {
        switch result {
        case .failure(let failure):
            diagnostics.append(Diagnostic(.error, failure.message, path: path))
            return nil
        case .success(var bytes):
            // A byte-order mark says nothing in UTF-8; UTF-16 is named as such.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if let encoding = wideEncoding(bytes) {
                diagnostics.append(Diagnostic(.error, "the file is \(encoding); course files are UTF-8 (save it as UTF-8)",
                                              path: path))
                return nil
            }
            if let nul = bytes.offset(of: 0) {
                let line = bytes[..<nul].lazy.filter { $0 == UInt8(ascii: "\n") }.count + 1
                diagnostics.append(Diagnostic(.error, "binary file (it holds NUL bytes); course files are UTF-8 text",
                                              path: path, at: SourcePosition(line: line, column: 1)))
                return nil
            }
            return SourceText(path: path, bytes: bytes, diagnostics: &diagnostics)
        }
    }

    /// "UTF-16" or "UTF-32" for text in those, by its byte-order mark or, without one, by the NULs
    /// beside ASCII letters (one for each in UTF-16, three in UTF-32); nil for anything else.
    private static func wideEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32" }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        let sample = Array(bytes.prefix(200))
        guard sample.count >= 8 else { return nil }
        if sample.filter({ $0 == 0 }).count > sample.count * 5 / 8 { return "UTF-32" }
        let evenNULs = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        let oddNULs = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        let half = sample.count / 2
        return evenNULs > half * 3 / 4 || oddNULs > half * 3 / 4 ? "UTF-16" : nil
    }
}
