/// What arrives from the outside world.
public enum Message: Equatable, Sendable {
    case key(Key)
    /// Text pasted into the terminal (bracketed paste): text, never keys.
    case paste(String)
    case resize(columns: Int, rows: Int)
    /// Runs the search that Enter asked for, once "Searching…" is on the screen.
    case runSearch
    /// The store kept an answer.
    case answerSaved(promptID: String, LearnerRecord.Answer)
    /// The store could not keep an answer; the reason is worded for the learner.
    case answerNotSaved(PromptRef, text: String, reason: String)
    /// Other store work failed (a draft, a tick, progress).
    case storeFailed(reason: String)
    /// Every saved version of an answer, newest first.
    case history(promptID: String, [LearnerRecord.Answer])
    /// `$VISUAL`/`$EDITOR` closed: the text it left, or nil when it could not run.
    case externalEditFinished(ExternalEdit, text: String?)
    /// A line for the footer, such as why the external editor could not start.
    case notice(String)
}

/// What the world outside must do after an update.
public enum Effect: Equatable, Sendable {
    case quit
    /// Repaint the whole screen from scratch (Ctrl-L).
    case redraw
    /// Draw the current state, then deliver this message: slow work shows that it is under way.
    case then(Message)
    /// Keep a new version of an answer, replacing the draft it came from (see `Draft.owner`).
    case saveAnswer(PromptRef, text: String, replacing: String?)
    /// Keep unsaved text; the store may combine drafts that follow each other quickly.
    case saveDraft(PromptRef, text: String, replacing: String?)
    /// Forget unsaved text: the learner went back to what was saved.
    case discardDraft(promptID: String, replacing: String?)
    case setTick(itemID: String, ticked: Bool)
    case markRead(lessonID: String)
    case recordPosition(ReadingPosition)
    case loadHistory(promptID: String)
    /// Hand the terminal to `$VISUAL`/`$EDITOR` with this text, then report back.
    case editExternally(ExternalEdit)
}

/// A prompt and where it stands, for the store (which keeps it beside the answer).
public struct PromptRef: Equatable, Sendable {
    public var id: String
    public var question: String
    public var moduleTitle: String
    public var lessonID: String
    public var lessonTitle: String

    public init(id: String, question: String, moduleTitle: String, lessonID: String, lessonTitle: String) {
        self.id = id
        self.question = question
        self.moduleTitle = moduleTitle
        self.lessonID = lessonID
        self.lessonTitle = lessonTitle
    }
}

/// An answer handed to an external editor.
public struct ExternalEdit: Equatable, Sendable {
    public var prompt: PromptRef
    /// What the editor starts with.
    public var text: String
    /// The draft that text came from, if another session's.
    public var replacing: String?
}
