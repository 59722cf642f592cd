import Glibc
import JourneyLayout
import Testing

@Suite struct TextTests {
    @Test func displayWidthCountsTerminalColumns() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👩‍👩‍👧") == 2)
        #expect(DisplayWidth.of("🇳🇿") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
        #expect(DisplayWidth.of("→•─") == 3)
        #expect(DisplayWidth.of(" \u{200D}") == 1, "a joiner after a space is not an emoji sequence")
        #expect(DisplayWidth.of("a\u{FE0F}") == 1)
        #expect(DisplayWidth.of("1\u{FE0F}\u{20E3}") == 2, "keycap")
    }

    /// The generated tables agree with the C library's wcwidth (what ncurses counts with) for every
    /// code point that both give a width: the layout and the terminal never disagree about a column.
    @Test func displayWidthAgreesWithTheCLibraryForEveryCodePoint() throws {
        try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil, "the C.UTF-8 locale is needed to ask wcwidth")
        // wcwidth is an X/Open function the Swift module leaves out: found by name in the C library.
        let symbol = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth"))
        let wcwidth = unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
        var compared = 0
        var disagreements: [String] = []
        for value in UInt32(0xA0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = wcwidth(wchar_t(bitPattern: value))
            guard expected >= 0 else { continue }
            compared += 1
            let ours = DisplayWidth.of(Character(scalar))
            if ours != Int(expected), disagreements.count < 20 {
                disagreements.append("U+\(String(value, radix: 16, uppercase: true)): \(ours), wcwidth \(expected)")
            }
        }
        #expect(compared > 100_000, "wcwidth knew \(compared) code points")
        #expect(disagreements.isEmpty, "\(disagreements)")
    }

    @Test func charactersNewerThanTheTablesKeepTheirWidth() {
        #expect(DisplayWidth.of("🩷") == 2, "U+1FA77, Unicode 15")
        #expect(DisplayWidth.of("🫨") == 2, "U+1FAE8, Unicode 15")
        #expect(DisplayWidth.of("\u{2EBF0}") == 2, "CJK Extension I, Unicode 15.1")
    }

    @Test func controlCharactersBecomeVisible() {
        #expect(VisibleText.make("a\u{1B}[31mb") == "a^[[31mb")
        #expect(VisibleText.make("bell\u{07}") == "bell^G")
        #expect(VisibleText.make("del\u{7F}") == "del^?")
        #expect(VisibleText.make("csi\u{9B}") == "csi<U+009B>")
        #expect(VisibleText.make("plain é 中") == "plain é 中")
        #expect(VisibleText.prose("tab\there\nnext") == "tab here next")
    }
}
