import Foundation
import JourneyKit
import Testing
import TestSupport

/// Inputs built to make a parser hang, recurse or balloon. Each must load (and report what is wrong)
/// without trapping; nesting is flattened to a bounded depth. Speed is measured by the benchmark, not here.
@Suite struct HostileInputTests {
    private func load(_ text: String) throws -> LoadResult {
        let folder = try TemporaryFolder(["hostile.md": text])
        return CourseLoader.load(path: folder.path("hostile.md"))
    }

    /// The deepest nesting of blocks in the loaded course.
    private func depth(_ blocks: [Block]) -> Int {
        var deepest = 0
        var stack = blocks.map { ($0, 1) }
        while let (block, level) = stack.popLast() {
            deepest = max(deepest, level)
            stack += (block.children ?? []).map { ($0, level + 1) }
        }
        return deepest
    }

    @Test func veryWideTable() throws {
        let header = "|" + String(repeating: " h |", count: 8_000)
        let divider = "|" + String(repeating: "---|", count: 8_000)
        let text = "# T\n\n\(header)\n\(divider)\n" + String(repeating: "| x ", count: 100) + "|\n"
        #expect(text.utf8.count > 40_000)
        let course = try #require(try load(text).course)
        #expect(!course.lessons.isEmpty)
    }

    @Test(arguments: [">", "- ", "1. ", "> - "])
    func fiftyThousandNestingLevelsAreFlattened(_ marker: String) throws {
        let course = try #require(try load(String(repeating: marker, count: 50_000) + " deep\n").course)
        let blocks = course.lessons.flatMap(\.blocks)
        #expect(!blocks.isEmpty)
        #expect(depth(blocks) <= 2 * 16 + 1, "nesting of \(marker) is capped")
    }

    @Test func oneLineAsLongAsACourseMayBe() throws {
        let text = String(repeating: "word ", count: CourseLoader.maximumSize / 5)
        let course = try #require(try load(text).course)
        #expect(course.lessons.count == 1)
    }

    @Test(arguments: ["[", "*", "_", "`", "<", "!["])
    func megabyteOfOneMarker(_ marker: String) throws {
        let result = try load(String(repeating: marker, count: 1_000_000 / marker.count))
        #expect(result.course != nil)
    }

    @Test func deeplyNestedEmphasisIsFlattened() throws {
        let text = String(repeating: "*a ", count: 20_000) + "x" + String(repeating: " a*", count: 20_000)
        let result = try load(text)
        #expect(result.course?.lessons.count == 1)
    }
}
