/// `> [!NOTES]` blocks: notes for whoever presents a lesson to a group. A lesson keeps them apart from
/// its blocks, so reading and `print` never show them; present mode does.
enum FacilitatorNotes {
    static func isNotes(_ block: Block) -> Bool {
        if case .callout(let callout) = block { callout.kind == .facilitatorNotes } else { false }
    }

    /// A lesson of `blocks` with its notes taken out of them; notes that are empty or hold a reflection
    /// prompt are pointed out.
    static func lesson(heading: SectionHeading, path: String, blocks: [PositionedBlock],
                       diagnostics: inout [Diagnostic]) -> CourseDraft.Lesson {
        var body: [Block] = []
        var notes: [Block] = []
        for positioned in blocks {
            guard case .callout(let callout) = positioned.block, callout.kind == .facilitatorNotes else {
                body.append(positioned.block)
                continue
            }
            if callout.blocks.isEmpty {
                diagnostics.append(Diagnostic(.warning, "these facilitator notes are empty", path: path,
                                              at: positioned.position))
            }
            if !Lesson(id: "", title: "", path: path, blocks: callout.blocks).prompts.isEmpty {
                diagnostics.append(Diagnostic(.warning, "a reflection prompt inside facilitator notes is never shown "
                    + "to learners; put it in the lesson itself", path: path, at: positioned.position))
            }
            notes += callout.blocks
        }
        return CourseDraft.Lesson(heading: heading, path: path, blocks: body, facilitatorNotes: notes,
                                  sections: blocks.first.map { $0.section...blocks[blocks.count - 1].section })
    }
}
