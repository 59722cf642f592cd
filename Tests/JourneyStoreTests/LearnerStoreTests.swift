import Foundation
@testable import JourneyStore
import Testing
import TestSupport

/// The store on an in-memory database and on disk: the same behaviour either way.
@Suite struct LearnerStoreTests {
    static let place = PromptPlace(moduleTitle: "Module", lessonID: "lesson", lessonTitle: "Lesson", promptText: "Why?")

    enum Kind: CaseIterable { case memory, disk }

    /// A store of the given kind; the folder (for disk) lives as long as the returned value.
    private func store(_ kind: Kind) throws -> (LearnerStore, TemporaryFolder) {
        let folder = try TemporaryFolder()
        switch kind {
        case .memory: return (try LearnerStore.inMemory(), folder)
        case .disk: return (try LearnerStore.open(folder: folder.path("data")).store, folder)
        }
    }

    @Test(arguments: Kind.allCases)
    func answersKeepEveryVersionAndTheLatestWins(_ kind: Kind) throws {
        let (store, _) = try store(kind)
        try store.saveAnswer(course: "c", prompt: "p", text: "first", place: Self.place, session: "s1",
                             at: Date(timeIntervalSince1970: 100))
        try store.saveAnswer(course: "c", prompt: "p", text: "second, “é” 信頼 👩‍👩‍👧", place: Self.place, session: "s1",
                             at: Date(timeIntervalSince1970: 200))
        try store.saveAnswer(course: "other", prompt: "p", text: "elsewhere", place: Self.place, session: "s1")
        let record = try store.record(course: "c")
        #expect(record.answers["p"]?.text == "second, “é” 信頼 👩‍👩‍👧")
        #expect(try store.history(course: "c", prompt: "p").map(\.text) == ["second, “é” 信頼 👩‍👩‍👧", "first"])
        #expect(try store.history(course: "c", prompt: "p").last?.savedAt == Date(timeIntervalSince1970: 100))
        #expect(try store.journal(course: "other").answers.map(\.text) == ["elsewhere"])
    }

    @Test(arguments: Kind.allCases)
    func draftsBelongToTheirSessionUntilTakenOverOrSaved(_ kind: Kind) throws {
        let (store, _) = try store(kind)
        try store.saveDraft(course: "c", prompt: "p", text: "from one", place: Self.place, session: "one",
                            at: Date(timeIntervalSince1970: 1))
        try store.saveDraft(course: "c", prompt: "p", text: "from two", place: Self.place, session: "two",
                            at: Date(timeIntervalSince1970: 2))
        #expect(try store.journal(course: "c").drafts.map(\.text) == ["from one", "from two"], "neither overwrites")
        #expect(try store.record(course: "c").drafts["p"]?.text == "from two", "the newest is shown")

        try store.saveDraft(course: "c", prompt: "p", text: "from two, then three", place: Self.place, session: "three",
                            replacing: .init(session: "two", text: "from two"), at: Date(timeIntervalSince1970: 3))
        #expect(try store.journal(course: "c").drafts.map(\.session) == ["one", "three"], "three took over two's draft")

        try store.saveAnswer(course: "c", prompt: "p", text: "done", place: Self.place, session: "three")
        #expect(try store.journal(course: "c").drafts.map(\.session) == ["one"], "saving removes only its own draft")
        try store.discardDraft(course: "c", prompt: "p", session: "four", replacing: .init(session: "one", text: "from one"))
        #expect(try store.journal(course: "c").drafts.isEmpty)
    }

    @Test func takingOverADraftNeverDeletesNewerWordsOfASessionStillWriting() throws {
        let store = try LearnerStore.inMemory()
        try store.saveDraft(course: "c", prompt: "p", text: "A1", place: Self.place, session: "A")
        // B opens the editor on A's draft "A1"; A, still writing, then writes "A1 and more".
        try store.saveDraft(course: "c", prompt: "p", text: "A1 and more", place: Self.place, session: "A")
        try store.saveDraft(course: "c", prompt: "p", text: "A1 from B", place: Self.place, session: "B",
                            replacing: .init(session: "A", text: "A1"))
        try store.saveAnswer(course: "c", prompt: "p", text: "A1 from B, saved", place: Self.place, session: "B",
                             replacing: .init(session: "A", text: "A1"))
        #expect(try store.journal(course: "c").drafts.map(\.text) == ["A1 and more"], "A's newer words are kept")
    }

