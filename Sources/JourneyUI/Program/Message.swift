import JourneyKit

/// What arrives from the outside world.
public enum Message: Equatable, Sendable {
    case key(Key)
    /// Text pasted into the terminal (bracketed paste): text, never keys.
    case paste(String)
    case resize(columns: Int, rows: Int)
    /// The time, a few times a second while a screen counts it (`Player.wantsTicks`), and before keys;
    /// with the time of day when the clock on the wall matters (a facilitator's notes show it).
    case tick(ContinuousClock.Instant, WallTime? = nil)
    /// From the presenter this player follows (`journey follow`, `journey notes`).
    case presenter(PresenterNews)
    /// How many now follow this presentation (`journey present --share`).
    case audience(Int)
    /// Runs the next slice of the search that Enter asked for, once "Searching…" is on the screen.
    case runSearch
    /// The store kept an answer.
    case answerSaved(promptID: String, LearnerRecord.Answer)
    /// The store could not keep an answer; the reason is worded for the learner.
    case answerNotSaved(PromptRef, text: String, reason: String)
    /// The store kept (or could not keep) the unsaved text of a prompt.
    case draftSaved(promptID: String)
    case draftNotSaved(promptID: String, reason: String)
    /// Other store work failed (a tick, progress, a history): a sentence for the learner.
    case storeFailed(String)
    /// Every saved version of an answer, newest first.
    case history(promptID: String, [LearnerRecord.Answer])
    /// `$VISUAL`/`$EDITOR` closed: the text it left (nil when it could not run), and any problem.
    case externalEditFinished(ExternalEdit, text: String?, problem: String?)
    /// Something to tell the learner, in the footer or, when longer, on a screen of its own.
    case notice(String)
    /// The course's files changed (`--watch`) and were read again: the course, or nil when nothing could
    /// be loaded (the one on screen stays), and what lint says, worded as lint writes it.
    case courseChanged(Course?, problems: [String])
    /// The whole course, converted after a first frame drawn from it in outline: the same lessons, so
    /// every screen stays where it is.
    case courseLoaded(Course)
}

extension Message {
    /// The prompt a result from the store is about.
    var promptID: String? {
        switch self {
        case .answerSaved(let id, _), .draftSaved(let id), .draftNotSaved(let id, _): id
        case .answerNotSaved(let prompt, _, _): prompt.id
        default: nil
        }
    }
}

/// The time on the wall: the local time of day, and seconds since 1970 to compare with another
/// process's clock on the same host.
public struct WallTime: Equatable, Sendable {
    public var hour: Int
    public var minute: Int
    public var secondsSince1970: Double

    public init(hour: Int, minute: Int, secondsSince1970: Double) {
        self.hour = hour
        self.minute = minute
        self.secondsSince1970 = secondsSince1970
    }

    /// `09:05`
    public var text: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

/// What the world outside must do after an update.
public enum Effect: Equatable, Sendable {
    case quit
    /// Repaint the whole screen from scratch (Ctrl-L).
    case redraw
    /// Ring the terminal's bell (a countdown has ended).
    case bell
    /// Draw the current state, handle the keys and signals already waiting, then deliver this message:
    /// slow work done in slices shows how far it has got, and can be left or interrupted between them.
    case then(Message)
    /// Hand the terminal to `$VISUAL`/`$EDITOR` with this text, then report back.
    case editExternally(ExternalEdit)
    /// Work for the learner's store, done off the input loop; results come back as messages.
    case store(StoreRequest)
}

/// What the player asks of the learner's store.
public enum StoreRequest: Equatable, Sendable {
    /// Keep a new version of an answer and forget the drafts it came from.
    case saveAnswer(PromptRef, text: String, replacing: DraftOrigin?)
    /// Keep unsaved text; the store may combine drafts that follow each other quickly.
    case saveDraft(PromptRef, text: String, replacing: DraftOrigin?)
    /// Forget unsaved text: the learner went back to what was saved.
    case discardDraft(promptID: String, replacing: DraftOrigin?)
    case setTick(itemID: String, ticked: Bool)
    case markRead(lessonID: String)
    case recordPosition(ReadingPosition)
    case loadHistory(promptID: String)
}

/// Another session's draft that an editor started from: the store forgets it when this session's text
/// replaces it, but only while it still holds the same text (that session may still be writing).
public struct DraftOrigin: Equatable, Sendable {
    public var session: String
    public var text: String

    public init(session: String, text: String) {
        self.session = session
        self.text = text
    }
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
    /// The other session's draft that text came from, if any.
    public var replacing: DraftOrigin?
}
