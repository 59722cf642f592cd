import Foundation
import JourneyStore
import Testing
import TestSupport

/// `journey progress`, `export` and `reset` on a store filled through the store's own API.
@Suite struct JournalCommandTests {
    static let place = PromptPlace(moduleTitle: "First module", lessonID: "starting-out", lessonTitle: "Starting out",
                                   promptText: "What brings you here?")

    /// A course, and a data folder holding two versions of one answer, an answer to a prompt the course
    /// no longer has, a draft, a tick and a lesson read.
    private func fixture() throws -> (course: TemporaryFolder, data: TemporaryFolder) {
        let course = try LearnerJourneyTests.course()
        let data = try TemporaryFolder()
        let store = try LearnerStore.open(folder: data.path()).store
        try store.saveAnswer(course: "tiny-journey", prompt: "start-why", text: "An older answer", place: Self.place,
                             session: "s", at: Date(timeIntervalSince1970: 1_790_000_000))
        try store.saveAnswer(course: "tiny-journey", prompt: "start-why", text: "Curiosity.\n\n# not a heading\u{1B}[31m",
                             place: Self.place, session: "s", at: Date(timeIntervalSince1970: 1_790_100_000))
        let removed = PromptPlace(moduleTitle: "Old module", lessonID: "gone", lessonTitle: "A lesson that went",
                                  promptText: "A question that went?")
        try store.saveAnswer(course: "tiny-journey", prompt: "gone-prompt", text: "Kept all the same", place: removed,
                             session: "s")
        try store.saveDraft(course: "tiny-journey", prompt: "long-think", text: "half a thought", place: Self.place,
                            session: "s")
        try store.setTick(course: "tiny-journey", item: "ticking/rest", ticked: true)
        try store.markRead(course: "tiny-journey", lesson: "starting-out")
        return (course, data)
    }

    private func journey(_ arguments: [String], data: TemporaryFolder) throws -> BuiltProgram.Outcome {
        try BuiltProgram.run(arguments + ["--data-dir", data.path()])
    }

    @Test func exportWritesTheJournalInCourseOrderWithEveryVersionAndWhatWasRemoved() throws {
        let (course, data) = try fixture()
        let outcome = try journey(["export", course.path()], data: data)
        #expect(outcome.status == 0)
        let text = outcome.stdout
        #expect(text.hasPrefix("# Tiny Journey: my journal\n"))
        let order = ["## First module", "### Starting out", "**What brings you here?**", "> Curiosity.", ">",
                     "> # not a heading^[[31m", "Earlier versions:", "> An older answer",
                     "## Answers to prompts no longer in the course", "### A lesson that went",
                     "**A question that went?**", "> Kept all the same", "## Checklists", "- [x] I can rest"]
        var position = text.startIndex
        for line in order {
            let found = try #require(text.range(of: "\n\(line)\n", range: position..<text.endIndex), "missing or out of order: \(line)")
            position = found.lowerBound
        }
        #expect(!text.contains("half a thought"), "drafts only when asked")
        #expect(!text.contains("\u{1B}"), "no control character reaches the terminal")
        #expect(try journey(["export", course.path(), "--include-drafts"], data: data).stdout
            .contains("Unsaved draft:\n\n> half a thought"))
    }

    @Test func exportAsJSONForScripts() throws {
        let (course, data) = try fixture()
        let outcome = try journey(["export", course.path(), "--format", "json", "--include-drafts"], data: data)
        #expect(outcome.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let prompts = try #require(json["prompts"] as? [[String: Any]])
        #expect(prompts.map { $0["id"] as? String } == ["start-why", "long-think", "gone-prompt"])
        let answers = try #require(prompts[0]["answers"] as? [[String: String]])
        #expect(answers.map { $0["text"] } == ["Curiosity.\n\n# not a heading^[[31m", "An older answer"],
                "line breaks kept, a control shown as the player shows it, so a script can print it safely")
        #expect(answers[1]["date"] == "2026-09-21T14:13:20Z")
        #expect(prompts[2]["inCourse"] as? Bool == false)
        #expect(!outcome.stdout.contains("\u{1B}") && !outcome.stdout.contains("\\u001b"))
    }

    @Test func anExportFileIsReadableOnlyByTheLearnerWhateverTheUmask() throws {
        let (course, data) = try fixture()
        let folder = try TemporaryFolder(["journal.md": "an older export, replaced whole"])
        let previous = umask(0)
        defer { umask(previous) }
        let outcome = try journey(["export", course.path(), "--output", folder.path("journal.md")], data: data)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("Wrote 3 saved answers to"))
        var info = stat()
        stat(folder.path("journal.md"), &info)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: folder.path("journal.md"), encoding: .utf8).contains("> Curiosity."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path()) == ["journal.md"], "no temporary left")
    }

    /// A device, a pipe or a link at the path is never replaced by the export.
    @Test func anExportNeverReplacesWhatIsNotARegularFile() throws {
        let (course, data) = try fixture()
        let folder = try TemporaryFolder(["target.md": "kept\n"])
        mkfifo(folder.path("pipe"), 0o600)
        symlink(folder.path("target.md"), folder.path("link"))
        for (name, reason) in [("pipe", "it is not a regular file"), ("link", "it is a symbolic link")] {
            let outcome = try journey(["export", course.path(), "--output", folder.path(name)], data: data)
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains(reason), "\(outcome.stderr)")
        }
        var info = stat()
        #expect(lstat(folder.path("pipe"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(lstat(folder.path("link"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOfFile: folder.path("target.md"), encoding: .utf8) == "kept\n")
    }

    @Test func progressGivesTheFiguresAsTextAndJSON() throws {
        let (course, data) = try fixture()
        let text = try journey(["progress", course.path()], data: data)
        #expect(text.status == 0)
        #expect(text.stdout.contains("1 of 3 lessons read (33%), 1 of 2 prompts answered, 1 of 2 items ticked"))
        #expect(text.stdout.contains("✓ Starting out  1/1 answered"))
        #expect(text.stdout.contains("1 of your answers are to prompts the course no longer has"))
        let json = try journey(["progress", course.path(), "--json"], data: data)
        #expect(json.stdout.contains("\"percentRead\" : 33"))
    }

    @Test func resetAsksFirstAndForgetsOnlyWhatWasAskedFor() throws {
        let (course, data) = try fixture()
        let refused = try journey(["reset", course.path(), "--answers"], data: data)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("add --yes"))
        #expect(try journey(["reset", course.path()], data: data).status == 64, "say what to forget")

        #expect(try journey(["reset", course.path(), "--progress", "--yes"], data: data).status == 0)
        var progress = try journey(["progress", course.path()], data: data).stdout
        #expect(progress.contains("0 of 3 lessons read"))
        #expect(progress.contains("1 of 2 prompts answered"), "answers untouched")
        let forgotten = try journey(["reset", course.path(), "--answers", "--yes"], data: data)
        #expect(forgotten.stderr.contains("Forgot 3 saved answers (every version), 1 draft, 1 tick"))
        progress = try journey(["progress", course.path()], data: data).stdout
        #expect(progress.contains("0 of 2 prompts answered, 0 of 2 items ticked"))
    }

    @Test func aDamagedStoreIsAClearErrorForCommandsAndIsLeftAlone() throws {
        let course = try LearnerJourneyTests.course()
        let data = try TemporaryFolder(["journey.sqlite": "not a database"])
        let outcome = try journey(["export", course.path()], data: data)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("is damaged; `journey` moves it aside, untouched, and starts a fresh one"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path()) == ["journey.sqlite"])
    }
}