    @Test(arguments: Kind.allCases)
    func ticksReadLessonsAndPositionAreKeptPerCourse(_ kind: Kind) throws {
        let (store, _) = try store(kind)
        try store.setTick(course: "c", item: "lesson/a", ticked: true)
        try store.setTick(course: "c", item: "lesson/b", ticked: true)
        try store.setTick(course: "c", item: "lesson/b", ticked: false)
        try store.markRead(course: "c", lesson: "one")
        try store.markRead(course: "c", lesson: "one")
        try store.recordPosition(PositionRecord(courseID: "c", lessonID: "two", block: 3, fraction: 0.5, updatedAt: Date()))
        try store.recordPosition(PositionRecord(courseID: "c", lessonID: "three", block: 1, fraction: 0, updatedAt: Date()))
        let record = try store.record(course: "c")
        #expect(record.ticks == ["lesson/a": true, "lesson/b": false])
        #expect(record.read == ["one"])
        #expect(record.position?.lessonID == "three")
        #expect(try store.record(course: "d") == CourseData())
    }

    @Test(arguments: Kind.allCases)
    func forgettingRemovesOnlyWhatWasAskedForAndOnlyForTheCourse(_ kind: Kind) throws {
        let (store, _) = try store(kind)
        for course in ["c", "d"] {
            try store.saveAnswer(course: course, prompt: "p", text: "kept?", place: Self.place, session: "s")
            try store.setTick(course: course, item: "i", ticked: true)
            try store.markRead(course: course, lesson: "l")
        }
        #expect(try store.forget(course: "c", .progress) == 1)
        var record = try store.record(course: "c")
        #expect(record.read.isEmpty && record.answers.count == 1 && record.ticks.count == 1)
        #expect(try store.forget(course: "c", .answers) == 2)
        record = try store.record(course: "c")
        #expect(record == CourseData())
        #expect(try store.record(course: "d").answers.count == 1, "another course is untouched")
    }

    @Test func migratedFilesAreReopenedWithTheirData() throws {
        let folder = try TemporaryFolder()
        try LearnerStore.open(folder: folder.path()).store
            .saveAnswer(course: "c", prompt: "p", text: "still here", place: Self.place, session: "s")
        let reopened = try LearnerStore.open(folder: folder.path())
        #expect(reopened.movedAside == nil)
        #expect(try reopened.store.record(course: "c").answers["p"]?.text == "still here")
        #expect(try reopened.store.record(course: "c").answers["p"]?.place == Self.place)
    }

    @Test func twoConnectionsWritingAtOnceLoseNothing() async throws {
        let folder = try TemporaryFolder()
        let first = try LearnerStore.open(folder: folder.path()).store
        let second = try LearnerStore.open(folder: folder.path()).store
        await withTaskGroup(of: Void.self) { group in
            for (name, store) in [("one", first), ("two", second)] {
                group.addTask {
                    for index in 0..<100 {
                        _ = try? store.saveAnswer(course: "c", prompt: "p\(index % 10)", text: "\(name) \(index)",
                                                  place: Self.place, session: name)
                        try? store.saveDraft(course: "c", prompt: "d", text: "\(name) \(index)", place: Self.place,
                                             session: name)
                    }
                }
            }
        }
        let journal = try first.journal(course: "c")
        #expect(journal.answers.count == 200)
        #expect(Set(journal.drafts.map(\.text)) == ["one 99", "two 99"])
    }

    @Test func filesAreCreatedPrivateWhateverTheUmask() throws {
        let folder = try TemporaryFolder()
        let previous = umask(0)
        defer { umask(previous) }
        let data = folder.path("deep/er/journey")
        let store = try LearnerStore.open(folder: data).store
        try store.saveAnswer(course: "c", prompt: "p", text: "private", place: Self.place, session: "s")
        #expect(mode(data) == 0o700)
        #expect(mode(folder.path("deep/er")) == 0o700, "missing parents are private too")
        for file in ["journey.sqlite", "journey.sqlite-wal", "journey.sqlite-shm"] {
            #expect(mode("\(data)/\(file)") == 0o600, "\(file)")
        }
        #expect(try store.database.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try store.database.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2, "FULL")
    }

