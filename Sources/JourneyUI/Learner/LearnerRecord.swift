/// What the learner has done in a course, as the player shows it: loaded from the store at start and
/// kept up to date as they work.
public struct LearnerRecord: Equatable, Sendable {
    public struct Answer: Equatable, Sendable {
        public var text: String
        /// When it was saved, worded for the learner ("28 Nov 2026, 21:51").
        public var saved: String

        public init(text: String, saved: String) {
            self.text = text
            self.saved = saved
        }
    }

    public struct Draft: Equatable, Sendable {
        public var text: String
        /// The session that wrote it when another; nil when it is this session's own.
        public var owner: String?

        public init(text: String, owner: String?) {
            self.text = text
            self.owner = owner
        }

        /// What an editor that starts from this draft replaces.
        var origin: DraftOrigin? { owner.map { DraftOrigin(session: $0, text: text) } }
    }

    /// The latest answer to each prompt, by prompt id.
    public var answers: [String: Answer]
    /// Unsaved text, by prompt id.
    public var drafts: [String: Draft]
    /// Ticks and unticks, by checklist item id.
    public var ticks: [String: Bool]
    /// Lessons read to their end, by id.
    public var read: Set<String>
    /// Where to resume.
    public var position: ReadingPosition?

    public init(answers: [String: Answer] = [:], drafts: [String: Draft] = [:], ticks: [String: Bool] = [:],
                read: Set<String> = [], position: ReadingPosition? = nil) {
        self.answers = answers
        self.drafts = drafts
        self.ticks = ticks
        self.read = read
        self.position = position
    }

    /// A draft worth showing: one that says something the saved answer does not.
    func pendingDraft(_ promptID: String) -> Draft? {
        guard let draft = drafts[promptID], draft.text != (answers[promptID]?.text ?? "") else { return nil }
        return draft
    }
}

/// A place in a course that survives a new width: a lesson, one of its blocks, and how far into it.
public struct ReadingPosition: Equatable, Sendable {
    public var lessonID: String
    /// 0 for the title, then 1 for each top-level block.
    public var block: Int
    /// How far into the block's lines, from 0 up to (not including) 1.
    public var fraction: Double

    public init(lessonID: String, block: Int, fraction: Double) {
        self.lessonID = lessonID
        self.block = block
        self.fraction = fraction
    }
}
