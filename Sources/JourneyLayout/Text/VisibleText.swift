/// Makes control characters from content visible, so none ever reaches a terminal: C0 controls and
/// DEL in caret notation (`^[`, `^?`), C1 controls, the line and paragraph separators and the
/// bidirectional controls that can make text show as something it is not (U+202E and friends) as
/// `<U+009B>`, `<U+202E>`.
public enum VisibleText {
    /// `text` with its controls made visible, but those in `kept` (such as line breaks in JSON, which
    /// escapes them itself).
    public static func make(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
        guard mayHoldControls(text) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case _ where kept.contains(scalar): result.unicodeScalars.append(scalar)
            case 0x00...0x1F: result += "^" + String(Character(Unicode.Scalar(UInt8(scalar.value) + 0x40)))
            case 0x7F: result += "^?"
            case _ where isControl(scalar): result += "<U+" + hex(scalar.value) + ">"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Prose: tabs and line breaks become spaces first.
    public static func prose(_ text: String) -> String {
        guard mayHoldControls(text) else { return text }
        return make(String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 }))
    }

    /// A fast check on the bytes: C0 and DEL are single bytes, C1 controls start with 0xC2, the
    /// separators and bidirectional controls are E2 80 8E-8F, E2 80 A8-AE, E2 81 A6-A9 and D8 9C.
    public static func mayHoldControls(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || byte == 0xC2 { return true }
            if beforePrevious == 0xE2 {
                if previous == 0x80 && (byte == 0x8E || byte == 0x8F || (0xA8...0xAE).contains(byte)) { return true }
                if previous == 0x81 && (0xA6...0xA9).contains(byte) { return true }
            }
            if previous == 0xD8 && byte == 0x9C { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// A control character, a line or paragraph separator, or a bidirectional control (embeddings,
    /// overrides, isolates, marks).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

extension String {
    /// The text's lines, split at `\n` on the bytes (a line break is ASCII, never inside a multi-byte
    /// character), which is many times faster than splitting by `Character`; an empty line stays.
    public var lines: [Substring] {
        guard utf8.contains(UInt8(ascii: "\n")) else { return [self[...]] }
        return utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }
}
