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

    @Test func controlCharactersBecomeVisible() {
        #expect(VisibleText.make("a\u{1B}[31mb") == "a^[[31mb")
        #expect(VisibleText.make("bell\u{07}") == "bell^G")
        #expect(VisibleText.make("del\u{7F}") == "del^?")
        #expect(VisibleText.make("csi\u{9B}") == "csi<U+009B>")
        #expect(VisibleText.make("plain é 中") == "plain é 中")
        #expect(VisibleText.prose("tab\there\nnext") == "tab here next")
    }
}
