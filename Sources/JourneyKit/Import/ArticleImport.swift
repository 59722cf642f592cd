import Foundation

/// Turns an article into a course folder in the documented format (`journey import`). A Markdown
/// article gives its `#` as the course's title, each `##` a module and each `###` a lesson (a module
/// without one is one lesson), its text kept as written; a plain-text article's headings are found
/// from its shape (`PlainTextArticle`). Every lesson ends with a starter reflection prompt, and the
/// course gets a starter support page.
public enum ArticleImport {
    /// The course folder's files, by name, and what the import found.
    public struct Result: Sendable {
        public var title: String
        public var files: [String: String]
        public var moduleCount: Int
        public var lessonCount: Int
        /// The lines taken as headings, when the article was plain text: where, at what level, and the text.
        public var headings: [FoundHeading]
        public var wasPlainText: Bool
    }

    public struct FoundHeading: Equatable, Sendable {
        public var line: Int
        /// 1 the course's title, 2 a module, 3 a lesson.
        public var level: Int
        public var text: String
    }

    /// A heading and the lines that follow it, up to the next heading that opens a module or a lesson.
    struct Section {
        var level: Int
        var title: String
        var explicitID: String?
        var body: [String]
    }

    /// Reads an article: one UTF-8 file within the size a course may have.
    public static func read(path: String) -> (source: SourceText?, diagnostics: [Diagnostic]) {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            return (nil, [Diagnostic(.error, "a folder; import takes one article, a Markdown or plain-text file", path: path)])
        }
        var diagnostics: [Diagnostic] = []
        let source = CourseLoader.readSource(path: path, DiskFile.read(path), &diagnostics)
        return (source, diagnostics)
    }

    public static func make(_ source: SourceText, fallbackTitle: String) -> Result {
        let parsed = MarkdownConverter.convert(source)
        let isMarkdown = parsed.blocks.contains { if case .heading = $0.block { true } else { false } }
        var headings: [FoundHeading] = []
        let sections = isMarkdown ? markdownSections(source, parsed.blocks)
            : PlainTextArticle.sections(source.lines, headings: &headings)
        // The article's own prompts keep their ids; the starter prompts get others.
        var writer = CourseWriter(fallbackTitle: fallbackTitle)
        for prompt in Lesson(id: "", title: "", path: "", blocks: parsed.blocks.map(\.block)).prompts {
            _ = writer.promptIDs.reserve(prompt.id)
        }
        var result = writer.write(sections)
        result.headings = headings
        result.wasPlainText = !isMarkdown
        return result
    }

    /// The article's sections at its top-level headings of levels 1 to 3; deeper headings stay in the
    /// text, one level up, so they stay inside their lesson.
    private static func markdownSections(_ source: SourceText, _ blocks: [PositionedBlock]) -> [Section] {
        var lines = source.lines
        var boundaries: [(line: Int, level: Int, content: [Inline])] = []
        for block in blocks {
            guard case .heading(let level, let content) = block.block, let line = block.position?.line else { continue }
            if level <= 3 {
                boundaries.append((line, level, content))
            } else {
                lines[line - 1] = oneLevelUp(lines[line - 1])
            }
        }
        var sections = [Section(level: 0, title: "", body: Array(lines[..<((boundaries.first?.line ?? lines.count + 1) - 1)]))]
        for (index, boundary) in boundaries.enumerated() {
            let end = index + 1 < boundaries.count ? boundaries[index + 1].line - 1 : lines.count
            let start = afterHeading(lines, startingAt: boundary.line - 1, end: end)
            let heading = SectionHeading(content: boundary.content, position: nil)
            sections.append(Section(level: boundary.level, title: heading.title, explicitID: heading.explicitID,
                                    body: Array(lines[start..<end])))
        }
        return sections
    }

    /// The index of the first line after a heading that starts at `index`: the next line for `#`
    /// headings, after the `===` or `---` underline for the others.
    private static func afterHeading(_ lines: [String], startingAt index: Int, end: Int) -> Int {
        if lines[index].drop(while: { $0 == " " }).hasPrefix("#") { return index + 1 }
        var next = index + 1
        while next < end, !isUnderline(lines[next]) { next += 1 }
        return min(end, next + 1)
    }

    private static func isUnderline(_ line: String) -> Bool {
        let text = line.trimmingSpaces
        return !text.isEmpty && (text.allSatisfy { $0 == "=" } || text.allSatisfy { $0 == "-" })
    }

    /// `#### Heading` as `### Heading`: inside a lesson, a level below the lesson's own.
    private static func oneLevelUp(_ line: String) -> String {
        guard let hash = line.firstIndex(of: "#") else { return line }
        var result = line
        result.remove(at: hash)
        return result
    }
}

/// Writes sections as a course folder: the manifest, a file per module, and a starter support page.
private struct CourseWriter {
    var fallbackTitle: String
    var promptIDs = IDAllocator()
    var lessonIDs = IDAllocator()
    var moduleIDs = IDAllocator()

