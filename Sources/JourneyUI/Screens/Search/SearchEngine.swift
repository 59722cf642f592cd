import JourneyKit
import JourneyLayout

/// Case-insensitive search for a phrase in the text of the course, a block at a time, so that a phrase
/// is found across line breaks and the results are the same at any width. The text is gathered once per
/// course (in slices, which show how far they have got and let keys and signals through); every search
/// after that is a scan of it.
enum SearchEngine {
    /// A search shows at most this many matches: more is too many to read, and more words narrow it.
    static let maximumResults = 1_000
    /// A slice gathers whole lessons until it has gathered at least this many bytes of text.
    static let bytesPerSlice = 64_000
    /// Context kept on each side of a match in a result, in bytes.
    static let context = 60

    /// A search under way: gathering the course's text, or done.
    struct Progress: Equatable, Sendable {
        var found: [SearchResult] = []
        var isCut = false
    }

    /// Gathers one slice more of the course's text into `index`; when it is all there, searches it.
    /// True when the search is done.
    static func advance(_ progress: inout Progress, for query: String, index: inout SearchIndex, in lessons: [Lesson])
        -> Bool {
        if !index.isComplete(lessons.count) {
            index.gather(from: lessons, bytes: bytesPerSlice)
            guard index.isComplete(lessons.count) else { return false }
        }
        (progress.found, progress.isCut) = index.search(query, limit: maximumResults)
        return true
    }

    /// Lower case with runs of white space as one space: how both the text and a query are compared.
    static func folded(_ text: String) -> String {
        spaced(text).lowercased()
    }

    /// Runs of white space as one space, none at either end.
    static func spaced(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// The text of every lesson, a block at a time, as the reader sees it and folded for comparing.
struct SearchIndex: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var lesson: Int
        /// The block's anchor in the laid-out lesson: 0 the title, then 1 on for its blocks.
        var anchor: Int
        var text: String
        /// The text in lower case, as bytes: what a query is compared with.
        var folded: [UInt8]
    }

    private(set) var entries: [Entry] = []
    /// The lessons gathered so far.
    private(set) var lessons = 0

    func isComplete(_ count: Int) -> Bool { lessons >= count }

    /// How far gathering has got, in percent.
    func percent(of count: Int) -> Int { lessons * 100 / max(1, count) }

    mutating func gather(from all: [Lesson], bytes: Int) {
        var gathered = 0
        while lessons < all.count, gathered < bytes {
            let lesson = all[lessons]
            let texts = [lesson.title] + lesson.blocks.map(\.plainText)
            for (anchor, text) in texts.enumerated() {
                let shown = SearchEngine.spaced(text)
                guard !shown.isEmpty else { continue }
                entries.append(Entry(lesson: lessons, anchor: anchor, text: shown, folded: Array(shown.lowercased().utf8)))
                gathered += shown.utf8.count
            }
            lessons += 1
        }
    }

    /// The matches of `query`, in course order, at most `limit`; and whether there were more.
    func search(_ query: String, limit: Int) -> ([SearchResult], Bool) {
        let needle = Array(SearchEngine.folded(query).utf8)
        guard !needle.isEmpty else { return ([], false) }
        var found: [SearchResult] = []
        for entry in entries {
            let haystack = entry.folded
            var start = 0
            // What a result shows is taken from the block's own text, read once whatever the matches.
            var shown: [UInt8]?
            while let match = Self.firstMatch(of: needle, in: haystack, from: start) {
                guard found.count < limit else { return (found, true) }
                let source = shown ?? SearchResult.source(of: entry)
                shown = source
                found.append(SearchResult(entry, source: source, match: match..<match + needle.count))
                start = match + needle.count
            }
        }
        return (found, false)
    }

    private static func firstMatch(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count - start >= needle.count else { return nil }
        var position = start
        let first = needle[0]
        while position + needle.count <= haystack.count {
            if haystack[position] == first && haystack[position..<position + needle.count].elementsEqual(needle) {
                return position
            }
            position += 1
        }
        return nil
    }
}

/// A match of a search, where it is in a way that holds at any width, and the words around it.
struct SearchResult: Equatable, Sendable {
    var lesson: Int
    var place: Reader.Place
    /// The text before the match (with `…` when cut), the match as written, and the text after.
    var before: String
    var match: String
    var after: String

    /// The bytes a result shows: the block's text, or its folded text when folding changed its length.
    static func source(of entry: SearchIndex.Entry) -> [UInt8] {
        entry.text.utf8.count == entry.folded.count ? Array(entry.text.utf8) : entry.folded
    }

    init(_ entry: SearchIndex.Entry, source: [UInt8], match: Range<Int>) {
        lesson = entry.lesson
        place = Reader.Place(block: entry.anchor, fraction: Double(match.lowerBound) / Double(max(1, source.count)))
        let from = Self.boundary(max(0, match.lowerBound - SearchEngine.context), in: source)
        let to = Self.boundary(min(source.count, match.upperBound + SearchEngine.context * 2), in: source)
        before = (from > 0 ? "…" : "") + String(decoding: source[from..<match.lowerBound], as: UTF8.self)
        self.match = String(decoding: source[match], as: UTF8.self)
        after = String(decoding: source[match.upperBound..<to], as: UTF8.self) + (to < source.count ? "…" : "")
    }

    /// `offset`, moved back to the start of a character's bytes.
    private static func boundary(_ offset: Int, in bytes: [UInt8]) -> Int {
        var offset = offset
        while offset > 0, offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
        return offset
    }
}

extension SearchEngine {
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

    /// Underlines each match of `query` in a line, keeping the spans' own roles; a phrase that goes on
    /// from the line before or to the next (`before`, `after`: their text) is underlined where it is.
    /// Link numbers (`[1]`) and reference lines are not text: a phrase runs past them.
    static func highlighting(_ query: String, in spans: [Span], before: String = "", after: String = "") -> [Span] {
        let characters = spans.flatMap { span in span.text.map { ($0, span.role) } }
        // The line's words, as (character, its index in `characters`), without link numbers.
        let words = characters.indices.filter { !characters[$0].1.contains(.linkTarget) }
        let first = words.firstIndex { isWordStart(characters[$0].0) } ?? words.count
        let last = (words.lastIndex { !characters[$0].0.isWhitespace } ?? -1) + 1
        let shown = first < last ? Array(words[first..<last]) : []
        let lead = Self.words(before), tail = Self.words(after)
        var all = lead.isEmpty ? [] : lead + [" "]
        let start = all.count
        all += shown.map { characters[$0].0 }
        if !tail.isEmpty { all += [" "] + tail }
        var matched = Set<Int>()
        for range in matches(of: folded(query), in: all) {
            for index in range where index >= start && index < start + shown.count { matched.insert(shown[index - start]) }
        }
        guard !matched.isEmpty else { return spans }
        return characters.enumerated().map { index, pair in
            Span(String(pair.0), matched.contains(index) ? pair.1.union(.match) : pair.1)
        }
    }

    /// A line's words, without the frame, bar or bullet before them.
    private static func words(_ text: String) -> [Character] {
        let characters = Array(text)
        let first = characters.firstIndex(where: isWordStart) ?? characters.count
        let last = (characters.lastIndex { !$0.isWhitespace } ?? -1) + 1
        return first < last ? Array(characters[first..<last]) : []
    }

    private static func isWordStart(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "\"'(“‘[`".contains(character)
    }
}
