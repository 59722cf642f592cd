import Foundation
import JourneyLayout
import JourneyUI

/// What goes over a shared presentation's socket: one JSON object per line, from the presenter to its
/// followers only: `{"position":{…}}`, or `{"refused":"why"}` before the presenter hangs up.
public enum ShareWire {
    /// A longer line is malformed: it is skipped whole, never kept.
    public static let maximumLine = 4096

    private struct Envelope: Codable {
        var position: SharedPosition?
        var refused: String?
    }

    /// Titles are only for messages: when a line would be too long they are cut (a title of 200
    /// characters may be made of emoji sequences of many bytes each).
    public static func line(_ position: SharedPosition) -> [UInt8] {
        let line = encode(Envelope(position: position))
        guard line.count > maximumLine else { return line }
        var shorter = position
        shorter.courseTitle = cut(position.courseTitle)
        shorter.lessonTitle = cut(position.lessonTitle)
        return encode(Envelope(position: shorter))
    }

    /// At most 500 bytes of UTF-8, whole characters, with an ellipsis when cut.
    private static func cut(_ text: String) -> String {
        var kept = ""
        var bytes = 0
        for character in text {
            bytes += character.utf8.count
            guard bytes <= 500 else { return kept + "…" }
            kept.append(character)
        }
        return kept
    }

    public static func refusal(_ reason: String) -> [UInt8] {
        encode(Envelope(refused: String(reason.prefix(300))))
    }

    /// What a line says, or nil when it is malformed: not JSON, not exactly one of the two, or a position
    /// outside what a course can hold. Text in it is made safe to show.
    public static func news(_ line: some Collection<UInt8>) -> PresenterNews? {
        guard line.count <= maximumLine,
              let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(line)) else { return nil }
        switch (envelope.position, envelope.refused) {
        case (var position?, nil) where position.isWellFormed:
            position.courseTitle = VisibleText.prose(position.courseTitle)
            position.lessonTitle = VisibleText.prose(position.lessonTitle)
            return .position(position)
        case (nil, let reason?) where reason.count <= 300:
            return .refused(VisibleText.prose(reason))
        default:
            return nil
        }
    }

    private static func encode(_ envelope: Envelope) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return Array((try? encoder.encode(envelope)) ?? Data("{}".utf8)) + [0x0A]
    }
}

/// Bytes as they arrive, cut into lines; a line longer than the wire allows is dropped whole, however
/// long it goes on, and never held in memory.
public struct LineBuffer: Sendable {
    private var pending: [UInt8] = []
    /// Inside a line that is already too long: everything up to its end is skipped.
    private var skipping = false

    public init() {}

    /// The complete lines in `bytes` and what came before them.
    public mutating func lines(_ bytes: some Collection<UInt8>) -> [[UInt8]] {
        var result: [[UInt8]] = []
        for byte in bytes {
            if byte == 0x0A {
                if !skipping { result.append(pending) }
                pending.removeAll(keepingCapacity: true)
                skipping = false
            } else if !skipping {
                pending.append(byte)
                if pending.count > ShareWire.maximumLine {
                    pending.removeAll()
                    skipping = true
                }
            }
        }
        return result
    }
}
