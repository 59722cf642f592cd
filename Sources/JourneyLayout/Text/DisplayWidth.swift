/// How many terminal columns text takes, by grapheme cluster: East Asian wide and emoji take two,
/// combining marks and other zero-width characters none. Fixed tables generated from the Unicode
/// Character Database (`DisplayWidthTables.swift`, scripts/generate-tables) and checked against the C
/// library's wcwidth, which ncurses counts with, so the locale never matters and the two agree.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        if character.isASCII { return 1 }
        let scalars = character.unicodeScalars
        let first = scalars.first!
        // Emoji sequences (ZWJ, VS16) and flags; a joiner or selector after anything else changes nothing.
        if scalars.count > 1, first.properties.isEmoji,
           scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) || isRegionalIndicator(first.value) {
            return 2
        }
        if first.value < 0xA0 { return first.value < 0x80 ? 1 : 0 }
        if contains(wideRanges, first.value) { return 2 }
        return contains(zeroRanges, first.value) ? 0 : 1
    }

    public static func of(_ text: String) -> Int {
        of(text[...])
    }

    public static func of(_ text: Substring) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    private static func isRegionalIndicator(_ value: UInt32) -> Bool {
        (0x1F1E6...0x1F1FF).contains(value)
    }

    /// Whether sorted, separate `ranges` hold `value` (a binary search).
    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < ranges[middle].lowerBound { high = middle - 1 }
            else if value > ranges[middle].upperBound { low = middle + 1 }
            else { return true }
        }
        return false
    }
}
