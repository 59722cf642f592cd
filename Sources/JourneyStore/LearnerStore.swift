import Foundation
import GRDB

/// The learner's answers, drafts, ticks and reading progress: one SQLite database (WAL) in a private
/// folder, shared by every course and every player session. Keys are plain strings (course, prompt,
/// item and lesson ids), so the store knows nothing of the course format.
public final class LearnerStore: Sendable {
    public static let fileName = "journey.sqlite"

    /// The database file, or `:memory:`.
    public let path: String
    let database: DatabaseQueue

    /// What opening found: the store, and where damaged storage was moved, if it was.
    public struct Opened: Sendable {
        public var store: LearnerStore
        public var movedAside: String?
    }

    /// Opens the store in `folder`, creating it privately. A database found damaged (now, or by an
    /// earlier `verify`) is moved aside byte for byte, never deleted, and a fresh one started;
    /// `movedAside` says where it went. With `movingDamageAside` false, damage found now is an error
    /// instead and a mark is left alone, so a command can read what can be read without touching it.
    public static func open(folder: String, movingDamageAside: Bool = true, now: Date = Date()) throws -> Opened {
        try PrivateFiles.prepareFolder(folder)
        let path = (folder as NSString).appendingPathComponent(fileName)
        try PrivateFiles.createFile(path)
        guard access(path, R_OK | W_OK) == 0 else {
            throw StoreError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        do {
            let store = try LearnerStore(path: path)
            if movingDamageAside && access(path + damageMark, F_OK) == 0 {
                try store.verify()
                unlink(path + damageMark)
            }
            return Opened(store: store, movedAside: nil)
        } catch StoreError.damaged where movingDamageAside {
            let aside = try PrivateFiles.moveAside(path, now: now)
            unlink(path + damageMark)
            try PrivateFiles.createFile(path)
            return Opened(store: try LearnerStore(path: path), movedAside: aside)
        }
    }

    /// Beside the database, marks one that `verify` found damaged, for the next `open` to move aside.
    static let damageMark = ".damaged"

    /// An earlier `verify` found the database in `folder` damaged: an `open` that moves damage aside
    /// would move it.
    public static func isMarkedDamaged(folder: String) -> Bool {
        access((folder as NSString).appendingPathComponent(fileName) + damageMark, F_OK) == 0
    }

    /// Reads the whole database to check it (in proportion to its size, so the player does it after its
    /// first frame). Damage leaves a mark for the next `open` and throws `StoreError.damaged`.
    public func verify() throws {
        let check = try read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
        guard check == ["ok"] else {
            if path != ":memory:" { _ = try? PrivateFiles.createFile(path + Self.damageMark) }
            throw StoreError.damaged(path: path)
        }
    }

    /// A store that lives in memory only, for tests.
    public static func inMemory() throws -> LearnerStore {
        try LearnerStore(path: ":memory:")
    }

    private init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL, set here rather than through GRDB's `journalMode`, whose set-up (for pools) writes a
            // table and drops it and asks Foundation the log's size on every open of a queue.
            if path != ":memory:" { _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            // Each commit reaches the disk before it counts: a power cut loses nothing saved.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            database = path == ":memory:" ? try DatabaseQueue(configuration: configuration)
                : try DatabaseQueue(path: path, configuration: configuration)
            try Schema.migrator.migrate(database)
        } catch {
            throw StoreError(error, path: path)
        }
        for companion in ["-wal", "-shm"] { PrivateFiles.narrow(path + companion) }
    }

    // MARK: Reading

    /// What the player shows for a course: latest answers, newest drafts, ticks, lessons read, position.
    /// Read with plain SQL and rows read by column: the player waits for it before its first frame.
    public func record(course: String) throws -> CourseData {
        try read { db in
            var record = CourseData()
            let latest = try AnswerRecord.fetchAll(db, sql: """
                SELECT * FROM answer WHERE id IN (SELECT max(id) FROM answer WHERE courseID = ? GROUP BY promptID)
                """, arguments: [course])
            for answer in latest { record.answers[answer.promptID] = answer }
            let drafts = try DraftRecord.fetchAll(db, sql: "SELECT * FROM draft WHERE courseID = ? ORDER BY updatedAt",
                                                  arguments: [course])
            for draft in drafts { record.drafts[draft.promptID] = draft }
            for row in try Row.fetchAll(db, sql: "SELECT itemID, ticked FROM tick WHERE courseID = ?", arguments: [course]) {
                record.ticks[row[0]] = row[1] as Bool
            }
            record.read = Set(try String.fetchAll(db, sql: "SELECT lessonID FROM lessonRead WHERE courseID = ?",
                                                  arguments: [course]))
            record.position = try PositionRecord.fetchOne(db, sql: "SELECT * FROM position WHERE courseID = ?",
                                                          arguments: [course])
            return record
        }
    }

