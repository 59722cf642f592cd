import ArgumentParser
import BundledCourse
import Foundation
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

    /// The course in outline, for a first frame that does not wait for the whole course; the outlines
    /// of a folder's module files are kept in the user's cache folder between starts.
    func outline() -> CourseOutline {
        guard let path else { return CourseLoader.outline(folder: Self.bundled) }
        return CourseLoader.outline(path: path, cache: OutlineCache(folder: Self.cacheFolder, course: path, build: Self.build))
    }

    /// This build of the program: its version, and the size and time of its binary, so a rebuilt
    /// program never takes outlines made by rules it may have changed.
    private static var build: String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return Journey.version }
        return "\(Journey.version) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// `$JOURNEY_CACHE_DIR`, else `$XDG_CACHE_HOME/journey`, else `~/.cache/journey`.
    static var cacheFolder: String {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["JOURNEY_CACHE_DIR"], !folder.isEmpty { return folder }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/journey" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache/journey"
    }

    private static let bundled = EmbeddedCourseFolder(displayPath: BundledCourse.displayPath, files: BundledCourse.files)
}
