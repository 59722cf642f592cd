import Dispatch
import Foundation
import JourneyKit
import JourneyStore
import JourneyTerminal
import JourneyUI
import Synchronization

/// The player's effects on the learner's store, performed on a queue of their own so typing never waits
/// for the disk; results and problems come back through the inbox. Drafts and reading positions that
/// follow each other quickly are combined: each reaches the disk within half a second of the first.
final class StoreEffects: EffectPerformer, Sendable {
    static let draftDelay = 0.5

    private let store: LearnerStore
    private let course: String
    /// This player session, so its drafts never overwrite another session's.
    let session = UUID().uuidString
    private let inbox: Inbox
    private let queue = DispatchQueue(label: "journey.store")
    private let waiting = Mutex(Waiting())

    /// Drafts and a position not yet written, and whether a write is scheduled.
    private struct Waiting {
        var drafts: [String: (prompt: PromptRef, text: String, replacing: String?)] = [:]
        var position: ReadingPosition?
        var scheduled = false
    }

    init(store: LearnerStore, course: String, inbox: Inbox) {
        self.store = store
        self.course = course
        self.inbox = inbox
    }

    func perform(_ effect: Effect) {
        switch effect {
        case .saveDraft(let prompt, let text, let replacing):
            schedule { $0.drafts[prompt.id] = (prompt, text, replacing) }
        case .recordPosition(let position):
            schedule { $0.position = position }
        case .saveAnswer(let prompt, let text, let replacing):
            waiting.withLock { $0.drafts[prompt.id] = nil }
            run(failure: { .answerNotSaved(prompt, text: text, reason: $0) }) { [self] in
                let answer = try store.saveAnswer(course: course, prompt: prompt.id, text: text, place: prompt.place,
                                                  session: session, replacing: replacing)
                inbox.post(.answerSaved(promptID: prompt.id, LearnerRecord.Answer(answer)))
            }
        case .discardDraft(let promptID, let replacing):
            waiting.withLock { $0.drafts[promptID] = nil }
            run { [self] in
                try store.discardDraft(course: course, prompt: promptID, session: session, replacing: replacing)
            }
        case .setTick(let item, let ticked):
            run { [self] in try store.setTick(course: course, item: item, ticked: ticked) }
        case .markRead(let lesson):
            run { [self] in try store.markRead(course: course, lesson: lesson) }
        case .loadHistory(let promptID):
            run { [self] in
                let versions = try store.history(course: course, prompt: promptID).map(LearnerRecord.Answer.init)
                inbox.post(.history(promptID: promptID, versions))
            }
        case .quit, .redraw, .then, .editExternally:
            break
        }
    }

    /// Writes whatever waits and returns when all work is done, or after five seconds on a stuck disk.
    func finish() {
        let done = DispatchSemaphore(value: 0)
        queue.async { [self] in
            writeWaiting()
            done.signal()
        }
        _ = done.wait(timeout: .now() + 5)
    }

    private func schedule(_ change: (inout Waiting) -> Void) {
        let start = waiting.withLock { waiting in
            change(&waiting)
            defer { waiting.scheduled = true }
            return !waiting.scheduled
        }
        if start { queue.asyncAfter(deadline: .now() + Self.draftDelay) { [self] in writeWaiting() } }
    }

    private func writeWaiting() {
        let taken = waiting.withLock { waiting in
            defer { waiting = Waiting() }
            return waiting
        }
        for (_, draft) in taken.drafts.sorted(by: { $0.key < $1.key }) {
            attempt {
                try store.saveDraft(course: course, prompt: draft.prompt.id, text: draft.text, place: draft.prompt.place,
                                    session: session, replacing: draft.replacing)
            }
        }
        if let position = taken.position {
            attempt {
                try store.recordPosition(PositionRecord(courseID: course, lessonID: position.lessonID, block: position.block,
                                                        fraction: position.fraction, updatedAt: Date()))
            }
        }
    }

    private func run(failure: @escaping @Sendable (String) -> Message = { .storeFailed(reason: $0) },
                     _ work: @escaping @Sendable () throws -> Void) {
        queue.async { [self] in attempt(failure: failure, work) }
    }

    private func attempt(failure: (String) -> Message = { .storeFailed(reason: $0) }, _ work: () throws -> Void) {
        do {
            try work()
        } catch {
            inbox.post(failure("\(error)"))
        }
    }
}

extension PromptRef {
    var place: PromptPlace {
        PromptPlace(moduleTitle: moduleTitle, lessonID: lessonID, lessonTitle: lessonTitle, promptText: question)
    }
}
