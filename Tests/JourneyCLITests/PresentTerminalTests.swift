import Foundation
import JourneyStore
import Testing
import TestSupport

/// `journey present` in a real terminal: the whole course shown to a room with a learner's answers in
/// the data folder, none of which appears, and the folder left exactly as it was.
@Suite struct PresentTerminalTests {
    /// Every file in `folder` and its bytes.
    private func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder).appending(path: name))
        }
        return files
    }

    @Test func presentingTheCourseShowsNoAnswerAndLeavesTheDataFolderAlone() throws {
        let course = try LearnerJourneyTests.course()
        let data = try TemporaryFolder()
        do {
            let store = try LearnerStore.open(folder: data.path()).store
            try store.saveAnswer(course: "tiny-journey", prompt: "start-why", text: "PRIVATE-ANSWER-ONE",
                                 place: JournalCommandTests.place, session: "s")
            try store.saveDraft(course: "tiny-journey", prompt: "long-think", text: "PRIVATE-DRAFT-TWO",
                                place: JournalCommandTests.place, session: "s")
            try store.setTick(course: "tiny-journey", item: "ticking/rest", ticked: true)
        }
        let before = try snapshot(data.path())
        #expect(!before.isEmpty)

        let session = try TmuxSession(command: "\(TmuxSession.journey) present '\(course.path())'",
                                      dataDirectory: data.path())
        var screen = try session.waitFor("Lesson 1/3")
        #expect(screen.contains("Starting out") && screen.contains("Discuss"))
        var screens = 0
        while !screen.contains("Lesson 3/3") || !screen.contains("What stays with you?") {
            #expect(!screen.contains("PRIVATE"), "\(screen)")
            #expect(!screen.contains("[x]") && !screen.contains("✓"), "no learner's tick: \(screen)")
            try session.send("Space")
            screen = try session.waitFor("the next screenful") { $0 != screen }
            screens += 1
            try #require(screens < 20)
        }
        for keys in [["N"], ["t"], ["?"]] {
            try session.send(keys[0])
            let shown = try session.waitFor("what \(keys[0]) opens") { $0 != screen }
            #expect(!shown.contains("PRIVATE"), "\(shown)")
            try session.send(keys[0] == "N" ? "N" : "Escape")
            screen = try session.waitFor("the lesson again") { $0 != shown }
        }
        try session.send("q")
        #expect(try session.exitStatus() == 0)
        #expect(try session.query("#{alternate_on}") == "0")
        #expect(try snapshot(data.path()) == before, "present mode writes nothing to the data folder")
    }

    @Test func blankAndCountdownInATerminal() throws {
        let course = try LearnerJourneyTests.course()
        let session = try TmuxSession(command: "\(TmuxSession.journey) present '\(course.path())' --lesson long-lesson")
        try session.waitFor("Lesson 3/3")
        try session.send("B")
        try session.waitFor("a blank screen") { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        try session.send("x")
        try session.waitFor("Lesson 3/3")
        try session.send("T")
        try session.waitFor("Timer 2:00")
        try session.waitFor("Timer 1:5")
        try session.send("T")
        try session.waitFor("the timer gone") { !$0.contains("Timer") }
        try session.send("q")
        #expect(try session.exitStatus() == 0)
    }
}
