import Foundation
import JourneyKit
import Testing
import TestSupport

@Suite struct CourseLoaderTests {
    private func load(_ files: [String: String]) throws -> (LoadResult, TemporaryFolder) {
        let folder = try TemporaryFolder(files)
        return (CourseLoader.load(path: folder.path()), folder)
    }

    private func messages(_ result: LoadResult, _ severity: Diagnostic.Severity = .error) -> [String] {
        result.diagnostics.filter { $0.severity == severity }.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
    }

    @Test func folderCourseFollowsTheManifest() throws {
        let (result, folder) = try load([
            "course.yaml": "title: Tiny\nauthors: Ann\nversion: '2'\nlanguage: en\nmodules: [b.md, a.md]\n",
            "a.md": "# Module A\n\n## Lesson A1\n\n> [!REFLECT] a1\n> Why?\n",
            "b.md": "Opening text.\n\n## Lesson B1\n\nText.\n",
        ])
        let course = try #require(result.course)
        #expect(course.title == "Tiny")
        #expect(course.authors == ["Ann"])
        #expect(course.version == "2")
        #expect(course.path == folder.url.standardizedFileURL.path)
        #expect(course.modules.map(\.id) == ["b", "a"])
        #expect(course.modules.map(\.title) == ["b", "Module A"])
        #expect(course.lessons.map(\.title) == ["b", "Lesson B1", "Lesson A1"])
        #expect(course.lessons[2].prompts.map(\.id) == ["a1"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func aHashHeadingAfterOtherHeadingsStaysWhereItIs() throws {
        let folder = try TemporaryFolder(["guide.md": "Badges.\n\n## Installing\n\nSteps.\n\nDocumentation\n=============\n\nThe reference.\n"])
        let course = try #require(CourseLoader.load(path: folder.path("guide.md")).course)
        #expect(course.title == "guide", "the file name, not a heading from the middle")
        #expect(course.modules.map(\.title) == ["Introduction", "Installing", "Documentation"])
    }

    @Test func everyHTML5NamedReferenceDecodes() throws {
        let (result, _) = try load(["m.md": "## L\n\n&Eacute;t&eacute; &alpha;&beta; &hellip; &fjlig; &NotSquareSubsetEqual; "
            + "&rightleftharpoons; &bogus; &amp &#x1F600;\n"])
        let lesson = try #require(result.course?.lessons.first)
        guard case .paragraph(let inlines) = lesson.blocks.first else {
            Issue.record("no paragraph")
            return
        }
        #expect(inlines.plainText == "Été αβ … fj ⋢ ⇌ &bogus; &amp 😀")
    }

    @Test func folderWithoutManifestUsesMarkdownFilesInNameOrder() throws {
        let (result, _) = try load(["2-second.md": "# Second\n\nText.\n", "1-first.md": "# First\n\nText.\n"])
        #expect(result.course?.modules.map(\.title) == ["First", "Second"])
        #expect(messages(result, .warning) == ["0:0 no course.yaml manifest; the folder's Markdown files are the modules, in name order"])
    }

    @Test func manifestProblemsAreErrorsWithPositions() throws {
        let (malformed, _) = try load(["course.yaml": "title: [unclosed\nmodules: []\n"])
        #expect(malformed.course == nil)
        #expect(messages(malformed).count == 1)
        #expect(messages(malformed).first?.contains("malformed manifest") == true)
        #expect(malformed.diagnostics.first?.line != nil)

        let (missingFile, _) = try load(["course.yaml": "title: T\nmodules:\n  - here.md\n  - gone.md\n", "here.md": "Text.\n"])
        #expect(messages(missingFile) == ["4:5 the manifest names 'gone.md', which does not exist"])
        #expect(missingFile.course?.lessons.count == 1)

        let (noModules, _) = try load(["course.yaml": "title: T\n"])
        #expect(messages(noModules).first?.contains("no 'modules' list") == true)

        let (wrongType, _) = try load(["course.yaml": "title: T\nmodules: a.md\n"])
        #expect(messages(wrongType) == ["2:10 'modules' must be a list of Markdown file names"])

        let (notMapping, _) = try load(["course.yaml": "- just\n- a list\n"])
        #expect(messages(notMapping).first?.contains("expected keys") == true)

        let (twice, _) = try load(["course.yaml": "title: T\nmodules: [a.md, a.md]\n", "a.md": "Text.\n"])
        #expect(messages(twice) == ["2:17 module 'a.md' is listed twice"])

        let (outside, _) = try load(["course.yaml": "title: T\nmodules: [../a.md, a.md]\n", "a.md": "Text.\n"])
        #expect(messages(outside) == ["2:11 module '../a.md' must be named from the course folder, without '..' or a leading '/'"])
    }

