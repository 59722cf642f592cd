import JourneyLayout

/// Text being written and the cursor in it. Pure editing by whole characters (grapheme clusters, so
/// the cursor never lands inside an accent or an emoji), word-wrapped by display width.
///
/// Each key costs work in proportion to the paragraph it changes, not to the whole text: the text is
/// kept both as characters and as a `String` (updated in place through the UTF-8 offset of each
/// character), and the rows at the width last asked for (`wrap(at:)`) are re-wrapped only for the
/// paragraph an edit touches.
public struct TextArea: Equatable, Sendable {
    /// Longer text is not taken in, so every key stays quick.
    public static let maximumLength = 100_000

    public private(set) var characters: [Character]
    /// The same text as a string, always in step with `characters`.
    public private(set) var text: String
    /// Where the cursor is: an index into `characters`, from 0 to its count.
    public private(set) var cursor: Int
    /// The column that moving up and down aims for, kept across shorter rows.
    private var goalColumn: Int?
    /// The UTF-8 offset in `text` where each character starts, and one for the end.
    private var offsets: [Int]
    /// The wrapping width `rows` holds rows for.
    private var width = 0
    private var wrapped: [Range<Int>] = []

    public init(_ text: String = "") {
        let clean = Self.clean(text)
        characters = Array(clean)
        self.text = clean
        cursor = characters.count
        offsets = Self.offsets(of: characters[...], from: 0)
    }

    /// Keeps rows for this width from now on, re-wrapping only what edits change.
    public mutating func wrap(at width: Int) {
        guard width != self.width else { return }
        self.width = width
        wrapped = rows(width: width, from: 0, to: characters.count)
    }

    // MARK: Editing

    /// Inserts typed or pasted text at the cursor: line endings become `\n`, tabs spaces, and other
    /// control characters are dropped.
    public mutating func insert(_ text: String) {
        let room = Self.maximumLength - characters.count
        guard room > 0 else { return }
        replace(cursor..<cursor, with: Array(Self.clean(text).prefix(room)))
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        replace(cursor - 1..<cursor, with: [])
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        let at = cursor
        replace(at..<at + 1, with: [])
        cursor = at
    }

    /// Deletes back to the start of the word before the cursor (Ctrl-W).
    public mutating func deleteWordBackward() {
        replace(wordStart(before: cursor)..<cursor, with: [])
    }

    /// Deletes from the cursor to the end of its line (Ctrl-K), or the line break there.
    public mutating func deleteToLineEnd() {
        let end = characters[cursor...].firstIndex(of: "\n") ?? characters.count
        let at = cursor
        replace(at..<(end == at ? min(characters.count, end + 1) : end), with: [])
        cursor = at
    }

    /// Deletes from the start of the cursor's line to the cursor (Ctrl-U).
    public mutating func deleteToLineStart() {
        let start = characters[..<cursor].lastIndex(of: "\n").map { $0 + 1 } ?? 0
        replace(start..<cursor, with: [])
    }

    // MARK: Moving

    public enum Motion: Sendable {
        case left, right, wordLeft, wordRight, up, down, pageUp, pageDown, rowStart, rowEnd, start, end
    }

    /// Moves the cursor; `width` is the wrapping width and `page` the rows that show at once.
    public mutating func move(_ motion: Motion, width: Int, page: Int = 1) {
        let rows = rows(width: width)
        let (row, column) = position(in: rows)
        switch motion {
        case .up, .down, .pageUp, .pageDown:
            let step = switch motion {
            case .up: -1
            case .down: 1
            case .pageUp: -max(1, page - 1)
            default: max(1, page - 1)
            }
            let goal = goalColumn ?? column
            let target = min(max(0, row + step), rows.count - 1)
            if target == row {
                cursor = step < 0 ? 0 : characters.count
                goalColumn = nil
            } else {
                cursor = index(in: rows, row: target, column: goal)
                goalColumn = goal
            }
            return
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .rowStart: cursor = rows[row].lowerBound
        case .rowEnd: cursor = index(in: rows, row: row, column: .max)
        case .start: cursor = 0
        case .end: cursor = characters.count
        }
        goalColumn = nil
    }

    // MARK: Wrapping

    /// The text's rows at `width` columns, as ranges of `characters` (line breaks left out). Words wrap
    /// whole; a space that ends a row may hang past the width, and a word wider than a row is broken.
    public func rows(width: Int) -> [Range<Int>] {
        width == self.width && width > 0 ? wrapped : rows(width: width, from: 0, to: characters.count)
    }

    /// The rows of the paragraphs from `start` (a paragraph's start) to `end` (the end of the text or a
    /// line break).
    private func rows(width: Int, from start: Int, to end: Int) -> [Range<Int>] {
        let width = max(1, width)
        var rows: [Range<Int>] = []
        var start = start
        var column = 0
        var afterSpace: Int?
        var index = start
        while index <= end {
            guard index < end, characters[index] != "\n" else {
                rows.append(start..<index)
                start = index + 1
                column = 0
                afterSpace = nil
                index += 1
                continue
            }
            if characters[index] == " " {
                column += 1
                index += 1
                afterSpace = index
                continue
            }
            let characterWidth = DisplayWidth.of(characters[index])
            while column + characterWidth > width && index > start {
                if let breakAt = afterSpace, breakAt > start {
                    rows.append(start..<breakAt)
                    start = breakAt
                    column = Self.width(characters[breakAt..<index])
                } else {
                    rows.append(start..<index)
                    start = index
                    column = 0
                }
                afterSpace = nil
            }
            column += characterWidth
            index += 1
        }
        return rows
    }

