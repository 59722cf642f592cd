import BundledCourse
import Foundation
import JourneyKit
import Testing
import TestSupport

/// A course in outline is the whole course's modules and lessons, and any one lesson of it in full is
/// that lesson exactly as the whole course has it.
@Suite struct CourseOutlineTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// Shapes where an outline could go wrong: text before the title, a comment before it, a title that
    /// is not the first heading, headings inside containers and code, setext headings, a reference
    /// defined far from its use, a lesson without blocks, notes and prompts, an unclosed fence.
    static let tricky = """
        <!-- an author's comment before everything -->
        Text before the title.

        # The title {#tricky}

        More opening text, with a [link][far].

        ## First section

        > # Not a lesson: inside a quote
        >
        > [!NOTE]

        - # Inside a list item
        - second

        ```
        ## Not a lesson: inside code
        ```

        Setext section
        --------------

        ### A lesson with nothing in it
        ### A lesson {#explicit}

        > [!REFLECT] asked
        > What comes to mind?

        > [!NOTES]
        > For the facilitator.

        - [ ] A task
        - [x] Done already

        <div>raw html</div>

        # A later top heading

        | a | b |
        |---|---|
        | 1 | 2 |

        [far]: https://example.org/far

        ```
        ## unclosed fence to the end
        """

    static var courses: [(String, CourseOutline, LoadResult)] {
        get throws {
            let bundled = EmbeddedCourseFolder(displayPath: BundledCourse.displayPath, files: BundledCourse.files)
            var found = [("bundled", CourseLoader.outline(folder: bundled), CourseLoader.load(folder: bundled))]
            let example = Self.here.appending(path: "../../docs/example-course").standardizedFileURL.path
            found.append(("example", CourseLoader.outline(path: example), CourseLoader.load(path: example)))
            for name in ["blocks", "inlines", "single-file"] {
                let path = Self.here.appending(path: "Fixtures/\(name).md").path
                found.append((name, CourseLoader.outline(path: path), CourseLoader.load(path: path)))
            }
            let folder = try TemporaryFolder(["tricky.md": tricky, "course.yaml": "title: T\nmodules: [tricky.md, b.md]\n",
                                              "b.md": "Opening.\n\n# Title B\n\n## Again {#b}\n\nText.\n"])
            for path in [folder.path("tricky.md"), folder.path()] {
                found.append((path, CourseLoader.outline(path: path), CourseLoader.load(path: path)))
            }
            return found
        }
    }

    @Test func anOutlineHasTheWholeCoursesModulesAndLessons() throws {
        for (name, outline, whole) in try Self.courses {
            let course = try #require(outline.result.course, "\(name)")
            let full = try #require(whole.course, "\(name)")
            #expect(course.id == full.id, "\(name)")
            #expect(course.modules.map(\.id) == full.modules.map(\.id), "\(name)")
            #expect(course.modules.map(\.title) == full.modules.map(\.title), "\(name)")
            #expect(course.lessons.map(\.id) == full.lessons.map(\.id), "\(name)")
            #expect(course.lessons.map(\.title) == full.lessons.map(\.title), "\(name)")
            #expect(course.lessons.map(\.position) == full.lessons.map(\.position), "\(name)")
            #expect(course.support?.title == full.support?.title, "\(name)")
            #expect(course.lessons.count > 1 || name == "inlines", "\(name) has lessons to tell apart")
        }
    }

    @Test func anyLessonInFullIsThatLessonOfTheWholeCourse() throws {
        for (name, outline, whole) in try Self.courses {
            let full = try #require(whole.course)
            for lesson in full.lessons {
                let course = try #require(outline.course(withLessonInFull: lesson.id))
                #expect(course.lesson(id: lesson.id) == lesson, "\(name): \(lesson.id)")
                for other in course.lessons where other.id != lesson.id {
                    #expect(other.blocks.allSatisfy(Self.isOutline), "\(name): \(other.id) is in outline")
                    #expect(other.facilitatorNotes.isEmpty)
                }
            }
        }
    }

    /// What an outline builds of a lesson: its headings and HTML blocks, an empty paragraph for the rest.
    private static func isOutline(_ block: Block) -> Bool {
        switch block {
        case .heading, .html: true
        case .paragraph(let inlines): inlines.isEmpty
        default: false
        }
    }

    @Test func withoutThatLessonTheFirstIsInFull() throws {
        let bundled = EmbeddedCourseFolder(displayPath: BundledCourse.displayPath, files: BundledCourse.files)
        let first = try #require(CourseLoader.load(folder: bundled).course?.lessons.first)
        let course = try #require(CourseLoader.outline(folder: bundled).course(withLessonInFull: "no-such-lesson"))
        #expect(course.lessons.first == first)
    }

    @Test func aCourseThatCannotBeReadHasNoOutline() {
        let outline = CourseLoader.outline(path: "/no/such/course")
        #expect(outline.result.course == nil)
        #expect(outline.course(withLessonInFull: nil) == nil)
        #expect(outline.result.diagnostics.map(\.severity) == [.error])
    }
}
