import Foundation
import JourneyKit
import Testing
import TestSupport

/// Module outlines kept between starts: used while their files are unchanged, never when they changed,
/// moved out of the folder or were kept by another build, and a damaged cache is only a slower start.
@Suite struct OutlineCacheTests {
    static let files = [
        "course.yaml": "title: Kept\nmodules: [one.md, sub/two.md]\n",
        "one.md": "# One\n\nOpening words.\n\n## A lesson\twith a tab \\\\ and a backslash {#tabbed}\n\nText.\n\n"
            + "> [!REFLECT] asked\n> What now?\n",
        "sub/two.md": "# Two\n\n## " + String(repeating: "long title ", count: 30) + "\n\nMore.\n\n## Last {#last}\n\nEnd.\n",
    ]

    /// The course's files, last changed an hour ago: files changed in the last two seconds are not kept.
    private func course() throws -> TemporaryFolder {
        let course = try TemporaryFolder(Self.files)
        for name in ["one.md", "sub/two.md"] { try age(course, name) }
        return course
    }

    private func age(_ course: TemporaryFolder, _ name: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                              ofItemAtPath: course.path(name))
    }

    /// Outlines the course with a cache in `cache`, keeping what it read.
    private func outline(_ course: TemporaryFolder, _ cache: TemporaryFolder, build: String = "test") -> CourseOutline {
        let outline = CourseLoader.outline(path: course.path(),
                                           cache: OutlineCache(folder: cache.path(), course: course.path(), build: build))
        outline.keepOutlines()
        return outline
    }

    /// Lessons outlined from the cache hold no blocks at all (a file read gives each block a stand-in).
    private func fromCache(_ outline: CourseOutline) -> [Bool] {
        outline.result.course?.modules.map { $0.lessons.allSatisfy(\.blocks.isEmpty) } ?? []
    }

    @Test func unchangedFilesAreOutlinedFromTheCacheAsTheyWould() throws {
        let (course, cache) = (try course(), try TemporaryFolder())
        let whole = try #require(CourseLoader.load(path: course.path()).course)
        #expect(fromCache(outline(course, cache)) == [false, false], "the first start reads every file")
        let second = outline(course, cache)
        #expect(fromCache(second) == [true, true])
        let kept = try #require(second.result.course)
        #expect(kept.lessons.map(\.id) == whole.lessons.map(\.id))
        #expect(kept.lessons.map(\.title) == whole.lessons.map(\.title))
        #expect(kept.lessons.map(\.position) == whole.lessons.map(\.position))
        #expect(kept.modules.map(\.title) == whole.modules.map(\.title))
        for lesson in whole.lessons {
            #expect(second.course(withLessonInFull: lesson.id)?.lesson(id: lesson.id) == lesson, "\(lesson.id)")
        }
    }

    @Test func aChangedFileIsReadAgainEvenAtTheSameSize() throws {
        let (course, cache) = (try course(), try TemporaryFolder())
        _ = outline(course, cache)
        let text = try #require(Self.files["sub/two.md"])
        try course.write("sub/two.md", Data(text.replacingOccurrences(of: "## Last", with: "## Lost").utf8))
        let edited = outline(course, cache)
        #expect(fromCache(edited) == [true, false])
        #expect(edited.result.course?.lessons.last?.title == "Lost")
        #expect(fromCache(outline(course, cache)) == [true, false], "a file changed a moment ago is not kept yet")
    }

    @Test func anotherBuildsCacheIsNotUsed() throws {
        let (course, cache) = (try course(), try TemporaryFolder())
        _ = outline(course, cache, build: "one build")
        #expect(fromCache(outline(course, cache, build: "another build")) == [false, false])
    }

    @Test func aFileNowOutsideTheFolderIsReadAndRefused() throws {
        let (course, cache) = (try course(), try TemporaryFolder())
        _ = outline(course, cache)
        let elsewhere = try TemporaryFolder()
        try FileManager.default.moveItem(atPath: course.path("sub"), toPath: elsewhere.path("sub"))
        try FileManager.default.createSymbolicLink(atPath: course.path("sub"), withDestinationPath: elsewhere.path("sub"))
        let moved = outline(course, cache)
        #expect(moved.result.course?.modules.count == 1)
        #expect(moved.result.diagnostics.contains { $0.message.contains("outside the course folder") })
    }

    @Test func aCacheFarTooBigIsNotRead() throws {
        let (course, cache) = (try course(), try TemporaryFolder())
        _ = outline(course, cache)
        let kept = try #require(FileManager.default.contentsOfDirectory(atPath: cache.path()).first)
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: cache.path(kept)))
        try file.truncate(atOffset: UInt64(OutlineCache.maximumSize + 1))
        try file.close()
        #expect(fromCache(outline(course, cache)) == [false, false])
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let (course, cache) = (try course(), try TemporaryFolder())
        _ = outline(course, cache)
        let kept = try #require(FileManager.default.contentsOfDirectory(atPath: cache.path()).first)
        let text = try String(contentsOfFile: cache.path(kept), encoding: .utf8)
        for damage in [String(text.dropLast(9)), text.replacingOccurrences(of: "\t", with: " "), "\u{0}garbage", ""] {
            try cache.write(kept, Data(damage.utf8))
            let outline = CourseLoader.outline(path: course.path(),
                                               cache: OutlineCache(folder: cache.path(), course: course.path(), build: "test"))
            #expect(fromCache(outline) == [false, false], "\(damage.prefix(40))")
            #expect(outline.result.course?.lessons.map(\.title) == CourseLoader.load(path: course.path()).course?.lessons.map(\.title))
        }
    }
}
