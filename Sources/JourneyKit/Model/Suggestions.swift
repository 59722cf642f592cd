extension Course {
    /// Up to three lesson ids closest to `id`, for "did you mean" messages.
    public func lessonIDs(closestTo id: String) -> [String] {
        let query = id.lowercased()
        return lessons.map(\.id)
            .map { candidate in
                (candidate, candidate.contains(query) || query.contains(candidate) ? 0 : Self.editDistance(query, candidate))
            }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(3)
            .map(\.0)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
