import Dispatch
import Foundation
import JourneyStore
import JourneyTerminal
import JourneyUI
import Synchronization

/// The player's requests to the learner's store, performed on a queue of their own so typing never
/// waits for the disk; results and problems come back through the inbox. Drafts and reading positions
/// that follow each other quickly are combined: each reaches the disk within `writeDelay` of the first.
final class StoreEffects: EffectPerformer, Sendable {
    static let writeDelay = 0.5
    /// Longer than the store's own wait for a busy database, so `finish` never gives up first.
    static let finishTimeout = 15.0

    private let store: LearnerStore
    private let course: String
    /// This player session, so its drafts never overwrite another session's.
    let session = UUID().uuidString
    private let inbox: Inbox
    private let queue = DispatchQueue(label: "journey.store")
    private let waiting = Mutex(Waiting())
    /// What could not be kept, for `finish` to report when nobody is left to read the inbox.
    private let unkept = Mutex<[String: String]>([:])

    /// Drafts and a position not yet written, and whether a write is scheduled.
    private struct Waiting {
        var drafts: [String: (prompt: PromptRef, text: String, replacing: DraftOrigin?)] = [:]
        var position: ReadingPosition?
        var scheduled = false
    }

    init(store: LearnerStore, course: String, inbox: Inbox) {
        self.store = store
        self.course = course
        self.inbox = inbox
    }

    /// Checks the whole database once the player is on screen (it takes time in proportion to its size,
    /// so it waits a moment rather than compete with the first frame).
    func verifyInBackground() {
        queue.asyncAfter(deadline: .now() + 1) { [self] in
            do {
                try store.verify()
            } catch {
                inbox.post(.notice("The file that keeps your answers is damaged (\(store.path)). What could be read "
                    + "is on screen, and what you write now is still kept in it. The next time Journey starts it moves "
                    + "that file aside, untouched, and begins a fresh one; `journey export` can keep a copy first."))
            }
        }
    }

    func perform(_ request: StoreRequest) {
        switch request {
        case .saveDraft(let prompt, let text, let replacing):
            schedule { $0.drafts[prompt.id] = (prompt, text, replacing) }
        case .recordPosition(let position):
            schedule { $0.position = position }
        case .saveAnswer(let prompt, let text, let replacing):
            waiting.withLock { $0.drafts[prompt.id] = nil }
            queue.async { [self] in saveAnswer(prompt, text, replacing) }
        case .discardDraft(let promptID, let replacing):
            waiting.withLock { $0.drafts[promptID] = nil }
            run("Going back to your saved answer was not kept") { [self] in
                try store.discardDraft(course: course, prompt: promptID, session: session, replacing: replacing?.stored)
            }
        case .setTick(let item, let ticked):
            run("Your tick was not kept") { [self] in try store.setTick(course: course, item: item, ticked: ticked) }
        case .markRead(let lesson):
            run("That you read this lesson was not kept") { [self] in try store.markRead(course: course, lesson: lesson) }
        case .loadHistory(let promptID):
            run("Your earlier answers could not be read") { [self] in
                let versions = try store.history(course: course, prompt: promptID).map(LearnerRecord.Answer.init)
                inbox.post(.history(promptID: promptID, versions))
            }
        }
    }

    /// Writes whatever waits; returns what could not be kept (now or earlier and never put right).
    func finish() -> [String] {
        let done = DispatchSemaphore(value: 0)
        queue.async { [self] in
            writeWaiting()
            done.signal()
        }
        if done.wait(timeout: .now() + Self.finishTimeout) == .timedOut {
            return ["the disk did not answer in time, so your latest words may not be kept"]
        }
        return unkept.withLock { Array($0.values).sorted() }
    }

    // MARK: On the queue

    private func saveAnswer(_ prompt: PromptRef, _ text: String, _ replacing: DraftOrigin?) {
        do {
            let answer = try store.saveAnswer(course: course, prompt: prompt.id, text: text, place: prompt.place,
                                              session: session, replacing: replacing?.stored)
            unkept.withLock { $0[prompt.id] = nil }
            inbox.post(.answerSaved(promptID: prompt.id, LearnerRecord.Answer(answer)))
        } catch {
            // Kept as a draft if the store takes that (said after, so the editor can tell), and in the
            // editor either way.
            inbox.post(.answerNotSaved(prompt, text: text, reason: "\(error)"))
            if !writeDraft(prompt, text, replacing) {
                unkept.withLock { $0[prompt.id] = "your answer to \"\(prompt.question)\" was not saved: \(error)" }
            }
        }
    }

    private func schedule(_ change: (inout Waiting) -> Void) {
        let start = waiting.withLock { waiting in
            change(&waiting)
            defer { waiting.scheduled = true }
            return !waiting.scheduled
        }
        if start { queue.asyncAfter(deadline: .now() + Self.writeDelay) { [self] in writeWaiting() } }
    }

    private func writeWaiting() {
        let taken = waiting.withLock { waiting in
            defer { waiting = Waiting() }
            return waiting
        }
        for (_, draft) in taken.drafts.sorted(by: { $0.key < $1.key }) {
            writeDraft(draft.prompt, draft.text, draft.replacing)
        }
        if let position = taken.position {
            attempt("Your place in the course was not kept") {
                try store.recordPosition(PositionRecord(courseID: course, lessonID: position.lessonID, block: position.block,
                                                        fraction: position.fraction, updatedAt: Date()))
            }
        }
    }

    /// Writes a draft; whether the words are now on disk.
    @discardableResult
    private func writeDraft(_ prompt: PromptRef, _ text: String, _ replacing: DraftOrigin?) -> Bool {
        do {
            try store.saveDraft(course: course, prompt: prompt.id, text: text, place: prompt.place, session: session,
                                replacing: replacing?.stored)
            unkept.withLock { $0[prompt.id] = nil }
            inbox.post(.draftSaved(promptID: prompt.id))
            return true
        } catch {
            unkept.withLock { $0[prompt.id] = "your words for \"\(prompt.question)\" were not kept: \(error)" }
            inbox.post(.draftNotSaved(promptID: prompt.id, reason: "\(error)"))
            return false
        }
    }

    private func run(_ failure: String, _ work: @escaping @Sendable () throws -> Void) {
        queue.async { [self] in attempt(failure, work) }
    }

    private func attempt(_ failure: String, _ work: () throws -> Void) {
        do {
            try work()
        } catch {
            inbox.post(.storeFailed("\(failure): \(error)."))
        }
    }
}

extension PromptRef {
    var place: PromptPlace {
        PromptPlace(moduleTitle: moduleTitle, lessonID: lessonID, lessonTitle: lessonTitle, promptText: question)
    }
}

extension DraftOrigin {
    var stored: LearnerStore.ReplacedDraft { LearnerStore.ReplacedDraft(session: session, text: text) }
}
