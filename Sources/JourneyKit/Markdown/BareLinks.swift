/// Bare URLs and email addresses in text (`https://…`, `http://…`, `www.…`, `someone@example.com`)
/// become links, as GitHub shows them. md4c can do this itself, but its permissive autolinks take time
/// quadratic in their number; this is one linear pass over each run of text.
enum BareLinks {
    /// `inlines` with the bare links in their top-level text runs made links (nested spans are linked
    /// when they close; link text and code never are).
    static func link(_ inlines: [Inline]) -> [Inline] {
        guard inlines.contains(where: { if case .text(let text) = $0 { mayHoldLink(text) } else { false } }) else {
            return inlines
        }
        var result: [Inline] = []
        for inline in inlines {
            guard case .text(let text) = inline, mayHoldLink(text) else {
                result.append(inline)
                continue
            }
            result += split(Array(text.utf8))
        }
        return result
    }

    private static func mayHoldLink(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "@") }
    }

    private static let schemes: [(prefix: [UInt8], target: String)] = [
        (Array("https://".utf8), ""), (Array("http://".utf8), ""), (Array("www.".utf8), "http://"),
    ]

    /// Text and links, each link's text exactly as written.
    private static func split(_ bytes: [UInt8]) -> [Inline] {
        var result: [Inline] = []
        var plainStart = 0
        var index = 0
        var localStart = 0
        /// A URL that failed scanned up to here; one starting before it would fail too (its text is part
        /// of that one's), so none is tried: scans never overlap.
        var failedScanEnd = 0
        func emit(_ range: Range<Int>, target prefix: String) {
            if range.lowerBound > plainStart { result.append(.text(String(decoding: bytes[plainStart..<range.lowerBound], as: UTF8.self))) }
            let shown = String(decoding: bytes[range], as: UTF8.self)
            result.append(.link(target: prefix + shown, content: [.text(shown)]))
            plainStart = range.upperBound
        }
        while index < bytes.count {
            let byte = bytes[index]
            // Every scheme starts with h or w: other bytes are passed over at once.
            if byte == UInt8(ascii: "h") || byte == UInt8(ascii: "w"), index >= failedScanEnd, startsWord(bytes, index),
               let scheme = schemes.first(where: { matches(bytes, index, $0.prefix) }) {
                let (end, scanned) = urlEnd(bytes, from: index + scheme.prefix.count)
                if end > index + scheme.prefix.count + 1, bytes[(index + scheme.prefix.count)..<end].contains(UInt8(ascii: ".")) {
                    emit(index..<end, target: scheme.target)
                    index = end
                    localStart = end
                    continue
                }
                failedScanEnd = scanned
            }
            if byte == UInt8(ascii: "@"), localStart < index, localStart >= plainStart, startsWord(bytes, localStart) {
                let end = domainEnd(bytes, from: index + 1)
                if end > index + 1 {
                    emit(localStart..<end, target: "mailto:")
                    index = end
                    localStart = end
                    continue
                }
            }
            if !isLocal(byte) { localStart = index + 1 }
            index += 1
        }
        if plainStart < bytes.count { result.append(.text(String(decoding: bytes[plainStart...], as: UTF8.self))) }
        return result
    }

    /// A link starts at the start of the text or after a space or an opening mark.
    private static func startsWord(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index > 0 else { return true }
        switch bytes[index - 1] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "("), UInt8(ascii: "*"),
             UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        default: return false
        }
    }

    private static func matches(_ bytes: [UInt8], _ index: Int, _ prefix: [UInt8]) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for (offset, expected) in prefix.enumerated() where bytes[index + offset] | 0x20 != expected | 0x20 { return false }
        return true
    }

    /// Where a URL ends: at a space or `<`, less trailing punctuation and unbalanced closing parentheses;
    /// and where the scan for it stopped.
    private static func urlEnd(_ bytes: [UInt8], from start: Int) -> (end: Int, scanned: Int) {
        var end = start
        var open = 0
        var close = 0
        while end < bytes.count, bytes[end] > 0x20, bytes[end] != UInt8(ascii: "<") {
            if bytes[end] == UInt8(ascii: "(") { open += 1 }
            if bytes[end] == UInt8(ascii: ")") { close += 1 }
            end += 1
        }
        let scanned = end
        while end > start {
            let last = bytes[end - 1]
            if isTrailingPunctuation(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") && close > open {
                close -= 1
                end -= 1
            } else {
                break
            }
        }
        return (end, scanned)
    }

    /// Where an email address's domain ends: letters, digits, `-`, `_` and `.`, with at least one `.`
    /// inside; `start` when there is none.
    private static func domainEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count, isDomain(bytes[end]) { end += 1 }
        while end > start, isDomainMark(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end].contains(UInt8(ascii: ".")) ? end : start
    }

    private static func isLocal(_ byte: UInt8) -> Bool {
        isDomain(byte) || byte == UInt8(ascii: "+")
    }

    private static func isDomain(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || isDomainMark(byte)
    }

    private static func isDomainMark(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// Punctuation that ends a sentence rather than a URL.
    private static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
             UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""): return true
        default: return false
        }
    }
}
