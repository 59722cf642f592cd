import Foundation
import JourneyKit
import Testing
import TestSupport

/// Whole model dumps of fixture files, compared with golden files.
@Suite struct ConverterGoldenTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    @Test(arguments: ["inlines", "blocks", "single-file"])
    func modelDumpMatchesGolden(_ name: String) {
        let result = CourseLoader.load(path: Self.here.appending(path: "Fixtures/\(name).md").path)
        let failure = Golden.check(ModelDump.dump(result), named: "\(name).txt", in: Self.here.appending(path: "Goldens"))
        #expect(failure == nil, "\(failure ?? "")")
    }
}
