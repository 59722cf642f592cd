import ArgumentParser
import BundledCourse
import JourneyKit

/// The PATH every command takes: a course folder or Markdown file, the bundled course by default.
struct CourseArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("A course folder or a Markdown file (default: the bundled course).",
                                 valueName: "path"))
    var path: String?

    var source: CourseSource { CourseSource(path: path) }
}

/// A course folder or Markdown file, or (without a path) the bundled course.
struct CourseSource {
    var path: String?

    func load() -> LoadResult {
        guard let path else { return CourseLoader.load(folder: Self.bundled) }
        return CourseLoader.load(path: path)
    }

    /// The course in outline, for a first frame that does not wait for the whole course.
    func outline() -> CourseOutline {
        guard let path else { return CourseLoader.outline(folder: Self.bundled) }
        return CourseLoader.outline(path: path)
    }

    private static let bundled = EmbeddedCourseFolder(displayPath: BundledCourse.displayPath, files: BundledCourse.files)
}
