/// A single Markdown file as a course: its first `#` is the title, each `##` (or later `#`) a module,
/// each `###` a lesson; text before the first `##` is an introduction and nothing is dropped.
enum SingleFileCourse {
    static func draft(_ source: SourceText, absolutePath: String, fallbackTitle: String, extent: Extent,
                      diagnostics: inout [Diagnostic]) -> CourseDraft {
        let parsed = MarkdownConverter.convert(source, extent: extent)
        diagnostics += parsed.diagnostics
        var blocks = parsed.blocks
        let title = Sectioner.takeTitle(from: &blocks)
        blocks = ModuleFile.limited(blocks, atLevel: 3, lessons: CourseLoader.maximumLessons, path: source.path,
                                    diagnostics: &diagnostics)
        let courseTitle = title.map(\.title).flatMap { $0.isEmpty ? nil : $0 } ?? fallbackTitle
        let (preamble, sections) = Sectioner.split(blocks, atLevel: 2)

        var modules: [CourseDraft.Module] = []
        if !preamble.isEmpty {
            let name = sections.isEmpty ? courseTitle : "Introduction"
            let heading = SectionHeading(content: [.text(name)], position: preamble.first?.position ?? title?.position)
            modules.append(ModuleFile.module(heading: heading, idSource: name, path: source.path,
                                             blocks: preamble, lessonLevel: 3, diagnostics: &diagnostics))
        }
        for section in sections {
            modules.append(ModuleFile.module(heading: section.heading, idSource: section.heading.title,
                                             path: source.path, blocks: section.blocks, lessonLevel: 3,
                                             diagnostics: &diagnostics))
        }
        return CourseDraft(explicitID: title?.explicitID, title: courseTitle, path: absolutePath, modules: modules)
    }
}

/// One module file of a course folder: its first `#` is the module's title, each `##` (or later `#`) a lesson.
enum ModuleFile {
    /// A module of at most `lessons` lessons (those past it are left out, with an error).
    static func make(_ source: SourceText, fallbackTitle: String, lessons: Int, extent: Extent,
                     diagnostics: inout [Diagnostic]) -> CourseDraft.Module {
        let parsed = MarkdownConverter.convert(source, extent: extent)
        diagnostics += parsed.diagnostics
        var blocks = parsed.blocks
        var heading = Sectioner.takeTitle(from: &blocks)
            ?? SectionHeading(content: [.text(fallbackTitle)], position: nil)
        if heading.title.isEmpty { heading.title = fallbackTitle }
        blocks = limited(blocks, atLevel: 2, lessons: lessons, path: source.path, diagnostics: &diagnostics)
        return module(heading: heading, idSource: fallbackTitle, path: source.path, blocks: blocks, lessonLevel: 2,
                      diagnostics: &diagnostics)
    }

    /// Each file as a module of at most `CourseLoader.maximumLessons` lessons, with what converting it
    /// found; converted on every core at once when there is enough to share (files are independent
    /// until ids are given out), since starting threads costs more than a small course takes.
    static func makeConcurrently(_ files: [(SourceText, stem: String)], extent: Extent)
        -> [(CourseDraft.Module, [Diagnostic])] {
        let worthSharing = files.count > 1 && files.reduce(0) { $0 + $1.0.bytes.count } >= 256 * 1024
        return files.concurrentMap(when: worthSharing) { source, stem in
            var diagnostics: [Diagnostic] = []
            let module = make(source, fallbackTitle: stem, lessons: CourseLoader.maximumLessons, extent: extent,
                              diagnostics: &diagnostics)
            return (module, diagnostics)
        }
    }

    /// The blocks of at most `lessons` lessons; an error where the rest, left out, begins.
    static func limited(_ blocks: [PositionedBlock], atLevel level: Int, lessons: Int, path: String,
                        diagnostics: inout [Diagnostic]) -> [PositionedBlock] {
        let (kept, leftOut) = Sectioner.limit(blocks, atLevel: level, lessons: lessons)
        if let leftOut {
            diagnostics.append(Diagnostic(.error, "a course has at most \(CourseLoader.maximumLessons) lessons; this "
                + "one and those after it are not loaded", path: path, at: leftOut.position))
        }
        return Array(kept)
    }

    /// A module whose lessons start at headings of `lessonLevel` or shallower; text before the first
    /// is an opening lesson titled after the module.
    static func module(heading: SectionHeading, idSource: String, path: String, blocks: [PositionedBlock],
                       lessonLevel: Int, diagnostics: inout [Diagnostic]) -> CourseDraft.Module {
        let (preamble, sections) = Sectioner.split(blocks, atLevel: lessonLevel)
        var lessons: [CourseDraft.Lesson] = []
        if !preamble.isEmpty || sections.isEmpty {
            var opening = heading
            opening.explicitID = nil
            lessons.append(FacilitatorNotes.lesson(heading: opening, path: path, blocks: preamble, diagnostics: &diagnostics))
        }
        lessons += sections.map {
            FacilitatorNotes.lesson(heading: $0.heading, path: path, blocks: $0.blocks, diagnostics: &diagnostics)
        }
        return CourseDraft.Module(heading: heading, idSource: idSource, path: path, lessons: lessons)
    }
}

/// The support page a manifest names: one page (its `#` heading the title, every other heading kept
/// inside it), shown by the player's support key and `journey print --support`.
enum SupportPage {
    static let id = "support"

    static func make(_ source: SourceText, extent: Extent, diagnostics: inout [Diagnostic]) -> Lesson {
        let parsed = MarkdownConverter.convert(source, extent: extent)
        diagnostics += parsed.diagnostics
        var blocks = parsed.blocks
        let title = Sectioner.takeTitle(from: &blocks)
        for notes in blocks where FacilitatorNotes.isNotes(notes.block) {
            diagnostics.append(Diagnostic(.warning, "facilitator notes on the support page are never shown; present "
                + "mode shows the notes of lessons", path: source.path, at: notes.position))
        }
        blocks.removeAll { FacilitatorNotes.isNotes($0.block) }
        for prompt in Lesson(id: id, title: "", path: source.path, blocks: blocks.map(\.block)).prompts {
            diagnostics.append(Diagnostic(.warning, "the support page holds reflection prompt '\(prompt.id)'; "
                + "answers are written in lessons, so it is shown but cannot be answered", path: source.path,
                at: prompt.position))
        }
        if blocks.isEmpty {
            diagnostics.append(Diagnostic(.warning, "the support page is empty; the player's support key would show "
                + "nothing", path: source.path))
        }
        return Lesson(id: id, title: title.map(\.title).flatMap { $0.isEmpty ? nil : $0 } ?? "Support",
                      path: source.path, position: title?.position, blocks: blocks.map(\.block))
    }
}
