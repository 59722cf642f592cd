import Foundation
import Testing
import TestSupport

/// Every input the fuzzer once crashed on (kept in Tests/FuzzCorpus) still goes through cleanly.
@Suite struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "FuzzCorpus")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func corpusIsNotEmpty() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func replays(_ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.corpus.appending(path: name)))
        let problem = FuzzCheck.run(bytes)
        #expect(problem == nil, "\(name): \(problem ?? "")")
    }
}
