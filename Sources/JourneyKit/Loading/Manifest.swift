import Yams

/// `course.yaml`: a course folder's title, description, authors, version, language and module order.
struct Manifest {
    static let fileName = "course.yaml"

    var id: String?
    var title: String?
    var description = ""
    var authors: [String] = []
    var version = ""
    var language = ""
    var modules: [(file: String, position: SourcePosition?)] = []
    /// The support page: crisis and help guidance, one key away in the player.
    var support: (file: String, position: SourcePosition?)?

    private static let knownKeys = ["id", "title", "description", "authors", "version", "language", "modules",
                                    "support"]

    /// Reads the manifest; nil with an error when it cannot be used at all.
    static func parse(_ source: SourceText, diagnostics: inout [Diagnostic]) -> Manifest? {
        func report(_ severity: Diagnostic.Severity, _ message: String, _ node: Node?) {
            diagnostics.append(Diagnostic(severity, message, path: source.path, at: node?.mark.map(position)))
        }
        if let problem = ManifestShape.problem(in: source.bytes, path: source.path) {
            diagnostics.append(problem)
            return nil
        }
        let root: Node?
        do {
            // Every value is read as text, so no tag is resolved or constructed (the default resolver
            // compiles regular expressions, and the default constructor builds its tables, on every start).
            root = try Yams.compose(yaml: String(decoding: source.bytes, as: UTF8.self), .basic, Constructor([:], [:], [:]),
                                    .utf8)
        } catch let error as YamlError {
            let (message, mark) = describe(error)
            diagnostics.append(Diagnostic(.error, "malformed manifest: \(message)", path: source.path, at: mark.map(position)))
            return nil
        } catch {
            diagnostics.append(Diagnostic(.error, "malformed manifest: \(error)", path: source.path))
            return nil
        }
        guard let mapping = root?.mapping else {
            report(.error, "malformed manifest: expected keys such as 'title:' and 'modules:'", root)
            return nil
        }
        var manifest = Manifest()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "id":
                guard let id = scalar(value, key, report) else { continue }
                guard PromptID.isValid(id) else {
                    report(.error, "the course id must be letters, digits, '-', '_' or '.', at most "
                        + "\(PromptID.maximumLength) characters; one is made from the title instead", value)
                    continue
                }
                manifest.id = id
            case "title":
                manifest.title = scalar(value, key, report).map { title in
                    guard title.count > SectionHeading.maximumTitleLength else { return title }
                    report(.warning, "the title is \(title.count) characters; it is shown cut to "
                        + "\(SectionHeading.maximumTitleLength)", value)
                    return String(title.prefix(SectionHeading.maximumTitleLength - 1)) + "…"
                }
            case "description": manifest.description = scalar(value, key, report) ?? ""
            case "version": manifest.version = scalar(value, key, report) ?? ""
            case "language": manifest.language = scalar(value, key, report) ?? ""
            case "authors":
                if let sequence = value.sequence {
                    manifest.authors = sequence.compactMap { scalar($0, key, report) }
                } else if let author = scalar(value, key, report) {
                    manifest.authors = [author]
                }
            case "support":
                guard let file = scalar(value, key, report), !file.isEmpty else {
                    report(.error, "'support' names no file; give the support page's Markdown file, or leave the key out",
                           value)
                    continue
                }
                manifest.support = (file, value.mark.map(position))
            case "modules":
                guard let sequence = value.sequence else {
                    report(.error, "'modules' must be a list of Markdown file names", value)
                    return nil
                }
                manifest.modules = sequence.compactMap { node in
                    scalar(node, "a module", report).map { ($0, node.mark.map(position)) }
                }
            default:
                report(.warning, "unknown manifest key '\(key)' is ignored; known keys are "
                    + knownKeys.joined(separator: ", "), keyNode)
            }
        }
        if manifest.title?.isEmpty ?? true {
            report(.warning, "manifest has no 'title'; the folder name is used", root)
        }
        if mapping["modules"] == nil {
            report(.error, "manifest has no 'modules' list naming the course's Markdown files in order", root)
            return nil
        }
        return manifest
    }

    private static func scalar(_ node: Node, _ key: String,
                               _ report: (Diagnostic.Severity, String, Node?) -> Void) -> String? {
        guard let string = node.scalar?.string else {
            report(.error, "\(key) must be a single value, not a list or mapping", node)
            return nil
        }
        return string
    }

    private static func position(_ mark: Mark) -> SourcePosition {
        SourcePosition(line: mark.line, column: mark.column)
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let context = context.map { "\($0.text) " } ?? ""
            return ("\(context)\(problem)", mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("duplicate key \(duplicates.joined(separator: ", "))", context.mark)
        default:
            return ("\(error)", nil)
        }
    }
}
