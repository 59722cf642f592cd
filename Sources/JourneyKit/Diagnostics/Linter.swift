/// Advice about a loaded course beyond what loading reports: empty lessons, lessons without a prompt.
public enum Linter {
    public static func lint(_ result: LoadResult) -> [Diagnostic] {
        var diagnostics = result.diagnostics
        for lesson in result.course?.lessons ?? [] {
            if lesson.blocks.isEmpty {
                diagnostics.append(Diagnostic(.warning, "lesson '\(lesson.id)' is empty", path: lesson.path,
                                              at: lesson.position))
            } else if lesson.prompts.isEmpty {
                diagnostics.append(Diagnostic(.warning, "lesson '\(lesson.id)' has no reflection prompt "
                    + "(> [!REFLECT] prompt-id)", path: lesson.path, at: lesson.position))
            }
        }
        return diagnostics.sortedForReport()
    }
}
