import Foundation
import JourneyKit
import JourneyLayout
import Testing
import TestSupport

/// Seeded random input through the whole engine: load, then lay out every lesson at a random width.
/// Nothing may trap, no line may be wider than its width, and no control character may come out.
/// `JOURNEY_FUZZ_SEED` and `JOURNEY_FUZZ_COUNT` reproduce or lengthen a run.
@Suite struct RandomInputTests {
    private static let tokens = [
        "# ", "## ", "### ", "#### ", "\n", "\n\n", "> ", "> [!NOTE]\n", "> [!REFLECT] p\n", "> [!REFLECT]\n",
        "Hint: ", "- ", "* ", "1. ", "- [ ] ", "- [x] ", "  ", "\t", "```\n", "```swift\n", "    ", "|", "|---|",
        "| a | b |\n|---|---|\n", "*", "**", "_", "~~", "`", "[", "]", "(", ")", "![", "<", ">", "<div>", "<!--",
        "-->", "&amp;", "&#", ";", "\\", "---\n", "{#id}", "word ", "中文", "😀", "👩‍👩‍👧", "e\u{301}", "\u{1B}[31m",
        "\u{9B}", "\u{7}", "\u{0}", "https://example.com/x ", "www.example.org ", "a@b.co ",
    ]

    @Test func randomCoursesLoadAndLayOutSafely() {
        let environment = ProcessInfo.processInfo.environment
        let seed = UInt64(environment["JOURNEY_FUZZ_SEED"] ?? "") ?? 20261128
        let count = Int(environment["JOURNEY_FUZZ_COUNT"] ?? "") ?? 400
        print("RandomInputTests: JOURNEY_FUZZ_SEED=\(seed) JOURNEY_FUZZ_COUNT=\(count)")
        var random = SplitMix64(seed: seed)
        for index in 0..<count {
            let bytes = Self.input(&random)
            let manifest = index % 7 == 0 ? Array(bytes.prefix(200)) : Array("title: T\nmodules: [m.md]\n".utf8)
            let folder = EmbeddedCourseFolder(displayPath: "fuzz", files: ["course.yaml": manifest, "m.md": bytes])
            let result = CourseLoader.load(folder: folder)
            let width = Int(random.next() % 100) + 20
            for lesson in result.course?.lessons ?? [] {
                for line in Layout(width: width).lines(for: lesson) {
                    #expect(line.width <= width, "input \(index): too wide at \(width): \(line.text)")
                    #expect(!line.text.unicodeScalars.contains(where: VisibleText.isControl), "input \(index): control")
                }
            }
        }
    }

    /// Markdown tokens mixed with printable text and raw bytes.
    private static func input(_ random: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int(random.next() % 120) {
            switch random.next() % 10 {
            case 0: bytes.append(UInt8(truncatingIfNeeded: random.next()))
            case 1: bytes += Array("abc xyz ".utf8)
            default: bytes += Array(tokens[Int(random.next() % UInt64(tokens.count))].utf8)
            }
        }
        return bytes
    }
}
