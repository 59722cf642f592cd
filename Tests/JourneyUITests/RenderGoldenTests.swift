import Foundation
import JourneyKit
import JourneyLayout
@testable import JourneyUI
import Testing
import TestSupport

/// Whole frames compared with golden files: each row's text, then its styled runs as `role@column+width`,
/// so losing a selection, a bar or a match fails as surely as losing text.
@Suite struct RenderGoldenTests {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Goldens")

    private func check(_ driver: Driver, _ name: String) {
        let frame = driver.player.render()
        #expect(frame.columns == driver.context.columns && frame.rows == driver.context.rows)
        let failure = Golden.check(Self.describe(frame), named: "\(name).txt", in: Self.goldens)
        #expect(failure == nil, "\(failure ?? "")")
    }

    static func describe(_ frame: Frame) -> String {
        var lines: [String] = []
        for row in 0..<frame.rows {
            let cells = frame.row(row)
            lines.append("|" + cells.map(\.text).joined() + "|")
            var runs: [String] = []
            var start = 0
            for (index, cell) in cells.enumerated() {
                let next = index + 1 < cells.count ? cells[cells.startIndex + index + 1].role : nil
                if next != cell.role {
                    if !cell.role.isEmpty {
                        runs.append("\(cell.role.names(Role.playerNamed).joined(separator: "+"))@\(start)+\(index + 1 - start)")
                    }
                    start = index + 1
                }
            }
            if !runs.isEmpty { lines.append("    " + runs.joined(separator: " ")) }
        }
        if let cursor = frame.cursor { lines.append("cursor \(cursor.row),\(cursor.column)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func driver(_ columns: Int, _ rows: Int, glyphs: PlayerGlyphs = .unicode, lesson: String? = nil,
                        learner: LearnerRecord = LearnerRecord()) -> Driver {
        var driver = Driver(columns: columns, rows: rows, lesson: lesson, learner: learner)
        if glyphs != .unicode {
            driver.player = Player(course: PlayerTests.course, lessonID: lesson, learner: learner, columns: columns,
                                   rows: rows, glyphs: glyphs)
        }
        return driver
    }

    @Test(arguments: [(80, 24), (40, 12), (120, 30)])
    func lesson(_ columns: Int, _ rows: Int) {
        check(driver(columns, rows), "lesson-\(columns)x\(rows)")
    }

    /// Present mode at a terminal's size and a projector's, the second with the notes panel and a countdown.
    @Test func presenting() {
        var small = Driver()
        small.player = Player(course: PlayerTests.course, columns: 80, rows: 24, presenting: true)
        check(small, "present-80x24")
        var projector = Driver()
        projector.player = Player(course: PlayerTests.course, columns: 160, rows: 45, presenting: true)
        let start = ContinuousClock.now
        projector.send(.tick(start))
        projector.press(.character("N"), .character("T"))
        projector.send(.tick(start.advanced(by: .seconds(15))))
        check(projector, "present-notes-timer-160x45")
    }

    @Test func scrolledWithASCIIGlyphs() {
        var driver = driver(40, 12, glyphs: .ascii)
        driver.press(.character("G"))
        check(driver, "lesson-ascii-40x12-bottom")
    }

    @Test(arguments: [(29, 24), (80, 7), (20, 6), (10, 3), (1, 1)])
    func tooSmall(_ columns: Int, _ rows: Int) {
        check(driver(columns, rows), "too-small-\(columns)x\(rows)")
    }

    @Test func contentsSearchAndHelp() {
        var driver = driver(80, 24, learner: LearnerRecord(answers: ["arriving-why": .init(text: "x", saved: "today")],
                                                           read: ["arriving"]))
        driver.press(.character("t"))
        check(driver, "contents-80x24")
        driver = self.driver(80, 24)
        driver.press(.character("/"), .character("t"), .character("r"))
        check(driver, "search-typing-80x24")
        driver.press(.character("u"), .character("s"), .character("t"), .enter)
        check(driver, "search-results-80x24")
        driver.press(.enter)
        check(driver, "search-jumped-80x24")
        driver = self.driver(40, 12)
        driver.press(.character("?"))
        check(driver, "help-40x12")
    }

    @Test func answeredLessonWithASelectedItem() {
        let learner = LearnerRecord(answers: ["boundaries-which": .init(text: "Saying no.\n\nAnd meaning it.", saved: "28 Nov 2026, 21:51")],
                                    ticks: ["boundaries-again/known": false], read: ["arriving", "settling-in"])
        var driver = driver(80, 24, lesson: "boundaries-again", learner: learner)
        driver.press(.tab)
        check(driver, "answered-80x24")
    }

    @Test func editorWithWrappedTextAndTheCursor() {
        var driver = driver(40, 12)
        driver.press(.character("r"))
        driver.type("Trust grows back slowly, 信頼 by 信頼, and that is fine.\nA second line")
        driver.press(.up)
        check(driver, "editor-40x12")
    }

    @Test func reflectionsAtTheEnd() {
        var driver = driver(80, 24, lesson: "boundaries-again",
                            learner: LearnerRecord(answers: ["arriving-why": .init(text: "To begin again.", saved: "today")]))
        driver.press(.character("n"))
        check(driver, "reflections-end-80x24")
    }

    @Test func searchMatchesAreMarkedAndSelectionShows() {
        var driver = driver(80, 24)
        driver.press(.character("/"), .character("h"), .character("e"), .character("l"), .character("p"), .enter)
        let cells = driver.player.render().cells
        #expect(cells.contains { $0.role.contains(.selection) })
        #expect(cells.filter { $0.role.contains(.match) }.map(\.text).joined().lowercased().contains("help"))
    }

    @Test func theBarShowsLessonsRead() {
        let driver = driver(80, 24, learner: LearnerRecord(read: ["arriving", "settling-in"]))
        let footer = driver.player.render().row(23).map(\.text).joined()
        #expect(footer.contains("Lesson 1 of 3"))
        #expect(footer.contains("66%"))
        let filled = footer.filter { $0 == "█" }.count
        let empty = footer.filter { $0 == "░" }.count
        #expect(filled > 0 && filled == (filled + empty) * 2 / 3, "\(filled) of \(filled + empty) cells for 2 of 3")
    }

    @Test func theHeaderKeepsTheLessonTitleWhenNarrow() {
        let header = driver(40, 12, lesson: "boundaries-again").player.render().row(0).map(\.text).joined()
        #expect(header.contains("Boundaries again"))
        #expect(header.contains("…"))
    }

    @Test func wideTerminalsCentreTheBody() {
        let frame = driver(160, 24).player.render()
        let title = frame.row(1).map(\.text).joined()
        let indent = title.prefix { $0 == " " }.count
        #expect(indent == (160 - 100) / 2 + 1)
    }
}
