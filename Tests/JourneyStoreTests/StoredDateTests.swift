import Foundation
import GRDB
@testable import JourneyStore
import Testing

/// Dates read by arithmetic are the dates GRDB reads, and forms GRDB writes differently are still read.
@Suite struct StoredDateTests {
    @Test func readsWhatGRDBWritesAsGRDBReadsIt() throws {
        var generator = SystemRandomNumberGenerator()
        let edges = [0, -1, 951_782_400 /* 2000-02-29 */, 4_107_542_399, -2_208_988_800 /* 1900-01-01 */, 1_795_910_400]
        let seconds = edges.map(Double.init) + (0..<2_000).map { _ in Double.random(in: -3e9...5e9, using: &generator) }
        for second in seconds {
            let text = try #require(String.fromDatabaseValue(Date(timeIntervalSince1970: second).databaseValue))
            let expected = try #require(Date.fromDatabaseValue(text.databaseValue))
            let parsed = try #require(StoredDate.parse(text), "\(text)")
            #expect(abs(parsed.timeIntervalSince(expected)) < 1e-6, "\(text): \(parsed) is not \(expected)")
        }
    }

    @Test func leavesOtherFormsToGRDB() throws {
        for text in ["2026-11-29", "2026-11-29 10:00", "2026-13-01 00:00:00.000", "2026-11-29T10:00:00.000", "soon"] {
            #expect(StoredDate.parse(text) == nil, "\(text)")
        }
        let row = try DatabaseQueue().read { try Row.fetchOne($0, sql: "SELECT '2026-11-29' AS d")! }
        #expect(StoredDate.read(row, "d") == Date.fromDatabaseValue("2026-11-29".databaseValue))
    }
}