    struct Module {
        var title: String
        var explicitID: String?
        var lessons: [(title: String, explicitID: String?, body: [String])] = []
    }

    mutating func write(_ sections: [ArticleImport.Section]) -> ArticleImport.Result {
        var title: String?
        var courseID: String?
        var modules: [Module] = []
        var introduction: [String] = []
        for section in sections {
            if section.level == 1 && title == nil {
                // The first `#` is the course's title; a later one opens a module, as a `##` does.
                title = section.title
                courseID = section.explicitID
            } else if section.level == 1 || section.level == 2 {
                modules.append(Module(title: section.title, explicitID: section.explicitID))
            } else if section.level == 3 {
                if modules.isEmpty { modules.append(Module(title: "Introduction", explicitID: nil)) }
                modules[modules.count - 1].lessons.append((section.title, section.explicitID, section.body))
                continue
            }
            if modules.isEmpty { introduction = joined(introduction, section.body) } else { append(section.body, to: &modules) }
        }
        let courseTitle = title ?? fallbackTitle
        if hasText(introduction) {
            let name = modules.isEmpty ? courseTitle : "Introduction"
            modules.insert(Module(title: name, explicitID: nil, lessons: [(name, nil, introduction)]), at: 0)
        }
        for index in modules.indices where modules[index].lessons.isEmpty {
            modules[index].lessons = [(modules[index].title, nil, [])]
        }

        var files: [String: String] = [:]
        var names: [String] = []
        for (number, module) in modules.enumerated() {
            let stem = String(format: "%02d-", number + 1) + Slug.make(module.title, fallback: "module").prefix(40)
            let name = moduleIDs.unique(stem) + ".md"
            names.append(name)
            files[name] = moduleText(module)
        }
        files["course.yaml"] = manifest(title: courseTitle, id: courseID, modules: names)
        files["support.md"] = Self.supportPage
        return ArticleImport.Result(title: courseTitle, files: files, moduleCount: modules.count,
                                    lessonCount: modules.reduce(0) { $0 + $1.lessons.count }, headings: [],
                                    wasPlainText: false)
    }

    /// Text under a module's heading opens it with a lesson of its own, titled after the module; text
    /// after a title that follows lessons goes on with the last lesson.
    private func append(_ body: [String], to modules: inout [Module]) {
        guard hasText(body) else { return }
        let last = modules.count - 1
        if modules[last].lessons.isEmpty {
            modules[last].lessons.append((modules[last].title, nil, body))
        } else {
            let lesson = modules[last].lessons.count - 1
            modules[last].lessons[lesson].body = joined(modules[last].lessons[lesson].body, body)
        }
    }

    /// Two runs of text with one blank line between them.
    private func joined(_ first: [String], _ second: [String]) -> [String] {
        let first = trimmed(first), second = trimmed(second)
        return first.isEmpty || second.isEmpty ? first + second : first + [""] + second
    }

    /// Lines without the blank lines at either end.
    private func trimmed(_ lines: [String]) -> [String] {
        let isBlank = { (line: String) in line.trimmingSpaces.isEmpty }
        return Array(lines.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }

    private func hasText(_ lines: [String]) -> Bool {
        lines.contains { !$0.trimmingSpaces.isEmpty }
    }

    private mutating func moduleText(_ module: Module) -> String {
        var text = "# \(MarkdownText.escaped(module.title))\n"
        for lesson in module.lessons {
            let id = lesson.explicitID.map { lessonIDs.reserve($0) ? $0 : lessonIDs.unique($0) }
                ?? lessonIDs.unique(Slug.make(lesson.title, fallback: "lesson"))
            let prompt = promptIDs.unique("\(id)-reflection")
            let body = trimmed(lesson.body)
            text += "\n## \(MarkdownText.escaped(lesson.title)) {#\(id)}\n\n"
            if !body.isEmpty { text += body.joined(separator: "\n") + "\n\n" }
            text += "> [!REFLECT] \(prompt)\n> What stays with you from \u{201C}\(MarkdownText.escaped(lesson.title))\u{201D}, and why?\n"
        }
        return text
    }

    private func manifest(title: String, id: String?, modules: [String]) -> String {
        var text = ""
        if let id { text += "id: \(id)\n" }
        text += "title: \(MarkdownText.yamlQuoted(title))\nmodules:\n"
        text += modules.map { "  - \($0)\n" }.joined()
        text += "support: support.md\n"
        return text
    }

    static let supportPage = """
        # Support

        This course is not a substitute for professional care. If something in it brings up more than
        you can manage, stop and reach out to someone.

        > [!WARNING]
        > If you are in danger, or thinking about harming yourself, call your local emergency number or a
        > crisis line now.

        Talking with someone you trust, a doctor, or a counsellor can help. You can come back to the
        course whenever you are ready.

        """
}
