import Foundation
import Testing
import TestSupport

/// The built binary, end to end: output, exit status, and what it never prints.
@Suite struct CLITests {
    private func journey(_ arguments: String..., environment: [String: String?] = [:]) throws -> BuiltProgram.Outcome {
        try BuiltProgram.run(arguments, environment: environment)
    }

    private static let crashSigns = ["Fatal error", "Stack dump", "backtrace", "Segmentation", "0x0000"]

    @Test(arguments: [[], ["open"], ["present"], ["lint"], ["outline"], ["print"], ["import"], ["progress"], ["export"], ["reset"]])
    func everyCommandHasHelpAndVersion(_ command: [String]) throws {
        let help = try BuiltProgram.run(command + ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE:"))
        let version = try BuiltProgram.run(command + ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
    }

    @Test func usageErrorsUseArgumentParsersExitCode() throws {
        let outcome = try journey("print", "--width", "10")
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--width must be from 20 to 1000, not 10"))
        #expect(try journey("print", "--width", "100000000000").status == 64)
        #expect(try journey("--frobnicate").status == 64)
        #expect(try journey("lint", "--frobnicate").status == 64)
    }

    @Test func lintOfTheBundledCourseIsClean() throws {
        let outcome = try journey("lint")
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "0 errors, 0 warnings in 14 lessons\n")
    }

    @Test func lintReportsSortedDiagnosticsAndExitsOneOnErrors() throws {
        let folder = try TemporaryFolder([
            "course.yaml": "title: T\nmodules: [b.md, a.md, gone.md]\n",
            "a.md": "## One\n\n> [!REFLECT] same\n> Q?\n\n<b>html</b>\n",
            "b.md": "## Two\n\n> [!REFLECT] same\n> Q?\n\n## Three\n\nText.\n",
        ])
        let outcome = try journey("lint", folder.path())
        #expect(outcome.status == 1)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        let root = folder.path()
        #expect(lines.dropLast() == [
            "\(root)/a.md:3:3: error: prompt id 'same' is already used by the prompt at \(root)/b.md:3:3; answers are saved under it, so each must be unique",
            "\(root)/a.md:6:1: warning: raw HTML is shown as text, not interpreted",
            "\(root)/a.md:6:8: warning: raw HTML is shown as text, not interpreted",
            "\(root)/b.md:6:4: warning: lesson 'three' has no reflection prompt (> [!REFLECT] prompt-id)",
            "\(root)/course.yaml: warning: the course asks reflection prompts but has no support page; name one with "
                + "'support: FILE.md' in course.yaml (see docs/course-format.md)",
            "\(root)/course.yaml:2:23: error: the manifest names 'gone.md', which does not exist",
        ])
        #expect(lines.last == "2 errors, 4 warnings in 3 lessons")
        #expect(try journey("lint", folder.path(), "--json").status == 1)
    }

    @Test func lintJSONWritesTheDiagnosticsToStdout() throws {
        let outcome = try journey("lint", "/no/such/course", "--json")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.isEmpty)
        let decoded = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.count == 1)
        #expect(decoded?.first?["path"] as? String == "/no/such/course")
        #expect(decoded?.first?["severity"] as? String == "error")
        #expect(decoded?.first?["message"] as? String == "no such file or directory")
        #expect(decoded?.first?["line"] == nil)
    }

    @Test func mistypedCommandsAndOptionsGetHelp() throws {
        let cases: [([String], String)] = [
            (["outlin"], "journey: there is no command or course file 'outlin'; did you mean `journey outline`?\n"),
            (["--versoin"], "journey: unknown option '--versoin'; did you mean '--version'?\n"),
            (["print", "--hlep"], "journey: unknown option '--hlep'; did you mean '--help'?\n"),
            (["help", "outlin"], "journey: there is no command 'outlin'; did you mean `journey help outline`?\n"),
            (["help", "xyzzy"], "journey: there is no command 'xyzzy'; `journey --help` lists them\n"),
        ]
        for (arguments, message) in cases {
            let outcome = try BuiltProgram.run(arguments)
            #expect(outcome.status == 64, "\(arguments)")
            #expect(outcome.stderr == message)
            #expect(outcome.stdout.isEmpty)
        }
        #expect(try journey("print", "--lesson", "welcome-to-this-course", "--width", "40").status == 0,
                "real options are not taken for mistypes")
        #expect(try journey("--help-hidden").status == 0, "the parser's own options pass")
        let missing = try journey("notes.md")
        #expect(missing.status == 1 && missing.stderr.hasPrefix("notes.md: error: no such file or directory"),
                "a path is not taken for a mistyped command: \(missing.stderr)")
        let lesson = try journey("print", "--lesson", "xyzzy")
        #expect(lesson.stderr == "error: no lesson 'xyzzy' (see `journey outline`)\n", "no close id, none listed")
    }

    /// `journey` and `journey PATH` start the player without the argument parser: they behave as `open`.
    @Test func thePlayerWithNothingToParseIsOpen() throws {
        let folder = try TemporaryFolder(["page.md": "# Page\n\nText.\n"])
        for path in ["/no/such/course", folder.path("page.md")] {
            let plain = try journey(path)
            let open = try journey("open", path)
            #expect(plain.status == 1 && plain.status == open.status)
            #expect(plain.stderr == open.stderr && !plain.stderr.isEmpty, "\(plain.stderr)")
        }
        #expect(try journey().stderr == journey("open").stderr)
        #expect(try journey("lint").status == 0, "a command is still a command")
    }

    @Test func fullScreenCommandsCountWarningsInsteadOfLeavingThemAboveTheShell() throws {
        let folder = try TemporaryFolder(["page.md": "# Page\n\n<p align=\"center\">A</p>\n\n<div>B</div>\n\nText.\n"])
        let outcome = try journey("present", folder.path("page.md"))
        #expect(outcome.stderr.contains("journey: 2 warnings about the course; `journey lint` lists them"),
                "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("raw HTML"), "\(outcome.stderr)")
        // The player finds them after its first frame, and says so once the terminal is the shell's again.
        let player = try TmuxSession(command: "\(TmuxSession.journey) open '\(folder.path("page.md"))'")
        try player.waitFor("Text.")
        try player.send("q")
        let shell = try player.waitFor("[exit 0]")
        #expect(shell.contains("journey: 2 warnings about the course; `journey lint` lists them"), "\(shell)")
        #expect(!shell.contains("raw HTML"), "\(shell)")
        #expect(try journey("lint", folder.path("page.md")).stderr.contains("raw HTML"))
    }

    @Test func missingPathIsAnErrorWithoutLineOrColumn() throws {
        for command in ["lint", "outline", "print"] {
            let outcome = try journey(command, "/no/such/course")
            #expect(outcome.status == 1)
            #expect(outcome.stderr.hasPrefix("/no/such/course: error: no such file or directory\n"))
        }
    }

    @Test func outlineJSONHasTheDocumentedKeys() throws {
        let outcome = try journey("outline", "--json")
        #expect(outcome.status == 0)
        let course = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(course["id"] as? String == "learning-to-trust-again")
        #expect(course["title"] as? String == "Learning to Trust Again")
        #expect(course["path"] as? String == "<bundled>")
        let modules = try #require(course["modules"] as? [[String: Any]])
        #expect(modules.count == 5)
        let lessons = try #require(modules[2]["lessons"] as? [[String: Any]])
        #expect(lessons.first?["id"] as? String == "acknowledge-the-hurt")
        let prompts = try #require(lessons.first?["prompts"] as? [[String: Any]])
        #expect(prompts.first?["id"] as? String == "acknowledge-name-the-hurt")
        #expect((prompts.first?["text"] as? String)?.hasPrefix("If you feel ready") == true)
        #expect((lessons.first?["contentNote"] as? String)?.contains("Go gently") == true)
        #expect((course["support"] as? [String: Any])?["title"] as? String == "Support")
    }

    @Test func facilitatorNotesAreInTheOutlineJSONAndNeverPrinted() throws {
        let folder = try TemporaryFolder(["course.yaml": "title: T\nmodules: [m.md]\n",
                                          "m.md": "## A\n\n> [!NOTES]\n> Ask the room.\n>\n> - Then wait.\n\nText.\n"])
        let outline = try journey("outline", folder.path(), "--json")
        let course = try #require(try JSONSerialization.jsonObject(with: Data(outline.stdout.utf8)) as? [String: Any])
        let lesson = try #require(((course["modules"] as? [[String: Any]])?.first?["lessons"] as? [[String: Any]])?.first)
        #expect(lesson["facilitatorNotes"] as? String == "Ask the room.\n• Then wait.")
        let printed = try journey("print", folder.path())
        #expect(printed.status == 0)
        #expect(!printed.stdout.contains("Ask the room"))
    }

    @Test func importWritesACourseThatLintsCleanAndNeverOverwritesByAccident() throws {
        let work = try TemporaryFolder(["article.md": "# An Article\n\n## Part\n\n### One\n\nText.\n",
                                        "taken/keep.txt": "mine\n"])
        let outcome = try journey("import", work.path("article.md"), "--output", work.path("course"))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("Imported \u{201C}An Article\u{201D} from Markdown: 1 module, 1 lesson"))
        let lint = try journey("lint", work.path("course"))
        #expect(lint.stderr == "0 errors, 0 warnings in 1 lesson\n")

        let refused = try journey("import", work.path("article.md"), "--output", work.path("taken"))
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is not empty; choose another folder, or --force to replace it"))
        #expect(try String(contentsOfFile: work.path("taken/keep.txt"), encoding: .utf8) == "mine\n")
        #expect(try journey("import", work.path("article.md"), "--output", work.path("taken"), "--force").status == 0)
        #expect(!FileManager.default.fileExists(atPath: work.path("taken/keep.txt")))
        #expect(FileManager.default.fileExists(atPath: work.path("taken/course.yaml")))

        try work.write("blocked", Data("a file, not a folder\n".utf8))
        let failed = try journey("import", work.path("article.md"), "--output", work.path("blocked/course"))
        #expect(failed.status == 1)
        #expect(failed.stderr.hasPrefix("journey: cannot write"))
        let left = try FileManager.default.contentsOfDirectory(atPath: work.path()).sorted()
        #expect(left == ["article.md", "blocked", "course", "taken"], "nothing half-written is left: \(left)")
        #expect(try journey("import", work.path(), "--output", work.path("x")).stderr.contains("import takes one article"))
    }

    @Test func printSupportPrintsTheSupportPageOrSaysThereIsNone() throws {
        let page = try journey("print", "--support", "--width", "60")
        #expect(page.status == 0)
        #expect(page.stdout.hasPrefix("Support\n"))
        #expect(page.stdout.contains("┌─ Warning"), "the crisis callout is boxed with its label")
        #expect(page.stdout.contains("lists no phone numbers"))
        let folder = try TemporaryFolder(["course.yaml": "title: T\nmodules: [a.md]\n", "a.md": "## A\n\nText.\n"])
        let none = try journey("print", folder.path(), "--support")
        #expect(none.status == 1)
        #expect(none.stderr.contains("the course has no support page"))
        #expect(try journey("print", "--support", "--lesson", "set-boundaries").status == 64)
    }

    @Test func outlineOfAFileGivesItsAbsolutePath() throws {
        let folder = try TemporaryFolder(["article.md": "# Article\n\n## Part\n\nText.\n"])
        let outcome = try BuiltProgram.run(["outline", "article.md", "--json"], directory: folder.path())
        let course = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(course?["path"] as? String == folder.url.standardizedFileURL.appending(path: "article.md").path)
        let text = try BuiltProgram.run(["outline", "article.md"], directory: folder.path())
        #expect(text.stdout == "Article  [article]\n  1. Part  [part]\n     1.1 Part  [part]\n")
    }

    @Test func printWrapsToTheWidthAndPrintsOneLesson() throws {
        for width in [20, 33, 80] {
            let outcome = try journey("print", "--width", "\(width)")
            #expect(outcome.status == 0)
            for line in outcome.stdout.split(separator: "\n") {
                #expect(line.count <= width, "wider than \(width): \(line)")
            }
        }
        let lesson = try journey("print", "--lesson", "set-boundaries", "--width", "60")
        #expect(lesson.stdout.hasPrefix("Set boundaries\n──────────────\n"))
        #expect(lesson.stdout.contains("┌─ Checklist"))
        #expect(!lesson.stdout.contains("Look for consistency"))
    }

    @Test func printOfAnUnknownLessonNamesTheClosest() throws {
        let outcome = try journey("print", "--lesson", "set-boundary")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("no lesson 'set-boundary'; closest: set-boundaries"))
    }

    @Test func aFarOffTypoSuggestsNothing() throws {
        let outcome = try journey("print", "--lesson", "xyzzy")
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "error: no lesson 'xyzzy' (see `journey outline`)\n")
    }

    /// A full disk or a closed output is one line and status 1; a reader that went away ends the program
    /// quietly, as SIGPIPE does, even where SIGPIPE is ignored.
    @Test func writeErrorsAreOneLineAndABrokenPipeIsQuiet() throws {
        for redirection in [">/dev/full", ">&-"] {
            let outcome = try BuiltProgram.shell("\"$JOURNEY\" print \(redirection)")
            #expect(outcome.status == 1, "\(redirection)")
            #expect(outcome.stderr.hasPrefix("journey: cannot write the output: "), "\(redirection)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "\(redirection): \(outcome.stderr)")
        }
        // More output than a pipe holds, so the program is still writing when the reader goes.
        let folder = try TemporaryFolder(["long.md": "# Long\n\n" + String(repeating: "Words that fill the pipe.\n\n", count: 40_000)])
        let status = try BuiltProgram.shell(
            "trap '' PIPE; (\"$JOURNEY\" print '\(folder.path("long.md"))'; echo \"status=$?\" >&2) | head -c 1 >/dev/null")
        #expect(status.stderr == "status=141\n", "ended as by SIGPIPE")
    }

    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        let piped = try journey("print", "--lesson", "set-boundaries")
        #expect(!piped.stdout.contains("\u{1B}"))
        let always = try journey("print", "--lesson", "set-boundaries", "--color", "always")
        #expect(always.stdout.hasPrefix("\u{1B}[1;36mSet boundaries\u{1B}[0m\n"), "a bold, coloured title")
        let never = try journey("print", "--lesson", "set-boundaries", "--color", "never", environment: ["NO_COLOR": nil])
        #expect(!never.stdout.contains("\u{1B}"))
    }

    @Test func controlCharactersInContentAndFileNamesNeverReachTheOutput() throws {
        let name = "evil\u{1B}[2J\u{9B}name.md"
        let folder = try TemporaryFolder([name: "# Title \u{1B}]0;pwned\u{07}\n\n## Bell \u{07}\n\nText \u{1B}[31m red \u{9B}31m.\n\n<b>\u{1B}</b>\n"])
        for command in [["lint"], ["outline"], ["outline", "--json"], ["print"], ["lint", "--json"]] {
            let outcome = try BuiltProgram.run(command + [name], directory: folder.path())
            for text in [outcome.stdout, outcome.stderr] {
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) },
                        "\(command): \(text.debugDescription)")
            }
        }
        let printed = try BuiltProgram.run(["print", name], directory: folder.path())
        #expect(printed.stdout.contains("Text ^[[31m red <U+009B>31m."))
    }

    /// JSON carries content's controls as the player shows them, so `jq -r` prints them safely.
    @Test func jsonHoldsNoControlCharacterEvenDecoded() throws {
        let folder = try TemporaryFolder(["course.yaml": "title: \"T \\e[31m\\a\\x85\\u202e\\u2028 x\"\nmodules: [m.md]\n",
                                          "m.md": "## A \u{1B}]0;x\u{07}\n\nText.\n"])
        for command in [["outline", "--json"], ["lint", "--json"], ["progress", "--json"]] {
            let outcome = try BuiltProgram.run(command + [folder.path()], environment: ["JOURNEY_DATA_DIR": folder.path("data")])
            let decoded = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
            let text = "\(decoded)"
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" || $0 == "\u{2028}" },
                    "\(command): \(text.debugDescription)")
        }
        let outline = try journey("outline", folder.path(), "--json")
        let course = try JSONSerialization.jsonObject(with: Data(outline.stdout.utf8)) as? [String: Any]
        #expect(course?["title"] as? String == "T ^[[31m^G<U+0085><U+202E><U+2028> x")
        #expect(try journey("progress", "--data-dir", "").status == 64)
    }

    @Test func randomBytesNeverCrash() throws {
        let folder = try TemporaryFolder()
        var generator = SystemRandomNumberGenerator()
        for index in 0..<20 {
            let bytes = (0..<Int.random(in: 1...4_000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let withoutNUL = index % 2 == 0 ? bytes.map { $0 == 0 ? 0x0A : $0 } : bytes
            try folder.write("random.md", Data(withoutNUL))
            for command in ["lint", "outline", "print"] {
                let outcome = try journey(command, folder.path("random.md"))
                #expect([0, 1].contains(outcome.status), "\(command) exited \(outcome.status)")
                #expect(!Self.crashSigns.contains { outcome.stderr.contains($0) })
            }
        }
    }
}