    @Test func manifestAdviceIsWarnings() throws {
        let (result, _) = try load(["course.yaml": "colour: blue\nmodules: [a.md]\n", "a.md": "Text.\n", "extra.md": "x\n"])
        let warnings = messages(result, .warning)
        #expect(warnings.contains { $0.hasPrefix("1:1 unknown manifest key 'colour'") })
        #expect(warnings.contains { $0.contains("no 'title'") })
        #expect(result.diagnostics.contains { $0.path.hasSuffix("extra.md") && $0.message.contains("not listed") })
        #expect(!result.diagnostics.hasErrors)
    }

    @Test func invalidUTF8IsAnErrorWithItsLineAndTheRestStillLoads() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.md", Data("# Title\n\nFine line.\nBad \u{FF} here".utf8) + Data([0xC3, 0x28, 0x0A]))
        let result = CourseLoader.load(path: folder.path("bad.md"))
        #expect(messages(result) == ["4:12 invalid UTF-8; invalid bytes are shown as \u{FFFD}"])
        #expect(result.course?.lessons.first?.blocks.isEmpty == false)
    }

    @Test func binaryUnreadableMissingAndOversizedFilesAreErrors() throws {
        let folder = try TemporaryFolder(["course.yaml": "title: T\nmodules: [bin.md, big.md, ok.md]\n", "ok.md": "Text.\n"])
        try folder.write("bin.md", Data([0x23, 0x20, 0x41, 0x0A, 0x00, 0x01]))
        try folder.write("big.md", Data(count: CourseLoader.maximumSize + 1))
        let result = CourseLoader.load(path: folder.path())
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.path.hasSuffix("bin.md") && $0.message.hasPrefix("binary file") && $0.line == 2 })
        #expect(errors.contains { $0.path.hasSuffix("big.md") && $0.message.hasSuffix("a course's files hold at most 2 MiB in all") })
        #expect(result.course?.lessons.count == 1)

        let missing = CourseLoader.load(path: folder.path("nowhere"))
        #expect(missing.course == nil)
        #expect(missing.diagnostics.map(\.formatted) == ["\(folder.path("nowhere")): error: no such file or directory"])

        try folder.write("locked.md", Data("x".utf8))
        chmod(folder.path("locked.md"), 0)
        if getuid() != 0 {
            #expect(CourseLoader.load(path: folder.path("locked.md")).diagnostics.first?.message.hasPrefix("cannot read") == true)
        }
        mkfifo(folder.path("fifo.md"), 0o600)
        #expect(CourseLoader.load(path: folder.path("fifo.md")).diagnostics.first?.message == "not a regular file (a folder, a device or a pipe)")
    }

    @Test func clashingExplicitIDsAreErrorsAndGeneratedOnesAreMadeUnique() throws {
        let (result, _) = try load([
            "course.yaml": "title: T\nmodules: [a.md, b.md]\n",
            "a.md": "## Summary\n\n> [!REFLECT] same\n> Q?\n\n## One {#fixed}\n\nx\n",
            "b.md": "## Summary\n\n> [!REFLECT] same\n> Q again?\n\n## Two {#fixed}\n\nx\n\n## Summary\n\nx\n",
        ])
        #expect(result.course?.lessons.map(\.id) == ["summary", "fixed", "summary-2", "fixed", "summary-3"])
        let errors = result.diagnostics.filter { $0.severity == .error }.map { "\($0.path.split(separator: "/").last!):\($0.line!) \($0.message)" }
        #expect(errors.contains { $0.hasPrefix("b.md:3 prompt id 'same' is already used by the prompt at ") && $0.contains("a.md:3:3") })
        #expect(errors.contains { $0.hasPrefix("b.md:6 lesson id 'fixed' is already used by the lesson at ") })
    }

    /// An explicit id that a prompt without one was given first: the clash says where that prompt is.
    @Test func aClashWithAMadeUpPromptIDSaysWhereThatPromptIs() throws {
        let (result, _) = try load([
            "course.yaml": "title: T\nmodules: [a.md]\n",
            "a.md": "## A\n\n> [!REFLECT]\n> Unnamed?\n\n## B\n\n> [!REFLECT] a-prompt-1\n> Named?\n",
        ])
        let clash = result.diagnostics.first { $0.message.hasPrefix("prompt id 'a-prompt-1' is already used") }
        #expect(clash?.message.contains("a.md:3:3") == true, "\(clash?.message ?? "no clash")")
    }

    @Test func checklistItemsGetStableIDs() throws {
        let (result, _) = try load(["course.yaml": "title: T\nmodules: [a.md]\n",
                                    "a.md": "## Boundaries\n\n- [ ] I can say no\n- [x] I can say no\n- [ ] Rest\n"])
        guard case .list(let list)? = result.course?.lessons.first?.blocks.first else {
            Issue.record("expected a checklist")
            return
        }
        #expect(list.items.compactMap(\.task?.id) == ["boundaries/i-can-say-no", "boundaries/i-can-say-no-2", "boundaries/rest"])
        #expect(list.items.map { $0.task?.checkedByAuthor } == [false, true, false])
    }

    @Test func slugsKeepLettersAndDigitsOfAnyScript() {
        #expect(Slug.make("Hello, World!", fallback: "x") == "hello-world")
        #expect(Slug.make("  Ça va?  Très bien ", fallback: "x") == "ça-va-très-bien")
        #expect(Slug.make("信頼を取り戻す 2", fallback: "x") == "信頼を取り戻す-2")
        #expect(Slug.make("!!!", fallback: "lesson") == "lesson")
        #expect(Slug.make(String(repeating: "a", count: 63) + " b", fallback: "x") == String(repeating: "a", count: 63),
                "a dash and a letter past the limit are both left off")
        for title in (1...5).map({ String(repeating: "ab ", count: 30 * $0) }) {
            #expect(Slug.make(title, fallback: "x").unicodeScalars.count <= Slug.maximumLength)
        }
    }

    @Test func singleFileWithoutHeadingsIsOneLessonNamedAfterTheFile() throws {
        let folder = try TemporaryFolder(["notes.md": "Just a paragraph.\n"])
        let course = try #require(CourseLoader.load(path: folder.path("notes.md")).course)
        #expect(course.title == "notes")
        #expect(course.modules.map(\.title) == ["notes"])
        #expect(course.lessons.map(\.title) == ["notes"])
    }

    @Test func emptyFileHasNoLessons() throws {
        let folder = try TemporaryFolder(["empty.md": ""])
        let result = CourseLoader.load(path: folder.path("empty.md"))
        #expect(result.course?.lessons.isEmpty == true)
        #expect(messages(result) == ["0:0 the course has no lessons"])
    }

    @Test func linterAdvisesOnEmptyLessonsAndLessonsWithoutPrompts() throws {
        let (result, _) = try load(["course.yaml": "title: T\nmodules: [a.md]\nsupport: help.md\n",
                                    "a.md": "## Empty\n\n## No prompt\n\nText.\n\n## Good\n\n> [!REFLECT] p\n> Q?\n",
                                    "help.md": "# Help\n\nCall someone.\n"])
        let warnings = Linter.lint(result).map { "\($0.line ?? 0) \($0.message)" }
        #expect(warnings == ["1 lesson 'empty' is empty", "3 lesson 'no-prompt' has no reflection prompt (> [!REFLECT] prompt-id)"])
    }

    @Test func aSupportPageIsOnePageTheManifestNamesAndContentNotesComeFirst() throws {
        let (result, folder) = try load([
            "course.yaml": "title: T\nmodules: [a.md]\nsupport: help.md\n",
            "a.md": """
                ## Hard {#hard}

                > [!CONTENT-NOTE]
                > This lesson asks about a hurt.

                Text.

                > [!REFLECT] p
                > What helps?

                ## Later {#later}

                Text first.

                > [!CONTENT-NOTE]
                > Too late to be first.

                > [!REFLECT] q
                > It was hard, was it not?

                """,
            "help.md": "# Where to turn\n\n## In a crisis\n\nCall a crisis line.\n\n## Later\n\nSee a doctor.\n",
        ])
        let course = try #require(result.course)
        let support = try #require(course.support)
        #expect(support.title == "Where to turn")
        #expect(support.blocks.count == 4, "its headings stay inside the one page")
        #expect(course.lesson(id: "hard")?.contentNote == "This lesson asks about a hurt.")
        #expect(course.lesson(id: "later")?.contentNote == nil)
        let warnings = Linter.lint(result).filter { $0.severity == .warning }.map(\.message)
        #expect(warnings.contains("a content note in lesson 'later' is not its first block, so it is not shown before the lesson"))
        #expect(warnings.contains { $0.hasPrefix("prompt 'q' starts with 'It', which points back") })
        #expect(!warnings.contains { $0.contains("not listed in course.yaml") }, "the support page is listed")
        #expect(!warnings.contains { $0.contains("no support page") })
        _ = folder
    }

    @Test func aSupportPageCannotAlsoBeAModuleNorNameNoFile() throws {
        let (both, _) = try load(["course.yaml": "title: T\nmodules: [a.md]\nsupport: ./a.md\n", "a.md": "## A\n\nText.\n"])
        #expect(both.diagnostics.map(\.message).contains("'./a.md' is both the support page and a module; it can be one or the other"))
        let (empty, _) = try load(["course.yaml": "title: T\nmodules: [a.md]\nsupport: \"\"\n", "a.md": "## A\n\nText.\n"])
        #expect(empty.diagnostics.map(\.message) == ["'support' names no file; give the support page's Markdown file, or leave the key out"])
        let (blank, _) = try load(["course.yaml": "title: T\nmodules: [a.md]\nsupport: s.md\n", "a.md": "## A\n\nText.\n",
                                   "s.md": "# Support\n"])
        #expect(blank.diagnostics.map(\.message) == ["the support page is empty; the player's support key would show nothing"])
    }

    @Test func aPromptThatPointsBackIsFoundWhateverItsApostrophe() throws {
        let (result, _) = try load(["course.yaml": "title: T\nmodules: [a.md]\nsupport: s.md\n", "s.md": "# S\n\nHelp.\n",
                                    "a.md": "## A\n\n> [!REFLECT] p\n> It’s hard, isn’t it?\n\n> [!REFLECT] q\n> Itemise what helps.\n"])
        let warnings = Linter.lint(result).map(\.message)
        #expect(warnings.contains { $0.hasPrefix("prompt 'p' starts with 'It'") })
        #expect(!warnings.contains { $0.hasPrefix("prompt 'q'") }, "a word that only starts like one is fine")
    }

    @Test func aCourseOfPromptsWithoutASupportPageIsAdvisedToHaveOne() throws {
        let (result, folder) = try load(["course.yaml": "title: T\nmodules: [a.md]\n", "a.md": "## A\n\n> [!REFLECT] p\n> Q?\n"])
        #expect(Linter.lint(result).map(\.formatted) == [
            "\(folder.path("course.yaml")): warning: the course asks reflection prompts but has no support page; "
                + "name one with 'support: FILE.md' in course.yaml (see docs/course-format.md)",
        ])
        let (missing, _) = try load(["course.yaml": "title: T\nmodules: [a.md]\nsupport: gone.md\n", "a.md": "## A\n\nText.\n"])
        #expect(missing.diagnostics.map(\.message) == ["the manifest names the support page 'gone.md', which does not exist"])
        #expect(Linter.lint(missing).allSatisfy { !$0.message.contains("no support page") }, "it names one; that is the problem")
    }

    @Test func diagnosticsSortByPathThenLineThenColumnAsNumbers() {
        let diagnostics = [
            Diagnostic(.warning, "c", path: "b.md", at: SourcePosition(line: 10, column: 2)),
            Diagnostic(.error, "b", path: "b.md", at: SourcePosition(line: 9, column: 12)),
            Diagnostic(.error, "a", path: "a.md"),
            Diagnostic(.error, "d", path: "b.md", at: SourcePosition(line: 10, column: 10)),
        ]
        #expect(diagnostics.sortedForReport().map(\.message) == ["a", "b", "c", "d"])
        #expect(diagnostics[0].formatted == "b.md:10:2: warning: c")
        #expect(diagnostics[2].formatted == "a.md: error: a")
    }
}
