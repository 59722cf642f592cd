/// Decodes the character references md4c reports (`&#233;`, `&#xE9;`, `&eacute;`).
/// Numeric references are decoded in full; named ones from the common set below, others kept as written.
enum HTMLEntity {
    static func decode(_ entity: String) -> String? {
        guard entity.hasPrefix("&"), entity.hasSuffix(";"), entity.count > 2 else { return nil }
        let body = entity.dropFirst().dropLast()
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return scalar(UInt32(body.dropFirst(2), radix: 16))
        }
        if body.hasPrefix("#") {
            return scalar(UInt32(body.dropFirst(), radix: 10))
        }
        return named[String(body)]
    }

    /// CommonMark: invalid and zero code points become U+FFFD.
    private static func scalar(_ value: UInt32?) -> String {
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return String(Character(scalar))
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷",
        "middot": "·", "bull": "•", "hellip": "…", "ndash": "–", "mdash": "—", "minus": "−",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "hearts": "♥", "check": "✓",
        "sect": "§", "para": "¶", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "shy": "\u{AD}",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â",
        "iacute": "í", "oacute": "ó", "uacute": "ú", "ntilde": "ñ", "ccedil": "ç", "ouml": "ö",
        "uuml": "ü", "auml": "ä", "szlig": "ß", "zwj": "\u{200D}", "zwnj": "\u{200C}",
    ]
}
