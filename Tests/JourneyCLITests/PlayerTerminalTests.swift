import Foundation
import Testing
import TestSupport

/// The player in a real terminal (tmux), on a small fixture course: reading, every lesson, search, help,
/// resizing down to 1x1, suspending, quitting and signals, each ending with the terminal restored. One
/// smoke test opens the bundled course.
@Suite struct PlayerTerminalTests {
    static let lessonTitles = ["Opening", "Second steps", "Boundaries", "Going on", "The end"]

    /// Two modules of lessons, one long enough to scroll, and a support page.
    static func course() throws -> TemporaryFolder {
        let filler = (1...16).map { "Paragraph \($0) of the boundaries lesson, written long enough to wrap on a narrow screen." }
        return try TemporaryFolder([
            "course.yaml": "id: fixture\ntitle: Fixture Course\nmodules: [first.md, second.md]\nsupport: support.md\n",
            "first.md": """
                # First module

                ## Opening {#opening}

                Welcome to the fixture course.

                > [!REFLECT] opening-why
                > What brings you here?

                ## Second steps {#second-steps}

                A short lesson.

                ## Boundaries {#boundaries}

                Boundaries are lines that show what is okay for you.

                \(filler.prefix(3).joined(separator: "\n\n"))

                Clear boundaries help trust grow, and this paragraph is the one the resizing test keeps at the top.

                \(filler.dropFirst(3).joined(separator: "\n\n"))

                """,
            "second.md": "# Second module\n\n## Going on {#going-on}\n\nMore text.\n\n## The end {#the-end}\n\nThe last words.\n",
            "support.md": "# Support\n\nIf you are in crisis, call a crisis line where you live.\n",
        ])
    }

    private func start(_ course: TemporaryFolder, _ arguments: String = "", columns: Int = 80, rows: Int = 24,
                       environment: [String: String] = [:]) throws -> TmuxSession {
        try TmuxSession(columns: columns, rows: rows, command: "\(TmuxSession.journey) '\(course.path())' \(arguments)",
                        environment: environment)
    }

    private func expectRestored(_ session: TmuxSession, status: Int) throws {
        #expect(try session.exitStatus() == status)
        #expect(try session.query("#{alternate_on}") == "0", "left the alternate screen")
        #expect(try session.query("#{cursor_flag}") == "1", "cursor visible")
    }

    @Test func readsEveryLessonInOrderAndQuits() throws {
        let course = try Self.course()
        let session = try start(course)
        let first = try session.waitFor("Lesson 1 of 5")
        #expect(first.contains("Fixture Course › First module › Opening"))
        #expect(first.contains("? help  s support  q quit"))
        for (index, title) in Self.lessonTitles.enumerated().dropFirst() {
            try session.send(index % 2 == 0 ? "n" : "Right")
            try session.waitFor("Lesson \(index + 1) of 5")
            #expect(try session.screen().contains(title))
        }
        #expect(try session.screen().contains(" read  "), "the bar shows lessons read")
        try session.send("p")
        try session.waitFor("Lesson 4 of 5")
        try session.send("p", "g", "j", "j", "C-d", "Space", "b", "G", "k", "Home")
        try session.waitFor("Top")
        try session.send("q")
        try expectRestored(session, status: 0)
    }

    @Test func contentsSearchAndHelp() throws {
        let course = try Self.course()
        let session = try start(course)
        try session.waitFor("Lesson 1 of 5")
        try session.send("t")
        try session.waitFor("Contents")
        try session.send("G", "Enter")
        try session.waitFor("Lesson 5 of 5")
        try session.send("/")
        try session.waitFor("Search:")
        try session.type("CLEAR BOUNDARIES")
        try session.send("Enter")
        try session.waitFor(" match")
        try session.send("Enter")
        try session.waitFor("Lesson 3 of 5")
        try session.send("/")
        try session.waitFor("Search: CLEAR BOUNDARIES")
        try session.send("Escape", "?")
        try session.waitFor("Reading")
        #expect(try session.screen().contains("next lesson"))
        try session.send("Escape")
        try session.waitFor("? help  s support  q quit")
        try session.send("t", "q")
        try expectRestored(session, status: 0)
    }

    @Test func resizesDownToOneCellAndBackKeepingTheParagraph() throws {
        let course = try Self.course()
        let session = try start(course, "--lesson boundaries")
        try session.waitFor("Lesson 3 of 5")
        let atTop = { (screen: String) in screen.split(separator: "\n").dropFirst().first?.contains("Clear boundaries") == true }
        // A search puts its line two below the top; two lines down brings the paragraph to the top.
        try session.send("/")
        try session.type("clear boundaries")
        try session.send("Enter")
        try session.waitFor(" match")
        try session.send("Enter")
        try session.waitFor("Lesson 3 of 5")
        try session.send("j", "j")
        try session.waitFor("the paragraph at the top", atTop)
        for (columns, rows) in [(40, 12), (50, 15), (120, 40), (30, 8), (29, 8), (20, 6), (1, 1), (100, 30), (80, 24)] {
            try session.resize(columns: columns, rows: rows)
            if columns >= 30 && rows >= 8 {
                try session.waitFor("\(columns)x\(rows) lesson", atTop)
            } else if columns >= 20 {
                try session.waitFor("30x8")
            }
        }
        try session.send("q")
        try expectRestored(session, status: 0)
    }

