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
        savedAt = row["savedAt"]
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
