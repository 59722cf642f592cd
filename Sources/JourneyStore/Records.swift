import Foundation
import GRDB

/// Where a prompt stood in its course when an answer or draft was written, kept beside the text so
/// that the text outlives edits to the course (a prompt removed, a lesson renamed).
public struct PromptPlace: Equatable, Sendable {
    public var moduleTitle: String
    public var lessonID: String
    public var lessonTitle: String
    public var promptText: String

    public init(moduleTitle: String, lessonID: String, lessonTitle: String, promptText: String) {
        self.moduleTitle = moduleTitle
        self.lessonID = lessonID
        self.lessonTitle = lessonTitle
        self.promptText = promptText
    }
}

/// A row that keeps where its prompt stood (`PromptPlace`) in columns of its own.
public protocol PlacedRecord {
    var moduleTitle: String { get }
    var lessonID: String { get }
    var lessonTitle: String { get }
    var promptText: String { get }
}

extension PlacedRecord {
    public var place: PromptPlace {
        PromptPlace(moduleTitle: moduleTitle, lessonID: lessonID, lessonTitle: lessonTitle, promptText: promptText)
    }
}

/// One saved version of an answer. Saving again adds a version; none is ever overwritten.
public struct AnswerRecord: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord, PlacedRecord {
    public static let databaseTableName = "answer"
    public var id: Int64?
    public var courseID: String
    public var promptID: String
    public var text: String
    public var savedAt: Date
    public var moduleTitle: String
    public var lessonID: String
    public var lessonTitle: String
    public var promptText: String

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Read by column rather than through `Decodable`: an export reads every version of every answer.
    public init(row: Row) throws {
        id = row["id"]
        courseID = row["courseID"]
        promptID = row["promptID"]
        text = row["text"]
        savedAt = StoredDate.read(row, "savedAt")
        moduleTitle = row["moduleTitle"]
        lessonID = row["lessonID"]
        lessonTitle = row["lessonTitle"]
        promptText = row["promptText"]
    }

    public init(id: Int64?, courseID: String, promptID: String, text: String, savedAt: Date, moduleTitle: String,
                lessonID: String, lessonTitle: String, promptText: String) {
        self.id = id
        self.courseID = courseID
        self.promptID = promptID
        self.text = text
        self.savedAt = savedAt
        self.moduleTitle = moduleTitle
        self.lessonID = lessonID
        self.lessonTitle = lessonTitle
        self.promptText = promptText
    }
}

/// Unsaved text of an answer, one row per player session, so two sessions never overwrite each other.
public struct DraftRecord: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord, PlacedRecord {
    public static let databaseTableName = "draft"
    public var courseID: String
    public var promptID: String
    /// The player session that wrote it.
    public var session: String
    public var text: String
    public var updatedAt: Date
    public var moduleTitle: String
    public var lessonID: String
    public var lessonTitle: String
    public var promptText: String
}

extension DraftRecord {
    public init(row: Row) throws {
        courseID = row["courseID"]
        promptID = row["promptID"]
        session = row["session"]
        text = row["text"]
        updatedAt = StoredDate.read(row, "updatedAt")
        moduleTitle = row["moduleTitle"]
        lessonID = row["lessonID"]
        lessonTitle = row["lessonTitle"]
        promptText = row["promptText"]
    }
}

/// The learner's tick (or untick) of a checklist item.
public struct TickRecord: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "tick"
    public var courseID: String
    public var itemID: String
    public var ticked: Bool
    public var updatedAt: Date
}

/// A lesson the learner has read to its end.
public struct ReadRecord: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "lessonRead"
    public var courseID: String
    public var lessonID: String
    public var readAt: Date
}

/// Where the learner was in a course: a lesson, a block of it, and how far into that block.
public struct PositionRecord: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "position"
    public var courseID: String
    public var lessonID: String
    public var block: Int
    public var fraction: Double
    public var updatedAt: Date

    public init(courseID: String, lessonID: String, block: Int, fraction: Double, updatedAt: Date) {
        self.courseID = courseID
        self.lessonID = lessonID
        self.block = block
        self.fraction = fraction
        self.updatedAt = updatedAt
    }

    public init(row: Row) throws {
        self.init(courseID: row["courseID"], lessonID: row["lessonID"], block: row["block"], fraction: row["fraction"],
                  updatedAt: StoredDate.read(row, "updatedAt"))
    }
}

/// Dates as GRDB stores them ("yyyy-MM-dd HH:mm:ss.SSS", UTC), read by arithmetic: GRDB reads them
/// through a Foundation calendar, which loads ICU's data, a cost the player paid before its first
/// frame. Any other form is read by GRDB.
enum StoredDate {
    static func read(_ row: Row, _ column: String) -> Date {
        if let text = row[column] as String?, let date = parse(text) { return date }
        return row[column]
    }

    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 23, [4, 7, 10, 13, 16, 19].map({ bytes[$0] }) == Array("-- ::.".utf8) else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            bytes[range].reduce(0 as Int?) { total, byte in
                guard let total, (48...57).contains(byte) else { return nil }
                return total * 10 + Int(byte - 48)
            }
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              let millisecond = number(20..<23), (1...12).contains(month), (1...31).contains(day) else { return nil }
        // Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
        let shifted = month <= 2 ? year - 1 : year
        let era = shifted / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let days = era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds) + Double(millisecond) / 1_000)
    }
}

/// Everything stored for one course that the player shows.
public struct CourseData: Equatable, Sendable {
    /// The latest version of each answer, by prompt id.
    public var answers: [String: AnswerRecord] = [:]
    /// The newest draft of each prompt, by prompt id.
    public var drafts: [String: DraftRecord] = [:]
    /// Ticks and unticks, by item id.
    public var ticks: [String: Bool] = [:]
    /// Lessons read, by lesson id.
    public var read: Set<String> = []
    public var position: PositionRecord?

    public init() {}
}

/// Everything stored for one course, for `journey export`.
public struct Journal: Equatable, Sendable {
    /// Every version of every answer, oldest first.
    public var answers: [AnswerRecord]
    /// Every draft, oldest first.
    public var drafts: [DraftRecord]
    public var ticks: [TickRecord]
}