    @Test func suspendsToTheShellAndComesBack() throws {
        let course = try Self.course()
        let session = try TmuxSession(command: "exec env PS1=READY: bash --norc -i")
        try session.waitFor("READY:")
        try session.type("\(TmuxSession.journey) '\(course.path())'")
        try session.send("Enter")
        try session.waitFor("Lesson 1 of 5")
        try session.send("C-z")
        try session.waitFor("Stopped")
        #expect(try session.query("#{alternate_on}") == "0")
        try session.type("fg")
        try session.send("Enter")
        try session.waitFor("Lesson 1 of 5")
        try session.send("n")
        try session.waitFor("Lesson 2 of 5")
        try session.send("q")
        try session.type("echo status=$?")
        try session.send("Enter")
        try session.waitFor("status=0")
    }

    /// Every signal whose default would end the player restores the terminal first, and ends it by that signal.
    @Test(arguments: [SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, 40 /* a real-time signal */])
    func signalsRestoreTheTerminal(_ signal: Int32) throws {
        let course = try Self.course()
        let session = try start(course)
        try session.waitFor("Lesson 1 of 5")
        kill(try session.programPID(), signal)
        try expectRestored(session, status: 128 + Int(signal))
    }

    @Test func ctrlBackslashQuitsCleanlyWithoutARuntimeReport() throws {
        let course = try Self.course()
        let session = try start(course)
        try session.waitFor("Lesson 1 of 5")
        try session.send("C-\\")
        try expectRestored(session, status: 131)
        let screen = try session.screen()
        for sign in ["Fatal", "backtrace", "Backtrace", "Crash", "0x"] {
            #expect(!screen.contains(sign), "the runtime reported: \(screen)")
        }
    }

    /// `--watch`, with inotify and by polling: an edit shows at the same place, a broken manifest is a
    /// line above the footer while the course stays on screen, and mending it clears the line.
    @Test(arguments: ["inotify", "poll"])
    func watchingReadsTheCourseAgainWhenItsFilesChange(_ method: String) throws {
        let course = try Self.course()
        let session = try start(course, "--watch --lesson going-on", environment: ["JOURNEY_WATCH": method])
        try session.waitFor("More text.")
        try Data("# Second module\n\n## Going on {#going-on}\n\nMore text, edited.\n\n## The end {#the-end}\n\nThe last words.\n".utf8)
            .write(to: course.url.appending(path: "second.md"))
        try session.waitFor("More text, edited.")
        #expect(try session.screen().contains("Lesson 4 of 5"))
        let manifest = try String(contentsOf: course.url.appending(path: "course.yaml"), encoding: .utf8)
        try Data("title: [broken\n".utf8).write(to: course.url.appending(path: "course.yaml"))
        let broken = try session.waitFor(" course.yaml:2:1: error: malformed manifest")
        #expect(broken.contains("More text, edited."), "the course stays on screen")
        try Data(manifest.utf8).write(to: course.url.appending(path: "course.yaml"))
        try session.waitFor("the problem gone") { !$0.contains("malformed") && $0.contains("More text, edited.") }
        try session.send("q")
        try expectRestored(session, status: 0)
    }

    @Test func ctrlCQuitsWithTheInterruptStatus() throws {
        let course = try Self.course()
        let session = try start(course)
        try session.waitFor("Lesson 1 of 5")
        try session.send("C-c")
        try expectRestored(session, status: 130)
    }

    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color", "linux", "vt100"])
    func worksWithEachTerminalType(_ term: String) throws {
        let course = try Self.course()
        let session = try start(course, environment: ["TERM": term])
        try session.waitFor("Lesson 1 of 5")
        try session.send("n")
        try session.waitFor("Lesson 2 of 5")
        try session.send("q")
        try expectRestored(session, status: 0)
    }

    @Test func plainLocaleDrawsInASCIIAndNoColorStillWorks() throws {
        let course = try Self.course()
        let session = try start(course, environment: ["LANG": "C", "LC_ALL": "C", "NO_COLOR": "1"])
        let screen = try session.waitFor("Lesson 1 of 5")
        #expect(screen.contains("Fixture Course > First module > Opening"))
        #expect(screen.contains("#-----  20% - module 1/3 read"), "an ASCII bar")
        #expect(screen.contains("+- Reflect --"), "ASCII frames")
        #expect(!screen.contains("█"))
        try session.send("q")
        try expectRestored(session, status: 0)
    }

    /// An unknown terminal and one that cannot move the cursor get the same clear message, not a blank player.
    @Test(arguments: ["no-such-terminal", "dumb"])
    func unusableTerminalTypeIsAClearError(_ term: String) throws {
        let course = try Self.course()
        let session = try TmuxSession(command: "TERM=\(term) \(TmuxSession.journey) '\(course.path())'")
        try session.waitFor("cannot use terminal type '\(term)'")
        #expect(try session.exitStatus() == 1)
        #expect(try session.query("#{alternate_on}") == "0")
    }

