import Foundation
import JourneyKit
import JourneyLayout
import Testing
import TestSupport

/// The layout of a demanding lesson at 80, 40 and 20 columns: text plus the roles of every span.
@Suite struct LayoutGoldenTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func lesson() throws -> Lesson {
        let result = CourseLoader.load(path: here.appending(path: "Fixtures/layout.md").path)
        return try #require(result.course?.lessons.first)
    }

    @Test(arguments: [80, 40, 20])
    func layoutMatchesGolden(_ width: Int) throws {
        let lines = Layout(width: width).lines(for: try Self.lesson())
        let failure = Golden.check(Self.describe(lines), named: "layout-\(width).txt", in: Self.here.appending(path: "Goldens"))
        #expect(failure == nil, "\(failure ?? "")")
    }

    /// Tables sized from their content (no word cut while it could fit, a record per row when not),
    /// long code lines broken after a space, and links numbered with their targets listed after the block.
    @Test(arguments: [72, 40])
    func realDocumentsMatchGolden(_ width: Int) throws {
        let lesson = try #require(CourseLoader.load(path: Self.here.appending(path: "Fixtures/real-documents.md").path).course?.lessons.first)
        let lines = Layout(width: width).lines(for: lesson)
        let failure = Golden.check(Self.describe(lines), named: "real-documents-\(width).txt", in: Self.here.appending(path: "Goldens"))
        #expect(failure == nil, "\(failure ?? "")")
        let words = Set(lesson.blocks.flatMap { block -> [String] in
            switch block {
            case .table, .code: block.plainText.split(separator: " ").map { String($0.hasSuffix(":") ? $0.dropLast() : $0) }
            default: []
            }
        })
        let shown = Set(lines.flatMap { line in
            line.text.split(whereSeparator: { " │".contains($0) }).map { String($0.hasSuffix(":") ? $0.dropLast() : $0) }
        })
        // Lines may break between wide (CJK) characters, so words of them are not expected whole.
        let cut = words.filter { DisplayWidth.of($0) <= width - 4 && !$0.contains { DisplayWidth.of($0) == 2 } && !shown.contains($0) }
        #expect(cut.isEmpty, "words cut although they fit: \(cut.sorted())")
    }

    @Test(arguments: [80, 40, 20])
    func noLineIsWiderThanTheWidthOrHoldsAControlCharacter(_ width: Int) throws {
        for glyphs in [Glyphs.unicode, .ascii] {
            for line in Layout(width: width, glyphs: glyphs).lines(for: try Self.lesson()) {
                #expect(line.width <= width, "too wide: \(line.text)")
                #expect(!line.text.unicodeScalars.contains(where: VisibleText.isControl), "control in: \(line.text)")
            }
        }
    }

    @Test func asciiGlyphsDrawOnlyASCII() throws {
        let lines = Layout(width: 40, glyphs: .ascii).lines(for: try Self.lesson())
        let drawn = lines.flatMap(\.spans).filter { $0.role.contains(.border) || $0.role.contains(.rule) || $0.role.contains(.marker) }
        #expect(!drawn.isEmpty)
        #expect(drawn.allSatisfy { $0.text.allSatisfy(\.isASCII) })
    }

    /// Each line between bars, then the roles of its styled spans as `role@column+width`.
    static func describe(_ lines: [StyledLine]) -> String {
        lines.map { line in
            var column = 0
            var roles: [String] = []
            for span in line.spans {
                if !span.role.isEmpty { roles.append("\(span.role.names().joined(separator: "+"))@\(column)+\(span.width)") }
                column += span.width
            }
            return "|\(line.text)|" + (roles.isEmpty ? "" : "\n    " + roles.joined(separator: " "))
        }.joined(separator: "\n") + "\n"
    }
}
