import Foundation
import GRDB
@testable import JourneyStore
import Testing
import TestSupport

/// The learner's journey end to end in a real terminal: answers typed, saved and seen again; drafts that
/// survive kill -9, SIGHUP and a terminal that vanishes; two sessions at once; ticks, progress, resume.
@Suite struct LearnerJourneyTests {
    /// A small course with prompts, a checklist and a lesson long enough to scroll.
    static func course() throws -> TemporaryFolder {
        let paragraphs = (1...12).map { "Paragraph \($0) of the long lesson, with enough words in it to wrap on a narrow screen." }
        return try TemporaryFolder([
            "course.yaml": "id: tiny-journey\ntitle: Tiny Journey\nmodules: [one.md, two.md]\n",
            "one.md": """
                # First module

                ## Starting out {#starting-out}

                Welcome to a tiny course.

                > [!REFLECT] start-why
                > What brings you here?

                ## Ticking {#ticking}

                - [ ] I can rest {#rest}
                - [ ] I can ask for help

                """,
            "two.md": "# Second module\n\n## Long lesson {#long-lesson}\n\n" + paragraphs.joined(separator: "\n\n")
                + "\n\n> [!REFLECT] long-think\n> What stays with you?\n",
        ])
    }

    private func start(_ course: TemporaryFolder, data: String? = nil, columns: Int = 80, rows: Int = 24,
                       arguments: String = "", environment: [String: String] = [:]) throws -> TmuxSession {
        let session = try TmuxSession(columns: columns, rows: rows,
                                      command: "\(TmuxSession.journey) '\(course.path())' \(arguments)",
                                      environment: environment, dataDirectory: data)
        try session.waitFor("Lesson ")
        return session
    }

    /// Opens the answer editor on the prompt in view.
    private func openEditor(_ session: TmuxSession) throws {
        try session.send("r")
        try session.waitFor("Your answer")
    }

    private func journey(_ arguments: [String], data: String) throws -> BuiltProgram.Outcome {
        try BuiltProgram.run(arguments + ["--data-dir", data])
    }

