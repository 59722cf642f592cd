import Foundation
@testable import JourneyKit
import Testing

/// `journey import`'s core: an article in, a course folder's files out, which load without a problem.
@Suite struct ArticleImportTests {
    private func imported(_ text: String, name: String = "article") -> ArticleImport.Result {
        var diagnostics: [Diagnostic] = []
        return ArticleImport.make(SourceText(path: name, bytes: Array(text.utf8), diagnostics: &diagnostics),
                                  fallbackTitle: name)
    }

    /// The course the files make, and everything lint says about it.
    private func load(_ result: ArticleImport.Result) -> (Course?, [String]) {
        let loaded = CourseLoader.load(folder: EmbeddedCourseFolder(displayPath: "out",
                                                                    files: result.files.mapValues { Array($0.utf8) }))
        return (loaded.course, Linter.lint(loaded).map(\.formatted))
    }

    static let markdown = """
        Before the title, a line.

        My Article
        ==========

        An introduction with *emphasis*.

        ## First part {#first}

        Opening words of the first part.

        ### A lesson

        Text of a lesson.

        #### A detail

        ```sh
        # not a heading
        echo hi
        ```

        ### Another lesson {#another}

        More text.

        Second part
        -----------

        Only text here, no lessons.
        """

    @Test func aMarkdownArticleKeepsItsTextAndGetsModulesLessonsAndPrompts() throws {
        let result = imported(Self.markdown)
        #expect(result.title == "My Article" && !result.wasPlainText)
        let (course, findings) = load(result)
        #expect(findings.isEmpty, "\(findings)")
        let loaded = try #require(course)
        #expect(loaded.modules.map(\.title) == ["Introduction", "First part", "Second part"])
        #expect(loaded.lessons.map(\.id) == ["introduction", "first-part", "a-lesson", "another", "second-part"])
        #expect(loaded.lessons.allSatisfy { $0.prompts.count == 1 }, "a starter prompt in every lesson")
        let lesson = try #require(result.files["02-first-part.md"])
        #expect(lesson.contains("## A lesson {#a-lesson}\n\nText of a lesson.\n\n### A detail\n\n```sh\n# not a heading\necho hi\n```\n"),
                "text kept as written, a deeper heading one level up: \(lesson)")
        #expect(result.files["01-introduction.md"]?.contains("Before the title, a line.\n\nAn introduction with *emphasis*.\n") == true)
        #expect(result.files["course.yaml"]?.hasPrefix("title: \"My Article\"\nmodules:\n  - 01-introduction.md\n") == true)
    }

    @Test func thePlainTextSeedGivesItsSections() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/seed-article.txt")
        let result = imported(try String(contentsOf: url, encoding: .utf8), name: "seed")
        #expect(result.wasPlainText)
        #expect(result.title == "A Journey of Healing: Learning to Trust Again")
        let modules = result.headings.filter { $0.level == 2 }.map(\.text)
        #expect(modules == ["The Importance of Trust", "Steps to Rebuilding Trust", "Fostering Trust in Future Relationships"])
        let lessons = result.headings.filter { $0.level == 3 }.map(\.text)
        for lesson in ["Foundation of Relationships", "Acknowledge the Hurt", "Set Boundaries", "Communicate Openly"] {
            #expect(lessons.contains(lesson))
        }
        let (course, findings) = load(result)
        #expect(findings.isEmpty, "\(findings)")
        #expect(course?.lessons.first?.title == "Introduction")
    }

    @Test func plainTextReadsAsTheSameTextInMarkdown() throws {
        let text = "Title Line\n\nIntro *not emphasis* and <b>not html</b> & [not a link](x).\n\nA Heading\n\n- not a list\n1. not a list either\n    not code\n"
        let result = imported(text)
        let (course, findings) = load(result)
        #expect(findings.isEmpty, "\(findings)")
        let lessons = try #require(course?.lessons)
        #expect(lessons.map(\.title) == ["Introduction", "A Heading"])
        let words = lessons.flatMap(\.blocks).compactMap { if case .paragraph(let inlines) = $0 { inlines.plainText } else { nil } }
        #expect(words.contains("Intro *not emphasis* and <b>not html</b> & [not a link](x)."))
        #expect(words.contains("- not a list 1. not a list either not code"))
    }

    @Test func anArticleWithoutHeadingsIsOneLesson() throws {
        let result = imported("just some text.\n\nAnd more text.\n", name: "notes")
        #expect(result.headings.isEmpty)
        let (course, findings) = load(result)
        #expect(findings.isEmpty)
        #expect(course?.title == "notes")
        #expect(course?.lessons.count == 1)
    }
}
