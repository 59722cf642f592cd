import Foundation
@testable import JourneyShare
import JourneyUI
import Testing

/// The lines of a shared presentation: what is read, and what is rejected without harm.
@Suite struct ShareWireTests {
    static let position = SharedPosition(course: "c", courseTitle: "Course", lesson: "l", lessonTitle: "Lesson",
                                         block: 2, fraction: 0.25)

    @Test func aPositionAndARefusalRoundTrip() {
        let line = ShareWire.line(Self.position)
        #expect(line.last == 0x0A)
        #expect(ShareWire.news(line.dropLast()) == .position(Self.position))
        #expect(ShareWire.news(ShareWire.refusal("no").dropLast()) == .refused("no"))
    }

    @Test func titlesOfManyBytesAreCutSoThatEveryPositionFitsALine() {
        var position = Self.position
        position.lessonTitle = String(repeating: "👩‍👩‍👧‍👦", count: 200)
        position.courseTitle = position.lessonTitle
        position.lesson = String(repeating: "l", count: 100)
        let line = ShareWire.line(position)
        #expect(line.count <= ShareWire.maximumLine)
        guard case .position(let read) = ShareWire.news(line.dropLast()) else {
            Issue.record("a position of a valid course was not read")
            return
        }
        #expect(read.lesson == position.lesson)
        #expect(read.lessonTitle.hasPrefix("👩‍👩‍👧‍👦") && read.lessonTitle.hasSuffix("…"))
    }

    @Test func malformedLinesAreRejected() {
        let malformed = [
            "", "not json", "[]", "{}", #"{"position":null}"#, #"{"refused":"a","position":{}}"#,
            #"{"position":{"course":"c","courseTitle":"C","lesson":"l","lessonTitle":"L","block":2,"fraction":5}}"#,
            #"{"position":{"course":"","courseTitle":"C","lesson":"l","lessonTitle":"L","block":2,"fraction":0}}"#,
            #"{"position":{"course":"c","courseTitle":"C","lesson":"l","lessonTitle":"L","block":-4,"fraction":0}}"#,
            #"{"position":{"course":"c","lesson":"l"}}"#, #"{"refused":7}"#,
            #"{"refused":""# + String(repeating: "x", count: 400) + #""}"#,
            "\u{FF}\u{FE}garbage",
        ]
        for line in malformed { #expect(ShareWire.news(Array(line.utf8)) == nil, "\(line)") }
        #expect(ShareWire.news([UInt8](repeating: 0x20, count: ShareWire.maximumLine + 1)) == nil)
    }

    @Test func controlCharactersInTitlesAndRefusalsAreMadeVisible() {
        var position = Self.position
        position.lessonTitle = "a\u{1B}[2Jb"
        guard case .position(let read) = ShareWire.news(ShareWire.line(position).dropLast()) else {
            Issue.record("not read")
            return
        }
        #expect(!read.lessonTitle.contains("\u{1B}"))
        guard case .refused(let reason) = ShareWire.news(ShareWire.refusal("x\u{9B}y").dropLast()) else {
            Issue.record("not read")
            return
        }
        #expect(!reason.unicodeScalars.contains { $0.value == 0x9B })
    }

    @Test func linesAreCutWhereverTheBytesArriveAndOverlongOnesAreDroppedWhole() {
        var buffer = LineBuffer()
        #expect(buffer.lines(Array("ab".utf8)).isEmpty)
        #expect(buffer.lines(Array("c\nde\nf".utf8)) == [Array("abc".utf8), Array("de".utf8)])
        let long = [UInt8](repeating: 0x41, count: ShareWire.maximumLine * 3)
        #expect(buffer.lines(long).isEmpty)
        #expect(buffer.lines(long + Array("\nok\n".utf8)) == [Array("ok".utf8)], "the long line is dropped whole")
    }
}
