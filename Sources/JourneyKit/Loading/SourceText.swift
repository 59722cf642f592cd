import Glibc

/// The bytes of one Markdown file, repaired to valid UTF-8, with a table of line starts.
public struct SourceText: Sendable {
    public let path: String
    /// Valid UTF-8: each invalid sequence of the file is replaced by U+FFFD.
    public let bytes: [UInt8]
    private let lineStarts: [Int]

    /// Repairs invalid UTF-8 and reports where the first invalid sequence was.
    public init(path: String, bytes raw: [UInt8], diagnostics: inout [Diagnostic]) {
        self.path = path
        if let invalidOffset = Self.firstInvalidUTF8Offset(in: raw) {
            let position = Self.position(ofOffset: invalidOffset, lineStarts: Self.lineStarts(of: raw))
            diagnostics.append(Diagnostic(.error, "invalid UTF-8; invalid bytes are shown as \u{FFFD}",
                                          path: path, at: position))
            bytes = Array(String(decoding: raw, as: UTF8.self).utf8)
        } else {
            bytes = raw
        }
        lineStarts = Self.lineStarts(of: bytes)
    }

    /// The text of each line, without its line ending; line 1 first.
    public var lines: [String] {
        lineStarts.indices.map { index in
            var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
            while end > lineStarts[index], bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return String(decoding: bytes[lineStarts[index]..<end], as: UTF8.self)
        }
    }

    /// The line and column of a byte offset into `bytes`.
    public func position(ofOffset offset: Int) -> SourcePosition {
        Self.position(ofOffset: offset, lineStarts: lineStarts)
    }

    /// Where each line starts: after `\n`, `\r\n`, or a lone `\r` (as CommonMark ends lines).
    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        // Most files have no carriage return: their lines are found a `\n` at a time.
        guard bytes.offset(of: UInt8(ascii: "\r")) != nil else {
            while let found = bytes.offset(of: UInt8(ascii: "\n"), from: starts[starts.count - 1]) { starts.append(found + 1) }
            return starts
        }
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (offset + 1 == bytes.count || bytes[offset + 1] != UInt8(ascii: "\n"))) {
                starts.append(offset + 1)
            }
        }
        return starts
    }

    private static func position(ofOffset offset: Int, lineStarts: [Int]) -> SourcePosition {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return SourcePosition(line: low + 1, column: offset - lineStarts[low] + 1)
    }

    private static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

extension [UInt8] {
    /// Where `byte` first is, from `start` on (found by `memchr`).
    func offset(of byte: UInt8, from start: Int = 0) -> Int? {
        withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, start < buffer.count,
                  let found = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}
