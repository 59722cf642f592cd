/// Advice about a loaded course beyond what loading reports: empty lessons, lessons without a prompt,
/// prompts that lean on what came before them, content notes out of place, a course of prompts with no
/// support page.
public enum Linter {
    /// Words a prompt should not start with: they point back at something the prompt does not hold, and
    /// a prompt is often read alone (in an outline, in "Your reflections").
    static let pointingBack: Set<String> = ["it", "this", "that", "these", "those"]

    public static func lint(_ result: LoadResult) -> [Diagnostic] {
        var diagnostics = result.diagnostics
        guard let course = result.course else { return diagnostics.sortedForReport() }
        for lesson in course.lessons {
            if lesson.blocks.isEmpty {
                diagnostics.append(Diagnostic(.warning, "lesson '\(lesson.id)' is empty", path: lesson.path,
                                              at: lesson.position))
            } else if lesson.prompts.isEmpty {
                diagnostics.append(Diagnostic(.warning, "lesson '\(lesson.id)' has no reflection prompt "
                    + "(> [!REFLECT] prompt-id)", path: lesson.path, at: lesson.position))
            }
            for prompt in lesson.prompts {
                let first = prompt.text.prefix { $0.isLetter }.lowercased()
                if pointingBack.contains(first) {
                    diagnostics.append(Diagnostic(.warning, "prompt '\(prompt.id)' starts with '\(prompt.text.prefix(first.count))', "
                        + "which points back at something before it; prompts are also read alone, so let each "
                        + "say what it asks about", path: lesson.path, at: prompt.position))
                }
            }
            Block.visit(Array(lesson.blocks.dropFirst())) { block in
                guard case .callout(let callout) = block, callout.kind == .contentNote else { return }
                diagnostics.append(Diagnostic(.warning, "a content note in lesson '\(lesson.id)' is not its first "
                    + "block, so it is not shown before the lesson", path: lesson.path, at: lesson.position))
            }
        }
        if course.supportFile == nil && course.lessons.contains(where: { !$0.prompts.isEmpty }) {
            let how = course.manifestPath == nil
                ? "a support page is named in course.yaml ('support: FILE.md'), which this course does not have"
                : "name one with 'support: FILE.md' in course.yaml"
            diagnostics.append(Diagnostic(.warning, "the course asks reflection prompts but has no support page; \(how) "
                + "(see docs/course-format.md)", path: course.manifestPath ?? course.lessons.first?.path ?? course.path))
        }
        return diagnostics.sortedForReport()
    }
}
