extension Course {
    /// Up to three lesson ids close to `id`, for "did you mean" messages; none when nothing is close.
    public func lessonIDs(closestTo id: String) -> [String] {
        Suggestions.closest(to: id, among: lessons.map(\.id))
    }
}

/// "Did you mean": the names close to a mistyped one.
public enum Suggestions {
    /// Up to `count` of `names` close to `typed`: names that hold it (or that it holds), or that are a
    /// few edits away (with `edits` given, only those within that many edits; else within two fifths of
    /// its length); none when nothing is close. Cheap on any list: the query is cut to the longest an id
    /// can be, and each comparison stops once it is past the edits allowed.
    public static func closest(to typed: String, among names: [String], count: Int = 3, edits: Int? = nil) -> [String] {
        let query = String(typed.lowercased().prefix(PromptID.maximumLength))
        let scalars = Array(query.unicodeScalars)
        let allowed = edits ?? max(2, scalars.count * 2 / 5)
        return names
            .compactMap { candidate -> (String, Int)? in
                if edits == nil, query.count >= 3, candidate.contains(query) || query.contains(candidate) { return (candidate, 0) }
                return editDistance(scalars, Array(candidate.unicodeScalars), limit: allowed).map { (candidate, $0) }
            }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(count)
            .map(\.0)
    }

    /// The edit distance of `a` and `b` when it is at most `limit`, else nil. Only cells within `limit`
    /// of the diagonal are worked out, and the work stops once a whole row is past `limit`.
    static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        let beyond = limit + 1
        var previous = (0...b.count).map { Swift.min($0, beyond) }
        var current = previous
        for i in 1...a.count {
            let low = Swift.max(1, i - limit), high = Swift.min(b.count, i + limit)
            current[low - 1] = low == 1 ? Swift.min(i, beyond) : beyond
            var best = current[low - 1]
            for j in low...high {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution, beyond)
                best = Swift.min(best, current[j])
            }
            if high < b.count { current[high + 1] = beyond }
            guard best <= limit else { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
