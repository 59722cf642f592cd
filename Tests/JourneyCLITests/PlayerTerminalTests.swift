import Foundation
import Testing
import TestSupport

/// The player in a real terminal (tmux): reading, every lesson, search, help, resizing down to 1x1,
/// suspending, quitting and signals, each ending with the terminal restored.
@Suite struct PlayerTerminalTests {
    static let lessonTitles = [
        "Welcome to this course", "Finding your way around", "Caring for yourself along the way",
        "Trust is the ground we stand on", "Trust and how we feel", "Acknowledge the hurt",
        "Seek professional support", "Practise self-compassion", "Set boundaries", "Look for consistency",
        "Communicate openly", "Looking back, looking ahead", "Kinds of support",
    ]

    private func expectRestored(_ session: TmuxSession, status: Int) throws {
        #expect(try session.exitStatus() == status)
        #expect(try session.query("#{alternate_on}") == "0", "left the alternate screen")
        #expect(try session.query("#{cursor_flag}") == "1", "cursor visible")
    }

    @Test func readsEveryLessonInOrderAndQuits() throws {
        let session = try TmuxSession(command: TmuxSession.journey)
        try session.waitFor("Lesson 1 of 13")
        let first = try session.screen()
        #expect(first.contains("Learning to Trust Again › Welcome › Welcome to this course"))
        #expect(first.contains("? help  r answer  q quit"))
        for (index, title) in Self.lessonTitles.enumerated().dropFirst() {
            try session.send(index % 2 == 0 ? "n" : "Right")
            try session.waitFor("Lesson \(index + 1) of 13")
            #expect(try session.screen().contains(title))
        }
        #expect(try session.screen().contains("% read"), "the bar shows lessons read")
        try session.send("p")
        try session.waitFor("Lesson 12 of 13")
        try session.send("g", "j", "j", "C-d", "Space", "b", "G", "k", "Home")
        try session.waitFor("Top")
        try session.send("q")
        try expectRestored(session, status: 0)
    }

    @Test func contentsSearchAndHelp() throws {
        let session = try TmuxSession(command: TmuxSession.journey)
        try session.waitFor("Lesson 1 of 13")
        try session.send("t")
        try session.waitFor("Contents")
        try session.send("G", "Enter")
        try session.waitFor("Lesson 13 of 13")
        try session.send("/")
        try session.waitFor("Search:")
        try session.type("BOUNDARY")
        try session.send("Enter")
        try session.waitFor("matching lines")
        try session.send("Enter")
        try session.waitFor("Lesson 9 of 13")
        try session.send("/")
        try session.waitFor("Search: BOUNDARY")
        try session.send("Escape", "?")
        try session.waitFor("Reading")
        #expect(try session.screen().contains("next lesson"))
        try session.send("Escape")
        try session.waitFor("? help  r answer  q quit")
        try session.send("t", "q")
        try expectRestored(session, status: 0)
    }

    @Test func resizesDownToOneCellAndBackKeepingTheParagraph() throws {
        let session = try TmuxSession(command: TmuxSession.journey + " --lesson set-boundaries")
        try session.waitFor("Lesson 9 of 13")
        try session.send("j", "j", "j", "j", "j", "j", "j")
        let top = try session.waitFor("scrolled") { $0.split(separator: "\n").dropFirst().first?.contains("Clear boundaries") == true }
        #expect(top.contains("Clear boundaries"))
        for (columns, rows) in [(40, 12), (50, 15), (120, 40), (30, 8), (29, 8), (20, 6), (1, 1), (100, 30), (80, 24)] {
            try session.resize(columns: columns, rows: rows)
            if columns >= 30 && rows >= 8 {
                try session.waitFor("\(columns)x\(rows) lesson") { screen in
                    screen.split(separator: "\n").dropFirst().first?.contains("Clear boundaries") == true
                }
            } else if columns >= 20 {
                try session.waitFor("30x8")
            }
        }
        try session.send("q")
        try expectRestored(session, status: 0)
    }

