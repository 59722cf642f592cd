/// A course in outline: every module and lesson with its id and title, read from the course's files
/// in a fraction of the time the whole course takes to convert, so that the player's first frame does
/// not grow with the course. Its lessons (and support page) hold an empty paragraph for each of their
/// blocks, or nothing when outlined from the `OutlineCache`; one lesson can be had in full, and
/// `CourseLoader.load` converts everything.
public struct CourseOutline {
    /// The course in outline, and what reading its files and headings found (problems inside lessons
    /// are found by loading the whole course). Nil only when nothing at all could be read.
    public let result: LoadResult
    private let drafted: DraftedCourse

    init(_ drafted: DraftedCourse) {
        self.drafted = drafted
        result = drafted.assembled()
    }

    /// Keeps the outlines of the module files this outline read, for the next start (after the first
    /// frame: writing a file is not what a learner should wait for).
    public func keepOutlines() {
        drafted.cache?.save()
    }

    /// The outline with lesson `id` (or, without such a lesson, the first) converted in full; nil when
    /// it cannot be had (nothing could be read, or the lesson's file changed or cannot be read now), as
    /// a lesson in outline must never be shown. Its prompt ids are the whole course's unless an unnamed
    /// prompt's made-up id is taken by a prompt elsewhere.
    public func course(withLessonInFull id: String?) -> Course? {
        guard var course = result.course, let draft = drafted.draft else { return nil }
        let places = course.modules.indices.flatMap { module in course.modules[module].lessons.indices.map { (module, $0) } }
        guard let (module, lesson) = places.first(where: { course.modules[$0].lessons[$1].id == id }) ?? places.first,
              let sections = draft.modules[module].lessons[lesson].sections else { return course }
        var ignored: [Diagnostic] = []
        let remade: CourseDraft.Module?
        switch drafted.sources {
        case nil:
            remade = nil
        case .modules(let sources, let folder)?:
            let source = sources[module]
            // A file outlined from the cache is read now, the one file the first frame needs.
            remade = (source.text ?? CourseLoader.readListed(source.file, "module", at: nil, in: folder, &ignored)).map {
                ModuleFile.make($0, fallbackTitle: source.stem, lessons: CourseLoader.maximumLessons,
                                extent: .outline(inFull: sections), diagnostics: &ignored)
            }
        case .single(let source, let absolutePath, let fallbackTitle)?:
            let modules = SingleFileCourse.draft(source, absolutePath: absolutePath, fallbackTitle: fallbackTitle,
                                                 extent: .outline(inFull: sections), diagnostics: &ignored).modules
            remade = module < modules.count ? modules[module] : nil
        }
        guard let remade, lesson < remade.lessons.count,
              remade.lessons[lesson].heading == draft.modules[module].lessons[lesson].heading else { return nil }
        var prompts = IDAllocator()
        var homes: [String: String] = [:]
        course.modules[module].lessons[lesson] = remade.lessons[lesson].lesson(
            id: course.modules[module].lessons[lesson].id, prompts: &prompts, homes: &homes, diagnostics: &ignored)
        return course
    }
}

/// A course's files converted (whole or in outline), before ids are given out.
struct DraftedCourse {
    /// Where each module came from, to convert one of its lessons again: a file per module (from a
    /// folder), or one file for the whole course.
    enum Sources {
        case modules([ModuleSource], any CourseFolder)
        case single(SourceText, absolutePath: String, fallbackTitle: String)
    }

    /// Nil when nothing could be read.
    var draft: CourseDraft?
    var support: Lesson?
    var supportFile: String?
    var manifestPath: String?
    var diagnostics: [Diagnostic]
    /// Where "the course has no lessons" is reported.
    var emptyPath: String
    /// Nil when nothing could be read.
    var sources: Sources?
    /// The outlines of module files, with those this outline read added.
    var cache: OutlineCache?

    init(draft: CourseDraft?, support: Lesson? = nil, supportFile: String? = nil, manifestPath: String? = nil,
         diagnostics: [Diagnostic], emptyPath: String, sources: Sources?, cache: OutlineCache? = nil) {
        self.draft = draft
        self.support = support
        self.supportFile = supportFile
        self.manifestPath = manifestPath
        self.diagnostics = diagnostics
        self.emptyPath = emptyPath
        self.sources = sources
        self.cache = cache
    }

    init(failing diagnostic: Diagnostic) {
        self.init(draft: nil, diagnostics: [diagnostic], emptyPath: diagnostic.path, sources: nil)
    }

    /// The course with its ids given out, and every problem found.
    func assembled() -> LoadResult {
        guard let draft else { return LoadResult(course: nil, diagnostics: diagnostics) }
        var diagnostics = diagnostics
        var course = draft.assemble(diagnostics: &diagnostics, emptyPath: emptyPath)
        course.support = support
        course.supportFile = supportFile
        course.manifestPath = manifestPath
        return LoadResult(course: course, diagnostics: diagnostics)
    }
}

/// A module file of a course folder as loading found it: read, or outlined from the cache (and read
/// only when one of its lessons is wanted in full).
struct ModuleSource {
    var file: String
    var position: SourcePosition?
    /// Its name without the extension: the module's title when it has no heading.
    var stem: String
    /// What `stat` said of it, when there is a cache to keep its outline in.
    var signature: FileSignature?
    var text: SourceText?
    var cached: CourseDraft.Module?

    /// What it counts against the course's size: its bytes as read (a byte-order mark taken off, bad
    /// UTF-8 repaired), also when its outline came from the cache.
    var size: Int
}
