extension Course {
    /// Up to three lesson ids close to `id`, for "did you mean" messages: ids that hold it (or that it
    /// holds), or that are a few edits away; none when nothing is close. Cheap on any course: the query
    /// is cut to the longest id an id can be, and ids far longer or shorter are not compared.
    public func lessonIDs(closestTo id: String) -> [String] {
        let query = String(id.lowercased().prefix(PromptID.maximumLength))
        let allowed = max(2, query.count * 2 / 5)
        return lessons.map(\.id)
            .compactMap { candidate -> (String, Int)? in
                if query.count >= 3 && (candidate.contains(query) || query.contains(candidate)) { return (candidate, 0) }
                guard abs(candidate.count - query.count) <= allowed else { return nil }
                let distance = Self.editDistance(query, candidate)
                return distance <= allowed ? (candidate, distance) : nil
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