    @Test func damagedStorageIsMovedAsideByteForByteAndAFreshOneStarted() throws {
        let folder = try TemporaryFolder()
        let garbage = Data("this is not a database, but it might be someone's only copy\n".utf8)
            + Data(repeating: 0xAB, count: 5000)
        try folder.write("journey.sqlite", garbage)
        #expect(throws: StoreError.damaged(path: folder.path("journey.sqlite"))) {
            try LearnerStore.open(folder: folder.path(), movingDamageAside: false)
        }
        let opened = try LearnerStore.open(folder: folder.path(), now: Date(timeIntervalSince1970: 1_800_000_000))
        let aside = try #require(opened.movedAside)
        #expect(aside == folder.path("journey.sqlite.damaged-20270115-080000"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: aside)) == garbage)
        try opened.store.saveAnswer(course: "c", prompt: "p", text: "fresh", place: Self.place, session: "s")
        #expect(try opened.store.record(course: "c").answers["p"]?.text == "fresh")
    }

    @Test func aDatabaseDamagedInsideIsFoundByVerifyAndMovedAsideAtTheNextStart() throws {
        let folder = try TemporaryFolder()
        let store = try LearnerStore.open(folder: folder.path()).store
        for index in 0..<300 {
            try store.saveAnswer(course: "c", prompt: "p\(index)", text: String(repeating: "words ", count: 50),
                                 place: Self.place, session: "s")
        }
        _ = try store.database.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        // Overwrite a page in the middle with noise, keeping the header intact.
        let path = folder.path("journey.sqlite")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes.replaceSubrange(8192..<12288, with: Data(repeating: 0x5A, count: 4096))
        try bytes.write(to: URL(fileURLWithPath: path))
        let damaged = try LearnerStore.open(folder: folder.path())
        #expect(damaged.movedAside == nil, "opening reads little, so it does not notice")
        #expect(throws: StoreError.damaged(path: path)) { try damaged.store.verify() }
        let command = try LearnerStore.open(folder: folder.path(), movingDamageAside: false)
        #expect(command.movedAside == nil, "a command reads what it can and leaves the file alone")
        #expect(LearnerStore.isMarkedDamaged(folder: folder.path()), "what the player checks before opening early")
        let reopened = try LearnerStore.open(folder: folder.path())
        #expect(reopened.movedAside != nil)
        #expect(!LearnerStore.isMarkedDamaged(folder: folder.path()))
        #expect(try Data(contentsOf: URL(fileURLWithPath: reopened.movedAside!)) == bytes)
    }

    @Test func aFullDiskIsAClearErrorAndKeepsWhatWasSaved() throws {
        let folder = try TemporaryFolder()
        let store = try LearnerStore.open(folder: folder.path()).store
        try store.saveAnswer(course: "c", prompt: "p", text: "saved before", place: Self.place, session: "s")
        let pages = try store.database.read { try Int.fetchOne($0, sql: "PRAGMA page_count") } ?? 0
        try store.database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = \(pages)") }
        let error = #expect(throws: StoreError.self) {
            try store.saveAnswer(course: "c", prompt: "p", text: String(repeating: "long ", count: 100_000),
                                 place: Self.place, session: "s")
        }
        #expect(error == .full(path: folder.path("journey.sqlite")))
        #expect(error?.description.contains("is full") == true)
        #expect(try store.record(course: "c").answers["p"]?.text == "saved before")
    }

    @Test func aStoreThatRefusesWritesSaysSo() throws {
        let folder = try TemporaryFolder()
        let store = try LearnerStore.open(folder: folder.path()).store
        try store.database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = ON") }
        let error = #expect(throws: StoreError.self) {
            try store.setTick(course: "c", item: "i", ticked: true)
        }
        #expect(error == .readOnly(path: folder.path("journey.sqlite")))
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a file to another user"))
    func aFolderOrFileOfAnotherUserIsRefused() throws {
        let folder = try TemporaryFolder()
        let data = folder.path("data")
        mkdir(data, 0o777)
        chown(data, 12345, 12345)
        let error = #expect(throws: StoreError.self) { try LearnerStore.open(folder: data) }
        #expect(error?.description.contains("belongs to another user") == true)
        chown(data, 0, 0)
        try folder.write("data/journey.sqlite", Data())
        chown(folder.path("data/journey.sqlite"), 12345, 12345)
        let fileError = #expect(throws: StoreError.self) { try LearnerStore.open(folder: data) }
        #expect(fileError?.description.contains("belongs to another user") == true)
    }

    @Test func aFileWhereTheFolderShouldBeIsAClearError() throws {
        let folder = try TemporaryFolder(["data": "a file"])
        let error = #expect(throws: StoreError.self) { try LearnerStore.open(folder: folder.path("data")) }
        #expect(error?.description == "cannot use the folder \(folder.path("data")) for your answers: it is not a folder")
    }

    private func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }
}
