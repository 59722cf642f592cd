import Foundation
import JourneyKit
import Testing
import TestSupport

/// The course folder is a boundary, and unusual but honest input is read as its author meant.
@Suite struct CourseBoundaryTests {
    private func messages(_ result: LoadResult) -> [String] {
        result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
    }

    @Test func aLinkThatLeadsOutOfTheFolderIsRefusedAndOneThatStaysInIsRead() throws {
        let outside = try TemporaryFolder(["secret.md": "## Secret\n\nNot part of any course.\n"])
        let folder = try TemporaryFolder(["course.yaml": "title: T\nmodules: [inside.md, away/secret.md, real.md]\n",
                                          "real.md": "## Real\n\nText.\n"])
        symlink(outside.path(), folder.path("away"))
        symlink(folder.path("real.md"), folder.path("inside.md"))
        let result = CourseLoader.load(path: folder.path())
        let resolvedOutside = try #require(realpath(outside.path("secret.md"), nil).map { String(cString: $0) })
        #expect(messages(result).contains("0:0 it leads outside the course folder (to \(resolvedOutside)); a course reads only its own files"))
        #expect(messages(result).contains("2:38 module 'real.md' is listed twice"), "a link to a listed file is that file")
        #expect(result.course?.lessons.map(\.id) == ["real"])
    }

    /// A link to a pipe or device elsewhere is refused for where it leads, before anything opens it.
    @Test func aLinkToAPipeOutsideIsRefusedBeforeItIsOpened() throws {
        let outside = try TemporaryFolder()
        mkfifo(outside.path("pipe"), 0o600)
        let folder = try TemporaryFolder(["course.yaml": "title: T\nmodules: [pipe.md]\n"])
        symlink(outside.path("pipe"), folder.path("pipe.md"))
        let path = folder.path()
        let result = try #require(Watchdog.run(seconds: 30) { CourseLoader.load(path: path) })
        #expect(messages(result).contains { $0.hasPrefix("0:0 it leads outside the course folder") })
    }

    @Test func theSameFileUnderTwoSpellingsOrWithANULIsCaught() throws {
        let folder = try TemporaryFolder(["course.yaml": "title: T\nmodules: [m.md, ./m.md, \"m.md\\0junk\"]\n",
                                          "m.md": "## M\n\nText.\n"])
        let found = messages(CourseLoader.load(path: folder.path()))
        #expect(found == ["2:17 module './m.md' is listed twice", "2:25 module name 'm.md\0junk' holds a NUL character"])
        let spelled = try TemporaryFolder(["course.yaml": "title: T\nmodules: [./m.md]\n", "m.md": "## M\n\nText.\n"])
        #expect(messages(CourseLoader.load(path: spelled.path())).isEmpty, "'./m.md' lists m.md")
    }

    @Test func aPipeInPlaceOfAFileIsRefusedWithoutWaiting() throws {
        let folder = try TemporaryFolder(["course.yaml": "title: T\nmodules: [pipe.md]\n"])
        mkfifo(folder.path("pipe.md"), 0o600)
        let path = folder.path()
        let result = try #require(Watchdog.run(seconds: 30) { CourseLoader.load(path: path) })
        #expect(messages(result).contains("0:0 not a regular file (a folder, a device or a pipe)"))
    }

    @Test func aByteOrderMarkIsIgnoredAndUTF16AndUTF32AreNamed() throws {
        let folder = try TemporaryFolder()
        try folder.write("course.yaml", Data([0xEF, 0xBB, 0xBF]) + Data("title: T\nmodules: [m.md, w.md, x.md]\n".utf8))
        try folder.write("m.md", Data([0xEF, 0xBB, 0xBF]) + Data("# First heading\n\n## Lesson\n\nText.\n".utf8))
        try folder.write("w.md", Data("## Wide\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        try folder.write("x.md", Data("## Wider\n".unicodeScalars.flatMap { [UInt8($0.value & 0xFF), 0, 0, 0] }))
        let result = CourseLoader.load(path: folder.path())
        #expect(result.course?.title == "T")
        #expect(result.course?.modules.first?.title == "First heading")
        #expect(messages(result) == ["0:0 the file is UTF-16; course files are UTF-8 (save it as UTF-8)",
                                     "0:0 the file is UTF-32; course files are UTF-8 (save it as UTF-8)"])
    }

    @Test func aHardLinkIsTheFileItLinksToAndADanglingLinkSaysSo() throws {
        let folder = try TemporaryFolder(["course.yaml": "title: T\nmodules: [m.md, h.md, gone.md]\n", "m.md": "## M\n\nText.\n"])
        link(folder.path("m.md"), folder.path("h.md"))
        symlink(folder.path("nowhere.md"), folder.path("gone.md"))
        let found = messages(CourseLoader.load(path: folder.path()))
        #expect(found == ["2:17 module 'h.md' is listed twice",
                          "2:23 the manifest names 'gone.md', a link to a file that does not exist"])
    }

    @Test func loneCarriageReturnsEndLines() throws {
        let folder = try TemporaryFolder(["m.md": "# T\r\r## A\r\rText <b>bold</b>.\r"])
        let found = messages(CourseLoader.load(path: folder.path("m.md")))
        #expect(found == ["5:6 raw HTML is shown as text, not interpreted", "5:13 raw HTML is shown as text, not interpreted"])
    }

    @Test func anHTMLCommentThatNeverEndsIsPointedOutAndOneOverTwoLinesIsDroppedWhole() throws {
        let folder = try TemporaryFolder(["m.md": "# T\n\n## A\n\nBefore <!-- a note\nover two lines --> after.\n\n<!-- never closed\n\n## B\n"])
        let result = CourseLoader.load(path: folder.path("m.md"))
        #expect(messages(result) == ["8:1 this HTML comment is never closed (no -->), so it hides everything after it, to the end of the file"])
        let text = result.course?.lessons.first?.blocks.compactMap { if case .paragraph(let inlines) = $0 { inlines.plainText } else { nil } }
        #expect(text == ["Before  after."])
    }

    @Test(arguments: [("loop", "Too many levels of symbolic links"), ("long", "File name too long")])
    func pathsThatCannotBeOpenedSayWhy(_ kind: String, _ reason: String) throws {
        let folder = try TemporaryFolder()
        let path: String
        if kind == "loop" {
            symlink(folder.path("b"), folder.path("a"))
            symlink(folder.path("a"), folder.path("b"))
            path = folder.path("a")
        } else {
            path = folder.path(String(repeating: "n", count: 300))
        }
        #expect(CourseLoader.load(path: path).diagnostics.map(\.message) == ["cannot read: \(reason)"])
    }
}
