import JourneyUI
import Testing
import TestSupport

/// The editing model: whole characters, wrapping by display width, moving by character, word and row.
@Suite struct TextAreaTests {
    @Test func typingAndDeletingKeepWholeCharacters() {
        var area = TextArea()
        for character in ["C", "a", "f", "e", "\u{301}", " ", "信", "頼", " ", "👩‍👩‍👧"] { area.insert(character) }
        #expect(area.text == "Café 信頼 👩‍👩‍👧")
        #expect(area.characters.count == 9, "the accent joined its letter; the family is one character")
        area.deleteBackward()
        #expect(area.text == "Café 信頼 ", "the whole emoji sequence goes at once")
        area.move(.left, width: 40)
        area.move(.left, width: 40)
        area.deleteForward()
        #expect(area.text == "Café 信 ")
        area.move(.start, width: 40)
        area.move(.right, width: 40)
        area.move(.right, width: 40)
        area.move(.right, width: 40)
        area.deleteForward()
        #expect(area.text == "Caf 信 ", "é is deleted whole, never half")
    }

    @Test func wordMotionsAndDeletions() {
        var area = TextArea("one two, three")
        area.move(.wordLeft, width: 40)
        #expect(area.cursor == 9)
        area.move(.wordLeft, width: 40)
        #expect(area.cursor == 4)
        area.move(.wordRight, width: 40)
        #expect(area.cursor == 7)
        area.move(.end, width: 40)
        area.deleteWordBackward()
        #expect(area.text == "one two, ")
        area.move(.start, width: 40)
        area.deleteToLineEnd()
        #expect(area.text == "")
    }

    @Test func wrapsWholeWordsByDisplayWidthAndBreaksLongOnes() {
        let area = TextArea("a bb ccc 信頼信頼 dddddddddddd\nnext")
        let rows = area.rows(width: 8).map { String(area.characters[$0]) }
        #expect(rows == ["a bb ccc ", "信頼信頼 ", "dddddddd", "dddd", "next"], "a space may hang past the width")
        #expect(TextArea("").rows(width: 8) == [0..<0])
        #expect(TextArea("ends\n").rows(width: 8).count == 2)
    }

    @Test func upAndDownKeepTheColumnAcrossShorterRows() {
        var area = TextArea("a long first row\nab\nanother long row")
        area.move(.start, width: 40)
        for _ in 0..<10 { area.move(.right, width: 40) }
        area.move(.down, width: 40)
        #expect(area.cursorPosition(width: 40) == (1, 2))
        area.move(.down, width: 40)
        #expect(area.cursorPosition(width: 40) == (2, 10), "the goal column came back")
        area.move(.down, width: 40)
        #expect(area.cursor == area.characters.count, "down on the last row goes to the end")
        area.move(.pageUp, width: 40, page: 10)
        #expect(area.cursorPosition(width: 40).row == 0)
    }

    @Test func theEndOfAWrappedRowIsTheStartOfTheNext() {
        var area = TextArea("hello world")
        #expect(area.cursorPosition(width: 6) == (1, 5))
        area.move(.rowStart, width: 6)
        #expect(area.cursor == 6)
        area.move(.up, width: 6)
        area.move(.rowEnd, width: 6)
        #expect(area.cursor == 5, "the end of a wrapped row stays on it, before its space")
        #expect(area.cursorPosition(width: 6) == (0, 5))
    }

    @Test func pastedTextIsCleanedOfControlsAndLineEndings() {
        var area = TextArea()
        area.insert("one\r\ntwo\rthree\tfour\u{1B}[31m\u{7}\u{9B}five")
        #expect(area.text == "one\ntwo\nthree    four[31mfive")
    }

    @Test func textStopsAtTheMaximumLength() {
        var area = TextArea(String(repeating: "a", count: TextArea.maximumLength - 2))
        area.insert("bcdef")
        #expect(area.characters.count == TextArea.maximumLength)
        #expect(area.text.hasSuffix("abc"))
    }

    @Test(arguments: [1, 42, 2026] as [UInt64])
    func rowsKeptAcrossEditsAreTheRowsWrappedAfresh(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let pieces = ["a", "bb ", "信頼", " ", "\n", "e\u{301}", "👩‍👩‍👧", "word ", "longerwordthanarow", "\n\n"]
        var area = TextArea("Some opening words\nand a second paragraph")
        area.wrap(at: 9)
        for step in 0..<2000 {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0...4: area.insert(pieces.randomElement(using: &generator)!)
            case 5: area.deleteBackward()
            case 6: area.deleteForward()
            case 7: area.move([.left, .right, .up, .down, .wordLeft, .wordRight, .start, .end].randomElement(using: &generator)!,
                              width: 9)
            case 8: area.deleteWordBackward()
            default: area.deleteToLineEnd()
            }
            let fresh = TextArea(area.text)
            #expect(area.characters == fresh.characters, "step \(step): the string and the characters agree")
            #expect(area.rows(width: 9) == fresh.rows(width: 9), "step \(step): \(area.text.debugDescription)")
            if area.rows(width: 9) != fresh.rows(width: 9) { return }
        }
    }
}
