/// A problem found in a course, reported as `path:line:col: severity: message`.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, _ message: String, path: String, at position: SourcePosition? = nil) {
        self.severity = severity
        self.message = message
        self.path = path
        self.line = position?.line
        self.column = position?.column
    }

    /// The conventional one-line form, with line and column left out when unknown.
    public var formatted: String {
        var location = path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Sorted by path, then line, then column (numbers compared as numbers); unlocated first.
    public func sortedForReport() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let l = a.element, r = b.element
            if l.path != r.path { return l.path < r.path }
            if (l.line ?? 0) != (r.line ?? 0) { return (l.line ?? 0) < (r.line ?? 0) }
            if (l.column ?? 0) != (r.column ?? 0) { return (l.column ?? 0) < (r.column ?? 0) }
            return a.offset < b.offset
        }.map(\.element)
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
}