    /// Polls `journey export` until it shows `text`: the store has it on disk.
    private func waitForExport(_ text: String, course: TemporaryFolder, data: String) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if try journey(["export", course.path(), "--include-drafts"], data: data).stdout.contains(text) { return }
            usleep(50_000)
        }
        Issue.record("the store never showed '\(text)'")
    }

    private func waitForExit(_ pid: pid_t) {
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0 && Date() < deadline { usleep(20_000) }
        #expect(kill(pid, 0) != 0, "the player exited")
    }

    @Test func aUTF8AnswerIsSavedAndSeenAfterARelaunch() throws {
        let course = try Self.course()
        let first = try start(course)
        try openEditor(first)
        try first.type("Café, 信頼, 🌱 and e\u{301}: q? j")
        try first.send("Enter")
        try first.type("A second line.")
        try first.send("C-s")
        try first.waitFor("Your answer is saved.")
        try first.send("q")
        #expect(try first.exitStatus() == 0)

        let second = try start(course, data: first.dataDirectory)
        let screen = try second.waitFor("Café, 信頼, 🌱 and é: q? j")
        #expect(screen.contains("A second line."))
        #expect(screen.contains("Your answer,"))
        try second.send("q")
        #expect(try second.exitStatus() == 0)
    }

    @Test func killMinusNineWhileTypingLosesNoMoreThanTheLastMoment() throws {
        let course = try Self.course()
        let session = try start(course)
        try openEditor(session)
        try session.type("words typed before the kill")
        try waitForExport("words typed before the kill", course: course, data: session.dataDirectory)
        kill(try session.programPID(), SIGKILL)
        #expect(try session.exitStatus() == 137)

        let again = try start(course, data: session.dataDirectory)
        try again.waitFor("You have unsaved words here")
        try again.send("r")
        try again.waitFor("words typed before the kill")
        try again.send("Escape", "q")
        #expect(try again.exitStatus() == 0)
    }

    @Test(arguments: [(SIGHUP, 129), (SIGTERM, 143), (SIGINT, 130), (SIGQUIT, 131)])
    func aSignalWhileTypingSavesTheDraftFirst(_ signal: Int32, _ status: Int) throws {
        let course = try Self.course()
        let session = try start(course)
        try openEditor(session)
        try session.type("not yet saved")
        try session.waitFor("not yet saved")
        kill(try session.programPID(), signal)
        #expect(try session.exitStatus() == status)
        let export = try journey(["export", course.path(), "--include-drafts"], data: session.dataDirectory)
        #expect(export.stdout.contains("> not yet saved"))
    }

    @Test func aTerminalThatVanishesWithoutSIGHUPIsAHangUp() throws {
        let course = try Self.course()
        let data = FileManager.default.temporaryDirectory.appending(path: "journey-data-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        let command = "bash -c \"trap : HUP; JOURNEY_DATA_DIR='\(data)' \(TmuxSession.journey) '\(course.path())'\""
        let session = try TmuxSession(command: command, dataDirectory: data)
        try session.waitFor("Lesson 1 of 3")
        try openEditor(session)
        try session.type("the connection dropped")
        try session.waitFor("the connection dropped")
        let player = try #require(pgrepPlayer(course.path()))
        try session.closeTerminal()
        waitForExit(player)
        let export = try journey(["export", course.path(), "--include-drafts"], data: data)
        #expect(export.stdout.contains("> the connection dropped"))
    }

    @Test func keysWithNoMeaningHereAreNeitherTextNorTheEndOfInput() throws {
        let course = try Self.course()
        let session = try start(course)
        try session.send("F1", "IC", "S-Left", "F12")
        try openEditor(session)
        try session.send("F1", "S-Up")
        try session.type("still here")
        try session.waitFor("still here")
        try session.send("Escape", "q")
        #expect(try session.exitStatus() == 0)
    }

    @Test(.enabled(if: SmallDisk.canMount, "needs to mount a small tmpfs (root)"))
    func aFullDiskSaysSoAndKeepsTheWordsInTheEditor() throws {
        let disk = try SmallDisk(kilobytes: 200)
        let course = try Self.course()
        let session = try start(course, data: disk.path)
        try openEditor(session)
        try session.paste(String(repeating: "words that will not fit on this disk ", count: 2_500))
        try session.waitFor("is full")
        try session.send("C-s")
        try session.waitFor("Not saved: the disk holding")
        #expect(try session.screen().contains("words that will not fit"), "the words are still in the editor")
        try session.send("Escape")
        try session.waitFor("Esc again closes all the same")
        try session.send("Escape", "q")
        try session.waitFor("Press q again to quit anyway")
        try session.send("q")
        let screen = try session.waitFor("[exit ")
        #expect(screen.contains("were not kept"), "the way out says what was lost")
    }

    @Test(.enabled(if: SmallDisk.canMount, "needs to mount a small tmpfs (root)"))
    func aReadOnlyDataFolderIsAClearErrorBeforeAnythingIsTyped() throws {
        let disk = try SmallDisk(kilobytes: 4096)
        let course = try Self.course()
        #expect(try journey(["progress", course.path()], data: disk.path).status == 0)
        try disk.makeReadOnly()
        let session = try TmuxSession(command: "\(TmuxSession.journey) '\(course.path())'", dataDirectory: disk.path)
        try session.waitFor("Read-only file system")
        #expect(try session.exitStatus() == 1)
    }

    @Test func twoSessionsAtOnceKeepEachOthersAnswers() throws {
        let course = try Self.course()
        let one = try start(course)
        let two = try start(course, data: one.dataDirectory)
        for (session, text) in [(one, "from the first login"), (two, "from the second login")] {
            try openEditor(session)
            try session.type(text)
        }
        for session in [one, two] {
            try session.send("C-s")
            try session.waitFor("Your answer is saved.")
            try session.send("q")
            #expect(try session.exitStatus() == 0)
        }
        let export = try journey(["export", course.path()], data: one.dataDirectory).stdout
        #expect(export.contains("> from the first login"))
        #expect(export.contains("> from the second login"))
        #expect(export.contains("Earlier versions:"))
    }

    @Test func pastedTextIsTextEvenWhenItHoldsKeys() throws {
        let course = try Self.course()
        let session = try start(course)
        try openEditor(session)
        try session.paste("pasted q\nand ? and G")
        try session.waitFor("and ? and G")
        #expect(try session.screen().contains("pasted q"))
        try session.send("C-s")
        try session.waitFor("Your answer is saved.")
        try session.send("q")
        #expect(try session.exitStatus() == 0)
        #expect(try journey(["export", course.path()], data: session.dataDirectory).stdout.contains("> pasted q\n> and ? and G"))
    }

    @Test func ticksProgressAndTheEndOfTheCourse() throws {
        let course = try Self.course()
        let session = try start(course, arguments: "--lesson ticking")
        try session.send("Tab", "x")
        try session.waitFor("[x] I can rest")
        try session.send("n", "G", "n")
        try session.waitFor("end of the course")
        #expect(try session.screen().contains("Not answered yet"))
        try session.send("Escape", "q")
        #expect(try session.exitStatus() == 0)
        let progress = try journey(["progress", course.path(), "--json"], data: session.dataDirectory)
        #expect(progress.status == 0)
        #expect(progress.stdout.contains("\"items\" : {\n    \"done\" : 1,\n    \"total\" : 2\n  }"))
        #expect(progress.stdout.contains("\"lessons\" : {\n    \"done\" : 2,"))
    }

    @Test func resumesAtTheSamePlaceAtAnotherWidth() throws {
        let course = try Self.course()
        let first = try start(course, arguments: "--lesson long-lesson")
        for _ in 0..<12 { try first.send("j") }
        let top = try first.waitFor("Paragraph 4 at the top") { $0.split(separator: "\n").dropFirst().first?.contains("Paragraph 4") == true }
        #expect(top.contains("Lesson 3 of 3"))
        try first.send("q")
        #expect(try first.exitStatus() == 0)
        let second = try start(course, data: first.dataDirectory, columns: 50, rows: 15)
        try second.waitFor("Paragraph 4 at the top at 50 columns") { screen in
            screen.split(separator: "\n").dropFirst().first?.contains("Paragraph 4") == true
        }
        try second.send("q")
        #expect(try second.exitStatus() == 0)
    }

    @Test func theLearnersOwnEditorWritesTheAnswer() throws {
        let course = try Self.course()
        let editor = try TemporaryFolder(["edit.sh": "printf 'Written in my own editor\\n' >> \"$1\"\n"])
        // Run by `sh`, not executed: a file just written may still be open in a process another test forked.
        let session = try start(course, environment: ["VISUAL": "sh '\(editor.path("edit.sh"))'"])
        try session.send("e")
        try session.waitFor("Written in my own editor")
        try session.waitFor("Your answer is saved.")
        try session.send("q")
        #expect(try session.exitStatus() == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.hasPrefix("journey-answer-") }
        #expect(leftovers.isEmpty, "the temporary file and folder are removed")
    }

    @Test func damagedStorageIsMovedAsideAndTheLearnerIsTold() throws {
        let course = try Self.course()
        let data = try TemporaryFolder(["journey.sqlite": "not a database, but maybe someone's only copy"])
        let aside = try expectMovedAsideAndTold(course, data: data)
        #expect(try String(contentsOfFile: data.path(aside), encoding: .utf8) == "not a database, but maybe someone's only copy")
    }

    /// Starts the player on a damaged store: it says the file was moved aside, opens the course, and
    /// quits cleanly. Returns the name the file was moved to.
    private func expectMovedAsideAndTold(_ course: TemporaryFolder, data: TemporaryFolder) throws -> String {
        let session = try start(course, data: data.path())
        try session.waitFor("moved, untouched")
        try session.send("Enter")
        try session.waitFor("Welcome to a tiny course.")
        try session.send("q")
        #expect(try session.exitStatus() == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: data.path())
        return try #require(files.first { $0.hasPrefix("journey.sqlite.damaged-") }, "\(files)")
    }

    /// Opening reads little, so damage inside the answers' index shows only when the record is read:
    /// then too the file is moved aside and the learner told, never locked out at every start.
    @Test func storageDamagedWhereOnlyTheRecordReachesIsMovedAsideToo() throws {
        let course = try Self.course()
        let data = try TemporaryFolder()
        let page = try {
            let store = try LearnerStore.open(folder: data.path()).store
            try store.saveAnswer(course: "tiny-journey", prompt: "start-why", text: "kept before the damage",
                                 place: PromptPlace(moduleTitle: "First module", lessonID: "starting-out",
                                                    lessonTitle: "Starting out", promptText: "What brings you here?"),
                                 session: "earlier")
            return try store.database.writeWithoutTransaction { db in
                try db.checkpoint(.truncate)
                return try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'answerByPrompt'") ?? 0
            }
        }()
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: data.path("journey.sqlite")))
        try file.seek(toOffset: UInt64((page - 1) * 4096))
        file.write(Data(repeating: 0xFF, count: 4096))
        try file.close()
        _ = try expectMovedAsideAndTold(course, data: data)
    }

    @Test func anUnusableDataFolderIsAClearErrorBeforeAnythingStarts() throws {
        let course = try Self.course()
        let data = try TemporaryFolder(["not-a-folder": "x"])
        let session = try TmuxSession(command: "\(TmuxSession.journey) '\(course.path())'", dataDirectory: data.path("not-a-folder"))
        try session.waitFor("it is not a folder")
        #expect(try session.exitStatus() == 1)
    }

    /// The player's process, found by its course path (it runs under a shell of its own).
    private func pgrepPlayer(_ coursePath: String) -> pid_t? {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let output = Pipe()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
            process.arguments = ["-f", "journey'? '\(coursePath)"]
            process.standardOutput = output
            try? process.run()
            process.waitUntilExit()
            let pids = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .split(separator: "\n").compactMap { pid_t($0) }
            if let pid = pids.last { return pid }
            usleep(20_000)
        }
        return nil
    }
}

/// A small tmpfs for a full or read-only disk, unmounted when released.
final class SmallDisk {
    struct Failure: Error {
        var reason: String
    }

    let path: String

    /// Whether this machine lets the tests mount one.
    static let canMount: Bool = {
        guard let disk = try? SmallDisk(kilobytes: 64) else { return false }
        return FileManager.default.fileExists(atPath: disk.path)
    }()

    init(kilobytes: Int) throws {
        path = FileManager.default.temporaryDirectory.appending(path: "journey-disk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Self.run(["mount", "-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0700", "tmpfs", path]) else {
            try? FileManager.default.removeItem(atPath: path)
            throw Failure(reason: "cannot mount a tmpfs")
        }
    }

    func makeReadOnly() throws {
        guard Self.run(["mount", "-o", "remount,ro", path]) else {
            throw Failure(reason: "cannot remount read-only")
        }
    }

    deinit {
        _ = Self.run(["umount", "-l", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func run(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
