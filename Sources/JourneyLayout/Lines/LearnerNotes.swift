/// What a learner has added to a lesson, laid out where it belongs: an answer in its prompt's box, a
/// tick on its checklist item. The wording of the headings comes from the caller.
public struct LearnerNotes: Equatable, Sendable {
    public struct Answer: Equatable, Sendable {
        /// Shown above the text, such as "Your answer, 28 Nov 2026".
        public var heading: String
        public var text: String

        public init(heading: String, text: String) {
            self.heading = heading
            self.text = text
        }
    }

    /// By prompt id.
    public var answers: [String: Answer]
    /// A line for prompts with unsaved text, by prompt id.
    public var pending: [String: String]
    /// The learner's ticks and unticks, by checklist item id; items without one show the author's mark.
    public var ticks: [String: Bool]

    public init(answers: [String: Answer] = [:], pending: [String: String] = [:], ticks: [String: Bool] = [:]) {
        self.answers = answers
        self.pending = pending
        self.ticks = ticks
    }

    public static let none = LearnerNotes()
}