    /// The cursor's row and column at `width`.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        position(in: rows(width: width))
    }

    private func position(in rows: [Range<Int>]) -> (row: Int, column: Int) {
        // The last row starting at or before the cursor: the end of a row that wraps is the next one's start.
        let row = rows.lastIndex { $0.lowerBound <= cursor } ?? 0
        return (row, Self.width(characters[rows[row].lowerBound..<min(cursor, rows[row].upperBound)]))
    }

    /// The index in `row` nearest to `column` without passing it; the end of a wrapped row stays on it.
    private func index(in rows: [Range<Int>], row: Int, column: Int) -> Int {
        let range = rows[row]
        let wraps = row + 1 < rows.count && rows[row + 1].lowerBound == range.upperBound
        let last = wraps ? max(range.lowerBound, range.upperBound - 1) : range.upperBound
        var index = range.lowerBound
        var used = 0
        while index < last {
            let next = used + DisplayWidth.of(characters[index])
            if next > column { break }
            used = next
            index += 1
        }
        return index
    }

    // MARK: Plumbing

    /// Replaces a range and lets the characters around it join up again (an accent typed after its
    /// letter becomes one character); the cursor goes after the new text. Keeps `text`, the offsets and
    /// the rows in step.
    private mutating func replace(_ range: Range<Int>, with new: [Character]) {
        let lower = max(0, range.lowerBound - 1)
        let upper = min(characters.count, range.upperBound + 1)
        let before = String(characters[lower..<range.lowerBound]) + String(new)
        let joinedText = before + String(characters[range.upperBound..<upper])
        let joined = Array(joinedText)
        let utf8 = text.utf8
        text.replaceSubrange(utf8.index(utf8.startIndex, offsetBy: offsets[lower])..<utf8.index(utf8.startIndex, offsetBy: offsets[upper]),
                             with: joinedText)
        let shift = joinedText.utf8.count - (offsets[upper] - offsets[lower])
        offsets.replaceSubrange(lower..<upper, with: Self.offsets(of: joined[...], from: offsets[lower]).dropLast())
        for index in (lower + joined.count)..<offsets.count { offsets[index] += shift }
        characters.replaceSubrange(lower..<upper, with: joined)
        cursor = lower + min(joined.count, Array(before).count)
        goalColumn = nil
        rewrap(lower..<upper, becoming: joined.count)
    }

    /// Re-wraps the paragraphs around a replaced range; the rows after them only move.
    private mutating func rewrap(_ replaced: Range<Int>, becoming count: Int) {
        guard width > 0 else { return }
        let shift = count - replaced.count
        let start = characters[..<replaced.lowerBound].lastIndex(of: "\n").map { $0 + 1 } ?? 0
        let end = characters[(replaced.lowerBound + count)...].firstIndex(of: "\n") ?? characters.count
        // The old rows of those paragraphs: from the row holding `start` to the one ending at the old `end`.
        let first = wrapped.firstIndex { $0.upperBound >= start } ?? wrapped.count
        let last = wrapped.lastIndex { $0.lowerBound <= end - shift } ?? first
        let fresh = rows(width: width, from: start, to: end)
        let after = wrapped[(last + 1)...].map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
        wrapped = Array(wrapped[..<first]) + fresh + after
    }

    private static func offsets(of characters: ArraySlice<Character>, from start: Int) -> [Int] {
        var offsets = [start]
        offsets.reserveCapacity(characters.count + 1)
        for character in characters { offsets.append(offsets[offsets.count - 1] + character.utf8.count) }
        return offsets
    }

    private func wordStart(before index: Int) -> Int {
        var index = index
        while index > 0 && !Self.isWord(characters[index - 1]) { index -= 1 }
        while index > 0 && Self.isWord(characters[index - 1]) { index -= 1 }
        return index
    }

    private func wordEnd(after index: Int) -> Int {
        var index = index
        while index < characters.count && !Self.isWord(characters[index]) { index += 1 }
        while index < characters.count && Self.isWord(characters[index]) { index += 1 }
        return index
    }

    private static func isWord(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    private static func width(_ characters: ArraySlice<Character>) -> Int {
        characters.reduce(0) { $0 + DisplayWidth.of($1) }
    }

    /// Text as the editor keeps it: `\n` line breaks, tabs as four spaces, no other control characters.
    private static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { VisibleText.isControl($0) }) else { return text }
        var result = ""
        for scalar in text.replacingCarriageReturns.unicodeScalars {
            if scalar == "\n" {
                result.unicodeScalars.append(scalar)
            } else if scalar == "\t" {
                result += "    "
            } else if !VisibleText.isControl(scalar) {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

private extension String {
    /// `\r\n` and lone `\r` as `\n`.
    var replacingCarriageReturns: String {
        var result = ""
        var previousWasReturn = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result += "\n"
                previousWasReturn = true
                continue
            }
            if !(scalar == "\n" && previousWasReturn) { result.unicodeScalars.append(scalar) }
            previousWasReturn = false
        }
        return result
    }
}
