import JourneyKit
import JourneyLayout

/// Case-insensitive search over the text of every lesson as laid out, so a result's line is the line
/// the reader will see.
enum SearchEngine {
    static func results(for query: String, in lessons: [Lesson], layout: Layout) -> [SearchResult] {
        let needle = query.lowercased()
        var results: [SearchResult] = []
        for (index, lesson) in lessons.enumerated() {
            for (lineIndex, line) in layout.lines(for: lesson).enumerated() where line.text.lowercased().contains(needle) {
                results.append(SearchResult(lesson: index, line: lineIndex, text: line.text))
            }
        }
        return results
    }

    /// The character ranges (as offsets into `characters`) where `query` matches, ignoring case.
    static func matches(of query: String, in characters: [Character]) -> [Range<Int>] {
        let needle = query.map { $0.lowercased() }
        guard !needle.isEmpty, needle.count <= characters.count else { return [] }
        let haystack = characters.map { $0.lowercased() }
        var ranges: [Range<Int>] = []
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start..<start + needle.count].elementsEqual(needle) {
                ranges.append(start..<start + needle.count)
                start += needle.count
            } else {
                start += 1
            }
        }
        return ranges
    }
}

extension SearchEngine {
    /// Underlines each match of `query` in a line, keeping the spans' own roles.
    static func highlighting(_ query: String, in spans: [Span]) -> [Span] {
        let characters = spans.flatMap { span in span.text.map { ($0, span.role) } }
        let ranges = matches(of: query, in: characters.map(\.0))
        guard !ranges.isEmpty else { return spans }
        var matched = Set<Int>()
        for range in ranges { matched.formUnion(range) }
        return characters.enumerated().map { index, pair in
            Span(String(pair.0), matched.contains(index) ? pair.1.union(.match) : pair.1)
        }
    }
}
