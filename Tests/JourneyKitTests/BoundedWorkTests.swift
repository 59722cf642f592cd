import Foundation
@testable import JourneyKit
import Testing
import TestSupport

/// Inputs shaped to make work grow faster than their size: each is refused with a diagnostic or
/// handled in linear time. Every load runs under a watchdog, so a regression fails instead of hanging;
/// how long each takes at 1x, 2x and 4x is `scripts/benchmark-hostile`'s job.
@Suite struct BoundedWorkTests {
    private func loadFolder(_ files: [String: String]) -> LoadResult? {
        let folder = EmbeddedCourseFolder(displayPath: "c", files: files.mapValues { Array($0.utf8) })
        return Watchdog.run { CourseLoader.load(folder: folder) }
    }

    private func messages(_ result: LoadResult?) -> [String] {
        (result?.diagnostics ?? []).map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
    }

    @Test func manifestAliasesAreRefusedBeforeTheyExpand() throws {
        // Each level names the one before twice, as keys: composing it would take minutes.
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x]\n"
        for level in 1...20 { yaml += "a\(level): &a\(level) {? *a\(level - 1) : *a\(level - 1), ? [*a\(level - 1)] : y}\n" }
        yaml += "modules: [m.md]\n"
        let result = try #require(loadFolder(["course.yaml": yaml, "m.md": "## M\n\nText.\n"]))
        #expect(result.course == nil)
        #expect(messages(result) == ["1:5 malformed manifest: anchors and aliases (& and *) are not used in course.yaml; "
            + "write each value out"])
    }

    @Test(arguments: [
        ("title: T\nmodules: " + String(repeating: "[", count: 100_000) + "\n",
         "2:17 malformed manifest: nested deeper than 8 levels; a manifest is keys with text or lists of text"),
        ("? [a, b]\n: c\nmodules: [m.md]\n", "1:3 malformed manifest: a key must be a plain name, not a list or mapping"),
        ("title: !!binary aGk=\nmodules: [m.md]\n", "1:8 malformed manifest: tags and directives (!, %) are not used in course.yaml"),
    ])
    func manifestShapesItNeverNeedsAreRefused(_ yaml: String, _ expected: String) throws {
        let result = try #require(loadFolder(["course.yaml": yaml, "m.md": "## M\n\nText.\n"]))
        #expect(messages(result) == [expected])
    }

    @Test func manyTextRunsBuildInLinearTime() throws {
        let count = 200_000
        let escapes = "## M\n\n" + String(repeating: "\\*a", count: count) + "\n"
        let entities = "## N\n\n" + String(repeating: "&amp;b", count: count) + "\n"
        let result = try #require(loadFolder(["course.yaml": "title: T\nmodules: [a.md, b.md]\n", "a.md": escapes, "b.md": entities]))
        let texts = try #require(result.course?.lessons.map { lesson in
            lesson.blocks.compactMap { if case .paragraph(let inlines) = $0 { inlines.plainText } else { nil } }.joined()
        })
        #expect(texts == [String(repeating: "*a", count: count), String(repeating: "&b", count: count)])
    }

    @Test func manyBareLinksAreFoundInOnePass() throws {
        let count = 20_000
        let text = "## M\n\n" + String(repeating: "see https://example.com/x, www.example.org or a@example.net. ", count: count)
        let result = try #require(loadFolder(["course.yaml": "title: T\nmodules: [m.md]\n", "m.md": text]))
        guard case .paragraph(let inlines)? = result.course?.lessons.first?.blocks.first else {
            Issue.record("no paragraph")
            return
        }
        let targets = inlines.compactMap { if case .link(let target, _) = $0 { target } else { nil } }
        #expect(targets.count == 3 * count)
        #expect(Array(targets.prefix(3)) == ["https://example.com/x", "http://www.example.org", "mailto:a@example.net"])
    }

    @Test func bareLinksAreNeverMadeInsideLinkText() throws {
        let text = "## M\n\n[*see https://a.example/x*](https://t.example) and *https://b.example*\n"
        let result = try #require(loadFolder(["course.yaml": "title: T\nmodules: [m.md]\n", "m.md": text]))
        guard case .paragraph(let inlines)? = result.course?.lessons.first?.blocks.first else {
            Issue.record("no paragraph")
            return
        }
        #expect(inlines == [
            .link(target: "https://t.example", content: [.emphasis([.text("see https://a.example/x")])]),
            .text(" and "),
            .emphasis([.link(target: "https://b.example", content: [.text("https://b.example")])]),
        ])
    }

    /// Each `http://` after a `(` looks like the start of a URL, and none has a dot: no scan may cover
    /// the text again.
    @Test func unfinishedURLsAreScannedOnce() throws {
        let text = "## M\n\n" + String(repeating: "(http://", count: 100_000) + "\n"
        let result = try #require(loadFolder(["course.yaml": "title: T\nmodules: [m.md]\n", "m.md": text]))
        guard case .paragraph(let inlines)? = result.course?.lessons.first?.blocks.first else {
            Issue.record("no paragraph")
            return
        }
        #expect(inlines == [.text(String(repeating: "(http://", count: 100_000))])
    }

    @Test func aCourseLargerThanTheLimitStopsLoadingWithAnError() throws {
        let module = "## Part\n\n" + String(repeating: "x", count: CourseLoader.maximumSize / 3) + "\n"
        let result = try #require(loadFolder(["course.yaml": "title: T\nmodules: [a.md, b.md, c.md, d.md]\nsupport: s.md\n",
                                              "a.md": module, "b.md": module, "c.md": module, "d.md": module,
                                              "s.md": "# Support\n\nHelp.\n"]))
        #expect(result.course?.modules.count == 2)
        #expect(result.course?.support != nil, "the support page is counted first, so never left out")
        #expect(messages(result) == [
            "2:23 the course's files come to more than 2 MiB with 'c.md', so it and the modules after it are not loaded",
        ])
    }

    /// A course of a hundred thousand lessons or a manifest of a hundred thousand modules is
    /// loaded up to the limits, with an error where the rest begins.
    @Test func lessonsAndModulesStopAtTheirLimits() throws {
        let lessons = try #require(loadFolder(["course.yaml": "title: T\nmodules: [a.md, b.md]\n",
                                               "a.md": "# A\n\n" + String(repeating: "## L\n", count: 100_000),
                                               "b.md": "# B\n\n## More\n"]))
        #expect(lessons.course?.lessons.count == CourseLoader.maximumLessons)
        #expect(messages(lessons) == [
            "5003:4 a course has at most 5000 lessons; this one and those after it are not loaded",
            "2:17 a course has at most 5000 lessons; 'b.md' and the modules after it are not loaded",
        ])
        let list = (0..<100_000).map { "m\($0).md" }.joined(separator: ", ")
        let modules = try #require(loadFolder(["course.yaml": "title: T\nmodules: [\(list)]\n", "m0.md": "## M\n"]))
        #expect(messages(modules).first?.hasSuffix("more than 1100 keys and values; a course has at most 500 modules") == true)
        let many = Dictionary(uniqueKeysWithValues: (0..<600).map { (String(format: "m%03d.md", $0), "## M\($0)\n") })
        let folder = try #require(loadFolder(many))
        #expect(folder.course?.modules.count == CourseLoader.maximumModules)
        #expect(messages(folder).contains("0:0 a course has at most 500 modules; 'm500.md' and those after it are not loaded"))
    }

    @Test func longTitlesAreCutAndIdsStayShort() throws {
        let title = String(repeating: "Long title ", count: 100_000)
        let result = try #require(loadFolder(["course.yaml": "title: T\nmodules: [m.md]\n", "m.md": "## \(title)\n\nText.\n"]))
        let lesson = try #require(result.course?.lessons.first)
        #expect(lesson.title.count == 200 && lesson.title.hasSuffix("…"))
        #expect(lesson.id.count <= 64)
        #expect(messages(result).contains("1:4 the title is 1099999 characters; it is shown cut to 200"))
    }

    @Test func theManifestsIdAndTitleAreBoundedToo() throws {
        let id = String(repeating: "c", count: 101)
        let title = String(repeating: "T", count: 300)
        let result = try #require(loadFolder(["course.yaml": "id: \(id)\ntitle: \(title)\nmodules: [m.md]\n",
                                              "m.md": "## Lesson\n\nText.\n"]))
        let course = try #require(result.course)
        #expect(course.id.count <= 64, "an id made from the title instead")
        #expect(course.title.count == 200 && course.title.hasSuffix("…"))
        let found = messages(result)
        #expect(found.contains { $0.hasPrefix("1:5 the course id must be letters, digits") }, "\(found)")
        #expect(found.contains("2:8 the title is 300 characters; it is shown cut to 200"), "\(found)")
    }

    @Test func idsOfDotsOrTooLongAreRefused() throws {
        let long = String(repeating: "a", count: 101)
        let result = try #require(loadFolder(["course.yaml": "title: T\nmodules: [m.md]\n", "m.md": """
            ## Lesson {#..}

            > [!REFLECT] ..
            > A question?

            > [!REFLECT] \(long)
            > Another?

            - [ ] an item {#...}

            """]))
        let found = messages(result)
        #expect(found.contains { $0.hasPrefix("1:4 '{#..}' is not an id") })
        #expect(found.contains { $0.hasPrefix("3:3 reflection prompt id '..' may hold only") })
        #expect(found.contains { $0.hasPrefix("6:3 reflection prompt id '\(long.prefix(100))' may hold only") })
        #expect(found.contains { $0.hasPrefix("0:0 checklist item id '...' may hold only") })
    }

    @Test func suggestionsAreOnlyCloseOnesAndCheapOnAnyCourse() throws {
        let lessons = (1...3000).map { "## Lesson number \($0) with a long and wordy title of its own {#lesson-\($0)-of-a-long-course}" }
        let result = try #require(loadFolder(["course.yaml": "title: T\nmodules: [m.md]\n", "m.md": lessons.joined(separator: "\n\nText.\n\n")]))
        let course = try #require(result.course)
        #expect(Watchdog.run(seconds: 30) { course.lessonIDs(closestTo: "xyzzy") } == [])
        #expect(Watchdog.run(seconds: 30) { course.lessonIDs(closestTo: String(repeating: "q", count: 1_000_000)) } == [])
        #expect(course.lessonIDs(closestTo: "lesson-12-of-a-long-corse").first == "lesson-12-of-a-long-course")
        let cyrillic = try #require(loadFolder(["course.yaml": "title: T\nmodules: [m.md]\n", "m.md": "## Доверие\n\nТекст.\n"])?.course)
        #expect(cyrillic.lessonIDs(closestTo: "довериу") == ["доверие"], "a typo is one edit in any script")
    }

    /// The banded distance agrees with the whole table wherever it is within the limit.
    @Test(arguments: [1, 7, 2026] as [UInt64])
    func bandedEditDistanceAgreesWithTheWholeTable(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        func word() -> [UInt8] { (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt8.random(in: 97...100, using: &generator) } }
        for _ in 0..<500 {
            let a = word(), b = word(), limit = Int.random(in: 0...6, using: &generator)
            var table = [Array(0...b.count)]
            for i in 1...max(1, a.count) where !a.isEmpty {
                var row = [i]
                for j in 1...max(1, b.count) where !b.isEmpty {
                    row.append(min(table[i - 1][j] + 1, row[j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)))
                }
                if b.isEmpty { row = [i] }
                table.append(row)
            }
            let exact = table[a.count][b.count]
            #expect(Suggestions.editDistance(a, b, limit: limit) == (exact <= limit ? exact : nil), "\(a) \(b) \(limit)")
        }
    }
}
