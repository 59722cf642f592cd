import Foundation
import JourneyKit
import Testing
import TestSupport

/// Module outlines kept between starts: used while their files are unchanged, never when they changed,
/// and a damaged cache is only a slower start.
@Suite struct OutlineCacheTests {
    static let files = [
        "course.yaml": "title: Kept\nmodules: [one.md, two.md]\n",
        "one.md": "# One\n\nOpening words.\n\n## A lesson\twith a tab \\\\ and a backslash {#tabbed}\n\nText.\n\n"
            + "> [!REFLECT] asked\n> What now?\n",
        "two.md": "# Two\n\n## " + String(repeating: "long title ", count: 30) + "\n\nMore.\n\n## Last {#last}\n\nEnd.\n",
    ]

    /// Outlines the course with a cache in `cache`, keeping what it read.
    private func outline(_ course: TemporaryFolder, _ cache: TemporaryFolder) -> CourseOutline {
        let outline = CourseLoader.outline(path: course.path(), cache: OutlineCache(folder: cache.path(), course: course.path()))
        outline.keepOutlines()
        return outline
    }

    /// Lessons outlined from the cache hold no blocks at all (a file read gives each block a stand-in).
    private func fromCache(_ outline: CourseOutline) -> Bool {
        outline.result.course?.lessons.allSatisfy(\.blocks.isEmpty) == true
    }

    @Test func unchangedFilesAreOutlinedFromTheCacheAsTheyWould() throws {
        let course = try TemporaryFolder(Self.files)
        let cache = try TemporaryFolder()
        let whole = try #require(CourseLoader.load(path: course.path()).course)
        #expect(!fromCache(outline(course, cache)), "the first start reads every file")
        let second = outline(course, cache)
        #expect(fromCache(second))
        let kept = try #require(second.result.course)
        #expect(kept.lessons.map(\.id) == whole.lessons.map(\.id))
        #expect(kept.lessons.map(\.title) == whole.lessons.map(\.title))
        #expect(kept.lessons.map(\.position) == whole.lessons.map(\.position))
        #expect(kept.modules.map(\.title) == whole.modules.map(\.title))
        for lesson in whole.lessons {
            #expect(second.course(withLessonInFull: lesson.id)?.lesson(id: lesson.id) == lesson, "\(lesson.id)")
        }
    }

    @Test func aChangedFileIsReadAgain() throws {
        let course = try TemporaryFolder(Self.files)
        let cache = try TemporaryFolder()
        _ = outline(course, cache)
        try course.write("two.md", Data("# Two\n\n## Renamed {#last}\n\nEnd.\n".utf8))
        let edited = try #require(outline(course, cache).result.course)
        #expect(edited.lessons.map(\.title).suffix(1) == ["Renamed"])
        #expect(edited.lessons.count == 3)
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let course = try TemporaryFolder(Self.files)
        let cache = try TemporaryFolder()
        _ = outline(course, cache)
        let kept = try #require(FileManager.default.contentsOfDirectory(atPath: cache.path()).first)
        let text = try String(contentsOfFile: cache.path(kept), encoding: .utf8)
        for damage in [String(text.dropLast(9)), text.replacingOccurrences(of: "\t", with: " "), "\u{0}garbage", ""] {
            try cache.write(kept, Data(damage.utf8))
            let outline = CourseLoader.outline(path: course.path(), cache: OutlineCache(folder: cache.path(), course: course.path()))
            #expect(!fromCache(outline), "\(damage.prefix(40))")
            #expect(outline.result.course?.lessons.map(\.title) == CourseLoader.load(path: course.path()).course?.lessons.map(\.title))
        }
    }
}
