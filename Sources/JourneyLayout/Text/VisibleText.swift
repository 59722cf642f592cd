/// Makes control characters from content visible, so none ever reaches a terminal:
/// C0 controls and DEL in caret notation (`^[`, `^?`), C1 controls as `<U+009B>`.
public enum VisibleText {
    public static func make(_ text: String) -> String {
        guard mayHoldControls(text) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F: result += "^" + String(Character(Unicode.Scalar(UInt8(scalar.value) + 0x40)))
            case 0x7F: result += "^?"
            case 0x80...0x9F: result += "<U+00" + String(scalar.value, radix: 16, uppercase: true) + ">"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Prose: tabs and line breaks become spaces first.
    public static func prose(_ text: String) -> String {
        guard mayHoldControls(text) else { return text }
        return make(String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 }))
    }

    /// A fast check on the bytes: C0 and DEL are single bytes, C1 controls start with 0xC2.
    private static func mayHoldControls(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }
    }

    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
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
