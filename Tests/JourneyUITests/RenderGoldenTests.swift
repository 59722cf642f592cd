import Foundation
import JourneyKit
import JourneyLayout
import JourneyUI
import Testing
import TestSupport

/// Whole frames as text, compared with golden files: the lesson, each overlay, and too-small sizes.
@Suite struct RenderGoldenTests {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Goldens")

    private func check(_ state: PlayerState, _ name: String) {
        let frame = state.render()
        #expect(frame.columns == state.columns && frame.rows == state.rows)
        let failure = Golden.check(frame.text + "\n", named: "\(name).txt", in: Self.goldens)
        #expect(failure == nil, "\(failure ?? "")")
    }

    private func player(_ columns: Int, _ rows: Int, glyphs: Glyphs = .unicode) -> PlayerState {
        PlayerState(course: UpdateTests.course, columns: columns, rows: rows, glyphs: glyphs)
    }

    @Test(arguments: [(80, 24), (40, 12), (120, 30)])
    func lesson(_ columns: Int, _ rows: Int) {
        check(player(columns, rows), "lesson-\(columns)x\(rows)")
    }

    @Test func scrolledWithASCIIGlyphs() {
        var state = player(40, 12, glyphs: .ascii)
        _ = state.update(.key(.character("G")))
        check(state, "lesson-ascii-40x12-bottom")
    }

    @Test(arguments: [(29, 24), (80, 7), (20, 6), (10, 3), (1, 1)])
    func tooSmall(_ columns: Int, _ rows: Int) {
        check(player(columns, rows), "too-small-\(columns)x\(rows)")
    }

    @Test func contentsSearchAndHelp() {
        var state = player(80, 24)
        _ = state.update(.key(.character("t")))
        check(state, "contents-80x24")
        state = player(80, 24)
        for key in [Key.character("/"), .character("t"), .character("r")] { _ = state.update(.key(key)) }
        check(state, "search-typing-80x24")
        for key in [Key.character("u"), .character("s"), .character("t"), .enter] { _ = state.update(.key(key)) }
        _ = state.update(.runSearch)
        check(state, "search-results-80x24")
        _ = state.update(.key(.enter))
        check(state, "search-jumped-80x24")
        state = player(40, 12)
        _ = state.update(.key(.character("?")))
        check(state, "help-40x12")
    }

    @Test func searchMatchesAreMarkedAndSelectionShows() {
        var state = player(80, 24)
        for key in [Key.character("/"), .character("h"), .character("e"), .character("l"), .character("p"), .enter] {
            _ = state.update(.key(key))
        }
        _ = state.update(.runSearch)
        let frame = state.render()
        let cells = (0..<frame.rows).flatMap { frame.row($0) }
        #expect(cells.contains { $0.role.contains(.selection) })
        #expect(cells.filter { $0.role.contains(.match) }.map(\.text).joined().lowercased().contains("help"))
    }

    @Test func progressBarAndPercentageAgree() {
        var state = player(80, 24)
        _ = state.update(.key(.character("n")))
        let footer = state.render().row(23).map(\.text).joined()
        #expect(footer.contains("Lesson 2 of 3"))
        #expect(footer.contains("66%"))
        let filled = footer.filter { $0 == "█" }.count
        let empty = footer.filter { $0 == "░" }.count
        #expect(filled * 100 / (filled + empty) / 5 == 66 / 5, "\(filled) of \(filled + empty) cells for 66%")
    }

    @Test func wideTerminalsCentreTheBody() {
        let frame = player(160, 24).render()
        let title = frame.row(1).map(\.text).joined()
        let indent = title.prefix { $0 == " " }.count
        #expect(indent == (160 - 100) / 2 + 1)
    }
}