    /// Every saved version of one answer, newest first.
    public func history(course: String, prompt: String) throws -> [AnswerRecord] {
        try read { db in
            try AnswerRecord.filter(Column("courseID") == course && Column("promptID") == prompt)
                .order(Column("id").desc).fetchAll(db)
        }
    }

    /// Everything kept for a course, oldest first.
    public func journal(course: String) throws -> Journal {
        try read { db in
            Journal(
                answers: try AnswerRecord.filter(Column("courseID") == course).order(Column("id")).fetchAll(db),
                drafts: try DraftRecord.filter(Column("courseID") == course).order(Column("updatedAt")).fetchAll(db),
                ticks: try TickRecord.filter(Column("courseID") == course).order(Column("itemID")).fetchAll(db))
        }
    }

    // MARK: Writing

    /// Another session's draft that this session's text replaces. It is forgotten only while it still
    /// holds `text`: a session that is still writing keeps its newer words.
    public struct ReplacedDraft: Equatable, Sendable {
        public var session: String
        public var text: String

        public init(session: String, text: String) {
            self.session = session
            self.text = text
        }
    }

    /// Adds a version of an answer and removes the drafts it came from: this session's, and the one it
    /// took over from another session.
    @discardableResult
    public func saveAnswer(course: String, prompt: String, text: String, place: PromptPlace, session: String,
                           replacing: ReplacedDraft? = nil, at date: Date = Date()) throws -> AnswerRecord {
        try write { db in
            var answer = AnswerRecord(id: nil, courseID: course, promptID: prompt, text: text, savedAt: date,
                                      moduleTitle: place.moduleTitle, lessonID: place.lessonID,
                                      lessonTitle: place.lessonTitle, promptText: place.promptText)
            try answer.insert(db)
            try Self.forgetDrafts(db, course: course, prompt: prompt, session: session, replacing: replacing)
            return answer
        }
    }

    /// Keeps this session's unsaved text, taking over the draft it started from.
    public func saveDraft(course: String, prompt: String, text: String, place: PromptPlace, session: String,
                          replacing: ReplacedDraft? = nil, at date: Date = Date()) throws {
        try write { db in
            try Self.forgetDrafts(db, course: course, prompt: prompt, session: nil, replacing: replacing)
            try DraftRecord(courseID: course, promptID: prompt, session: session, text: text, updatedAt: date,
                            moduleTitle: place.moduleTitle, lessonID: place.lessonID, lessonTitle: place.lessonTitle,
                            promptText: place.promptText).save(db)
        }
    }

    /// Forgets this session's draft and the one it started from: the learner went back to the saved text.
    public func discardDraft(course: String, prompt: String, session: String, replacing: ReplacedDraft? = nil) throws {
        try write { db in
            try Self.forgetDrafts(db, course: course, prompt: prompt, session: session, replacing: replacing)
        }
    }

    public func setTick(course: String, item: String, ticked: Bool, at date: Date = Date()) throws {
        try write { db in try TickRecord(courseID: course, itemID: item, ticked: ticked, updatedAt: date).save(db) }
    }

    public func markRead(course: String, lesson: String, at date: Date = Date()) throws {
        try write { db in
            try ReadRecord(courseID: course, lessonID: lesson, readAt: date).insert(db, onConflict: .ignore)
        }
    }

    public func recordPosition(_ position: PositionRecord) throws {
        try write { db in try position.save(db) }
    }

    /// What `forget` removes.
    public struct Forgetting: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Lessons read and the place to resume.
        public static let progress = Forgetting(rawValue: 1)
        /// Answers with their history, drafts and ticks.
        public static let answers = Forgetting(rawValue: 2)
    }

    /// Removes a course's data; returns how many rows went.
    @discardableResult
    public func forget(course: String, _ what: Forgetting) throws -> Int {
        var tables: [String] = []
        if what.contains(.progress) { tables += [ReadRecord.databaseTableName, PositionRecord.databaseTableName] }
        if what.contains(.answers) {
            tables += [AnswerRecord.databaseTableName, DraftRecord.databaseTableName, TickRecord.databaseTableName]
        }
        return try write { db in
            var removed = 0
            for table in tables {
                try db.execute(sql: "DELETE FROM \(table) WHERE courseID = ?", arguments: [course])
                removed += db.changesCount
            }
            return removed
        }
    }

    // MARK: Plumbing

    /// Deletes this session's draft (when given) and the replaced one if it is unchanged.
    private static func forgetDrafts(_ db: Database, course: String, prompt: String, session: String?,
                                     replacing: ReplacedDraft?) throws {
        if let session {
            try DraftRecord.deleteOne(db, key: ["courseID": course, "promptID": prompt, "session": session])
        }
        if let replacing, replacing.session != session {
            try DraftRecord.filter(Column("courseID") == course && Column("promptID") == prompt
                && Column("session") == replacing.session && Column("text") == replacing.text).deleteAll(db)
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database.read(body) } catch { throw StoreError(error, path: path) }
    }

    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database.write(body) } catch { throw StoreError(error, path: path) }
    }
}
