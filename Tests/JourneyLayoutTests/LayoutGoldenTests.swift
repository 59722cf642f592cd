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
