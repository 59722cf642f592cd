import Foundation

/// A course as read from its files, before ids are given out.
struct CourseDraft {
    struct Lesson {
        var heading: SectionHeading
        var path: String
        var blocks: [Block]
        var facilitatorNotes: [Block] = []
        /// The sections of its file its blocks are in (see `PositionedBlock.section`); nil without blocks.
        var sections: ClosedRange<Int>?
    }

    struct Module {
        var heading: SectionHeading
        /// What a generated module id is made from: the file name, or the title in a single-file course.
        var idSource: String
        var path: String
        var lessons: [Lesson]
    }

    var explicitID: String?
    var title: String
    var description = ""
    var authors: [String] = []
    var version = ""
    var language = ""
    var path: String
    var modules: [Module]

    /// Gives every module, lesson, prompt and checklist item its id and reports clashes.
    func assemble(diagnostics: inout [Diagnostic], emptyPath: String) -> Course {
        for module in modules {
            for heading in [module.heading] + module.lessons.map(\.heading) {
                for problem in heading.problems {
                    diagnostics.append(Diagnostic(.warning, problem, path: module.path, at: heading.position))
                }
            }
        }
        var moduleIDs = IDAllocator()
        var lessonIDs = IDAllocator()
        var promptIDs = IDAllocator()
        var promptHomes: [String: String] = [:]

        var explicitLessons: [String: String] = [:]
        for lesson in modules.flatMap(\.lessons) {
            guard let id = lesson.heading.explicitID else { continue }
            let home = Self.location(lesson.path, lesson.heading.position)
            if lessonIDs.reserve(id) {
                explicitLessons[id] = home
            } else {
                diagnostics.append(Diagnostic(.error, "lesson id '\(id)' is already used by the lesson at "
                    + (explicitLessons[id] ?? "?"), path: lesson.path, at: lesson.heading.position))
            }
        }

        let course = Course(
            id: explicitID ?? Slug.make(title, fallback: "course"),
            title: title, description: description, authors: authors, version: version, language: language,
            path: path,
            modules: modules.map { module in
                let moduleID = module.heading.explicitID.map { moduleIDs.unique($0) }
                    ?? moduleIDs.unique(Slug.make(module.idSource, fallback: "module"))
                return JourneyKit.Module(id: moduleID, title: module.heading.title, lessons: module.lessons.map { draft in
                    let id = draft.heading.explicitID ?? lessonIDs.unique(Slug.make(draft.heading.title, fallback: "lesson"))
                    return draft.lesson(id: id, prompts: &promptIDs, homes: &promptHomes, diagnostics: &diagnostics)
                })
            }
        )
        if course.lessons.isEmpty {
            diagnostics.append(Diagnostic(.error, "the course has no lessons", path: emptyPath))
        }
        return course
    }

    static func location(_ path: String, _ position: SourcePosition?) -> String {
        position.map { "\(path):\($0.line):\($0.column)" } ?? path
    }
}

extension CourseDraft.Lesson {
    /// The lesson, called `id`, with its prompts and checklist items given theirs: prompt ids are unique
    /// across the course (`prompts`, with where each is, `homes`), item ids within the lesson.
    func lesson(id: String, prompts: inout IDAllocator, homes: inout [String: String],
                diagnostics: inout [Diagnostic]) -> Lesson {
        var ids = LessonIDs(lessonID: id, path: path)
        return Lesson(id: id, title: heading.title, path: path, position: heading.position,
                      blocks: ids.assign(blocks, prompts: &prompts, homes: &homes, diagnostics: &diagnostics),
                      facilitatorNotes: facilitatorNotes)
    }
}

/// Gives the prompts and checklist items of one lesson their ids.
private struct LessonIDs {
    let lessonID: String
    let path: String
    var checklistIDs = IDAllocator()
    var unnamedPrompts = 0

    init(lessonID: String, path: String) {
        self.lessonID = lessonID
        self.path = path
    }

    /// Nesting is capped by the converter, so this recursion is shallow.
    mutating func assign(_ blocks: [Block], prompts: inout IDAllocator, homes: inout [String: String],
                         diagnostics: inout [Diagnostic]) -> [Block] {
        blocks.map { block in
            switch block {
            case .prompt(var prompt):
                if prompt.id.isEmpty || !PromptID.isValid(prompt.id) {
                    unnamedPrompts += 1
                    prompt.id = prompts.unique("\(lessonID)-prompt-\(unnamedPrompts)")
                    homes[prompt.id] = CourseDraft.location(path, prompt.position)
                } else if prompts.reserve(prompt.id) {
                    homes[prompt.id] = CourseDraft.location(path, prompt.position)
                } else {
                    diagnostics.append(Diagnostic(.error, "prompt id '\(prompt.id)' is already used by the prompt at "
                        + (homes[prompt.id] ?? "?") + "; answers are saved under it, so each must be unique",
                        path: path, at: prompt.position))
                }
                prompt.body = assign(prompt.body, prompts: &prompts, homes: &homes, diagnostics: &diagnostics)
                return .prompt(prompt)
            case .list(var list):
                for index in list.items.indices {
                    if list.items[index].task != nil {
                        var item = list.items[index]
                        let id = itemID(&item, diagnostics: &diagnostics)
                        item.task?.id = "\(lessonID)/\(id)"
                        list.items[index] = item
                    }
                    list.items[index].blocks = assign(list.items[index].blocks, prompts: &prompts, homes: &homes,
                                                      diagnostics: &diagnostics)
                }
                return .list(list)
            case .quote(let children):
                return .quote(assign(children, prompts: &prompts, homes: &homes, diagnostics: &diagnostics))
            case .callout(var callout):
                callout.blocks = assign(callout.blocks, prompts: &prompts, homes: &homes, diagnostics: &diagnostics)
                return .callout(callout)
            case .heading, .paragraph, .code, .table, .html, .rule:
                return block
            }
        }
    }

    /// An item's explicit `{#id}` at the end of its text (taken out of the text), else a slug of the text.
    private mutating func itemID(_ item: inout ListItem, diagnostics: inout [Diagnostic]) -> String {
        guard case .paragraph(var inlines)? = item.blocks.first else { return checklistIDs.unique("item") }
        if case .text(let last)? = inlines.last, last.hasSuffix("}"), let open = last.range(of: "{#", options: .backwards) {
            let id = String(last[open.upperBound..<last.index(before: last.endIndex)])
            if !PromptID.isValid(id) {
                diagnostics.append(Diagnostic(.error, "checklist item id '\(id.prefix(PromptID.maximumLength))' may hold only "
                    + "letters, digits, '-', '_' and '.', with a letter or digit, at most \(PromptID.maximumLength) "
                    + "characters; ticks are saved under it", path: path))
            } else if !checklistIDs.reserve(id) {
                diagnostics.append(Diagnostic(.error, "checklist item id '\(id)' is used twice in lesson '\(lessonID)'; "
                    + "ticks are saved under it, so each must be unique", path: path))
            } else {
                let rest = last[..<open.lowerBound].trimmingSpaces
                inlines[inlines.count - 1] = .text(rest)
                if rest.isEmpty { inlines.removeLast() }
                item.blocks[0] = .paragraph(inlines)
                return id
            }
        }
        return checklistIDs.unique(Slug.make(inlines.plainText, fallback: "item"))
    }
}
