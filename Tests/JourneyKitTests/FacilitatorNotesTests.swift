import Foundation
import JourneyKit
import JourneyLayout
import Testing
import TestSupport

/// `> [!NOTES]`: kept apart from a lesson's blocks, so learners never see them, and checked by lint.
@Suite struct FacilitatorNotesTests {
    private func load(_ module: String, support: String? = nil) throws -> LoadResult {
        var files = ["course.yaml": "title: T\nmodules: [m.md]\n" + (support == nil ? "" : "support: s.md\n"), "m.md": module]
        if let support { files["s.md"] = support }
        let folder = try TemporaryFolder(files)
        return withExtendedLifetime(folder) { CourseLoader.load(path: folder.path()) }
    }

    private func warnings(_ result: LoadResult) -> [String] {
        result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
    }

    @Test func notesLeaveTheLessonAndAreKeptInOrder() throws {
        let result = try load("""
            # M

            ## Trust {#trust}

            > [!NOTES]
            > Ask the room first.

            Trust grows slowly.

            > [!NOTES]
            > - Pause for two minutes.
            > - Then read the prompt aloud.
            """)
        let lesson = try #require(result.course?.lessons.first)
        #expect(lesson.blocks == [.paragraph([.text("Trust grows slowly.")])])
        #expect(lesson.facilitatorNotes.count == 2)
        #expect(warnings(result).isEmpty)
        let printed = Layout(width: 60).lines(for: lesson).map(\.text).joined(separator: "\n")
        #expect(!printed.contains("Ask the room") && !printed.contains("Pause"), "reading never shows the notes")
        let notes = Layout(width: 60).lines(for: lesson.facilitatorNotes).map(\.text).joined(separator: "\n")
        #expect(notes.contains("Ask the room first.") && notes.contains("Pause for two minutes."))
    }

    @Test func notesThatCannotWorkArePointedOut() throws {
        let result = try load("""
            # M

            ## A

            > [!NOTES]

            - An item

              > [!NOTES]
              > Nested notes.

            > [!NOTES]
            > > [!REFLECT] hidden
            > > Never asked?
            """, support: "# Support\n\n> [!NOTES]\n> Not here.\n\nHelp.\n")
        let found = warnings(result)
        #expect(found.contains { $0.hasPrefix("5:3 these facilitator notes are empty") })
        #expect(found.contains { $0.hasPrefix("9:5 facilitator notes inside a list or a quote are left out") })
        #expect(found.contains { $0.hasPrefix("12:3 a reflection prompt inside facilitator notes is never shown") })
        #expect(found.contains { $0.hasPrefix("3:3 facilitator notes on the support page are never shown") })
        let course = try #require(result.course)
        #expect(course.support?.blocks == [.paragraph([.text("Help.")])])
        let lesson = try #require(course.lessons.first)
        #expect(!Layout(width: 60).lines(for: lesson).map(\.text).joined().contains("Nested notes"))
    }
}