    @Test func suspendsToTheShellAndComesBack() throws {
        let session = try TmuxSession(command: "exec env PS1=READY: bash --norc -i")
        try session.waitFor("READY:")
        try session.type(TmuxSession.journey)
        try session.send("Enter")
        try session.waitFor("Lesson 1 of 13")
        try session.send("C-z")
        try session.waitFor("Stopped")
        #expect(try session.query("#{alternate_on}") == "0")
        try session.type("fg")
        try session.send("Enter")
        try session.waitFor("Lesson 1 of 13")
        try session.send("n")
        try session.waitFor("Lesson 2 of 13")
        try session.send("q")
        try session.type("echo status=$?")
        try session.send("Enter")
        try session.waitFor("status=0")
    }

    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)])
    func signalsRestoreTheTerminal(_ signal: Int32, _ status: Int) throws {
        let session = try TmuxSession(command: TmuxSession.journey)
        try session.waitFor("Lesson 1 of 13")
        let pid = try session.query("#{pane_pid}")
        let children = try String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)
        let player = try #require(children.split(separator: " ").first.flatMap { pid_t($0) })
        kill(player, signal)
        try expectRestored(session, status: status)
    }

    @Test func ctrlCQuitsWithTheInterruptStatus() throws {
        let session = try TmuxSession(command: TmuxSession.journey)
        try session.waitFor("Lesson 1 of 13")
        try session.send("C-c")
        try expectRestored(session, status: 130)
    }

    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color", "linux", "vt100"])
    func worksWithEachTerminalType(_ term: String) throws {
        let session = try TmuxSession(command: TmuxSession.journey, environment: ["TERM": term])
        try session.waitFor("Lesson 1 of 13")
        try session.send("n")
        try session.waitFor("Lesson 2 of 13")
        try session.send("q")
        try expectRestored(session, status: 0)
    }

    @Test func plainLocaleDrawsInASCIIAndNoColorStillWorks() throws {
        let session = try TmuxSession(command: TmuxSession.journey, environment: ["LANG": "C", "LC_ALL": "C", "NO_COLOR": "1"])
        let screen = try session.waitFor("Lesson 1 of 13")
        #expect(screen.contains("Learning to Trust Again > Welcome > Welcome to this course"))
        #expect(screen.contains("---------- 0% read - module 0/3"), "an ASCII bar")
        #expect(screen.contains("+- Reflect --"), "ASCII frames")
        #expect(!screen.contains("█"))
        #expect(screen.contains("When someone we rely on lets us down"))
        try session.send("q")
        try expectRestored(session, status: 0)
    }

    @Test func unknownTerminalTypeIsAClearError() throws {
        let session = try TmuxSession(command: "TERM=no-such-terminal " + TmuxSession.journey)
        try session.waitFor("cannot use terminal type 'no-such-terminal'")
        #expect(try session.exitStatus() == 1)
    }

    @Test func printOnATerminalWrapsToItsWidthAndStyles() throws {
        let session = try TmuxSession(columns: 50, rows: 60, command: TmuxSession.journey + " print --lesson set-boundaries")
        #expect(try session.exitStatus() == 0)
        let lines = try session.screen().split(separator: "\n")
        #expect(lines.first == "Set boundaries")
        #expect(lines.allSatisfy { $0.count <= 50 })
        #expect(lines.contains { $0.count > 40 && !$0.contains("─") }, "text fills the 50 columns")
        #expect(try session.screen(escapes: true).contains("\u{1B}["), "styled on a terminal")
    }

    @Test func unknownLessonNamesTheClosestIDs() throws {
        let outcome = try BuiltProgram.run(["--lesson", "boundaries"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("no lesson 'boundaries'; closest: set-boundaries"))
    }

    @Test func withoutATerminalSuggestsPrint() throws {
        for arguments in [[], ["open"], ["docs/example-course"]] {
            let outcome = try BuiltProgram.run(arguments)
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains("the player needs a terminal; to read the course as text, try `journey print`"))
        }
    }
}
