import JourneyKit
import JourneyLayout

/// Case-insensitive search over the text of every lesson as laid out, so a result's line is the line
/// the reader will see. It runs in slices, so a long search shows how far it has got and keys and
/// signals are handled between them.
enum SearchEngine {
    /// A search shows at most this many matching lines: more is too many to read, and more words narrow it.
    static let maximumResults = 1_000
    /// A slice searches whole lessons until it has searched at least this many laid-out lines.
    static let linesPerSlice = 4_000

    /// A search under way: the next lesson to look in and what has been found.
    struct Progress: Equatable, Sendable {
        var nextLesson = 0
        var found: [SearchResult] = []
    }

    /// Searches one slice on from `progress`; true when the search is done. It stops at one match more
    /// than is shown, so that the screen can tell there were more.
    static func advance(_ progress: inout Progress, for query: String, in lessons: [Lesson], layout: Layout) -> Bool {
        let needle = query.lowercased()
        var searched = 0
        while progress.nextLesson < lessons.count, searched < linesPerSlice, progress.found.count <= maximumResults {
            let lines = layout.lines(for: lessons[progress.nextLesson])
            for (index, line) in lines.enumerated() where line.text.lowercased().contains(needle) {
                guard progress.found.count <= maximumResults else { break }
                progress.found.append(SearchResult(lesson: progress.nextLesson, place: Reader.place(of: index, in: lines),
                                                   text: line.text))
            }
            searched += lines.count
            progress.nextLesson += 1
        }
        return progress.nextLesson == lessons.count || progress.found.count > maximumResults
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