    @Test func printOnATerminalWrapsToItsWidthAndStyles() throws {
        let course = try Self.course()
        let session = try TmuxSession(columns: 50, rows: 60,
                                      command: "\(TmuxSession.journey) print '\(course.path())' --lesson boundaries")
        #expect(try session.exitStatus() == 0)
        let lines = try session.screen().split(separator: "\n")
        #expect(lines.first == "Boundaries")
        #expect(lines.allSatisfy { $0.count <= 50 })
        #expect(lines.contains { $0.count > 40 && !$0.contains("─") }, "text fills the 50 columns")
        #expect(try session.screen(escapes: true).contains("\u{1B}["), "styled on a terminal")
    }

    @Test func unknownLessonNamesTheClosestIDs() throws {
        let course = try Self.course()
        let outcome = try BuiltProgram.run([course.path(), "--lesson", "boundary"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("no lesson 'boundary'; closest: boundaries"))
    }

    @Test func withoutATerminalSuggestsPrint() throws {
        for arguments in [[], ["open"], ["docs/example-course"]] {
            let outcome = try BuiltProgram.run(arguments)
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains("the player needs a terminal; to read the course as text, try `journey print`"))
        }
    }

    /// The bundled course opens, and from a lesson deep in it the support page is one key away and Esc
    /// comes back to the same line.
    @Test func theBundledCourseOpensAndSupportIsOneKeyAway() throws {
        let session = try TmuxSession(command: TmuxSession.journey + " --lesson communicate-openly")
        try session.waitFor("Lesson 12 of 14")
        try session.send("G")
        let before = try session.waitFor("Bot")
        let line = before.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        try session.send("s")
        try session.waitFor("If you are in crisis")
        #expect(try session.screen().contains("Learning to Trust Again › Support"))
        try session.send("Escape")
        try session.waitFor("the same line") { $0.split(separator: "\n").dropFirst().first.map(String.init) == line }
        try session.send("r")
        try session.waitFor("Your answer")
        try session.send("C-o")
        try session.waitFor("If you are in crisis")
        try session.send("Escape")
        try session.waitFor("Your answer")
        try session.send("Escape", "q")
        try expectRestored(session, status: 0)
    }

    @Test func helpShowsTheWayOutFirstAndTheHeaderKeepsTheLessonTitle() throws {
        let session = try TmuxSession(columns: 50, rows: 20, command: TmuxSession.journey + " --lesson set-boundaries")
        let narrow = try session.waitFor("Lesson 10 of 14")
        #expect(narrow.hasPrefix(" … › Set boundaries\n"), "the course and module give way first: \(narrow)")
        try session.resize(columns: 80, rows: 24)
        try session.waitFor("Learning to Trust Again › Trust in the Relationships Ahead › Set boundaries")
        try session.send("?")
        let help = try session.waitFor("Esc close  q quit")
        #expect(help.contains("22 of 3"), "it says that it scrolls, and how far: \(help)")
        try session.send("Space")
        try session.waitFor("more of the help") { $0 != help }
        try session.send("q")
        try expectRestored(session, status: 0)
    }

    @Test func whileTooSmallKeysThatWouldMoveDoNothing() throws {
        let session = try TmuxSession(command: TmuxSession.journey + " --lesson set-boundaries")
        let before = try session.waitFor("Lesson 10 of 14")
        try session.resize(columns: 20, rows: 6)
        try session.waitFor("Terminal too small")
        try session.send("n", "G", "t", "Space")
        try session.resize(columns: 80, rows: 24)
        let after = try session.waitFor("Lesson 10 of 14")
        #expect(after == before, "n, G, t and Space acted while the notice showed")
        try session.resize(columns: 20, rows: 6)
        try session.waitFor("Terminal too small")
        try session.send("q")
        try expectRestored(session, status: 0)
    }

    @Test func aPhraseWrappedOnTheScreenIsFoundTheSameAtTwoWidths() throws {
        let session = try TmuxSession(command: TmuxSession.journey)
        try session.waitFor("Lesson ")
        var counts: [String] = []
        for (columns, rows) in [(80, 24), (120, 30)] {
            try session.resize(columns: columns, rows: rows)
            try session.send("/")
            try session.waitFor("Search:")
            try session.send("C-u")
            try session.type("can grow again")
            try session.send("Enter")
            let screen = try session.waitFor(" match")
            counts += screen.split(separator: "\n").filter { $0.contains(" match") }.map { $0.trimmingCharacters(in: .whitespaces) }
            try session.send("Enter")
            let lesson = try session.waitFor("the lesson with the phrase") { !$0.contains("Search:") }
            #expect(lesson.contains("can grow"), "the phrase is on screen after the jump: \(lesson)")
        }
        #expect(counts.count == 2 && counts[0] == counts[1], "\(counts)")
        try session.send("q")
        try expectRestored(session, status: 0)
    }
}
