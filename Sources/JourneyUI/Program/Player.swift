import JourneyKit
import JourneyLayout

/// The player's pure core: the screens open, from the lesson at the bottom to what is on top, and the
/// context they share. Messages go in, effects for the outside world come out, and `render` draws it.
public struct Player: Sendable {
    public private(set) var context: Context
    /// The screens open, the reading screen first; the last one has the keys.
    private var screens: [any Screen] = [ReadingScreen()]

    /// Opens at `lessonID` when given, else where the learner left off, else at the start. Presenting,
    /// it opens at `lessonID` or the start, and shows nothing of `learner`.
    public init(course: Course, lessonID: String? = nil, learner: LearnerRecord = LearnerRecord(), columns: Int,
                rows: Int, glyphs: PlayerGlyphs = .unicode, presenting: Bool = false) {
        let learner = presenting ? LearnerRecord() : learner
        let lessons = course.lessons
        var lesson = 0
        var place = Reader.Place.start
        if let lessonID, let index = lessons.firstIndex(where: { $0.id == lessonID }) {
            lesson = index
        } else if let position = learner.position, let index = lessons.firstIndex(where: { $0.id == position.lessonID }) {
            lesson = index
            place = Reader.Place(block: position.block, fraction: position.fraction)
        }
        context = Context(course: course, lesson: lesson, place: place, learner: learner, columns: columns, rows: rows,
                          glyphs: glyphs, isPresenting: presenting)
        if presenting { screens = [PresentScreen()] }
    }

    /// The facilitator's second terminal (`journey notes`): the notes of the lesson being presented.
    public static func notes(course: Course, following: Following, columns: Int, rows: Int,
                             glyphs: PlayerGlyphs = .unicode) -> Player {
        var player = Player(course: course, columns: columns, rows: rows, glyphs: glyphs, presenting: true)
        player.screens = [NotesScreen()]
        player.follow(following)
        return player
    }

    /// From now on, goes where the presenter is as their positions arrive (`journey follow`).
    public mutating func follow(_ following: Following) {
        context.following = following
    }

    /// Where this player is, as a shared presentation tells its followers.
    public var sharedPosition: SharedPosition {
        let (course, lesson, place) = (context.course, context.lesson, context.reader.place)
        return SharedPosition(course: course.id, courseTitle: course.title, lesson: lesson.id, lessonTitle: lesson.title,
                              block: place.block, fraction: place.fraction)
    }

    /// True while a screen counts time (a countdown): the run loop then sends `.tick` a few times a second.
    public var wantsTicks: Bool { screens.contains { $0.wantsTicks } }

    /// The screen with the keys.
    public var screen: any Screen { screens[screens.count - 1] }

    /// What the first frame already means: a short lesson shown whole has been read.
    public mutating func begin() -> [Effect] {
        progressEffects(since: nil)
    }

    /// The player's only way to change: a message in, the new state and any effects out.
    public mutating func update(_ message: Message) -> [Effect] {
        let before = context.positionRecord
        let top = screens.count - 1
        var effects: [Effect]
        switch message {
        case .resize(let columns, let rows):
            context.resize(columns: columns, rows: rows)
            effects = []
        case .courseChanged(let course, let problems):
            // Screens that point into the course by position go; an answer being written stays.
            screens = [screens[0]] + screens.dropFirst().filter { $0 is EditorScreen }
            if let course, !course.lessons.isEmpty {
                context.replaceCourse(course, problems: problems)
            } else {
                context.courseProblems = problems.isEmpty ? ["the course could not be read again; showing it as it was"] : problems
                context.refreshLesson()
            }
            effects = []
        case .courseLoaded(let course):
            context.replaceCourse(course, problems: context.courseProblems)
            effects = []
        case .tick(let now, let time):
            context.now = now
            if let time { context.wallTime = time }
            effects = []
            for index in screens.indices where screens[index].wantsTicks {
                effects += apply(screens[index].receive(message, &context), from: index)
            }
        case .key(let key):
            context.notice = nil
            let lesson = context.reader.lesson
            effects = context.isTooSmall ? whileTooSmall(key) : press(key)
            if let text = context.stepAway(ifMovedFrom: lesson) { effects += tell(text) }
        case .presenter(let news):
            effects = hear(news)
        case .audience(let count):
            context.audience = count
            effects = []
        case .externalEditFinished(let edit, let text, let problem):
            effects = apply(EditorScreen.finishExternally(edit, text: text, problem: problem, &context), from: top)
        case .answerNotSaved(let prompt, let text, let reason) where editor(for: prompt.id) == nil:
            // The words exist nowhere else: they go back into an editor.
            let problem = "Not saved: \(reason). Ctrl-S tries again."
            effects = apply(.open(EditorScreen.reopen(prompt, text: text, status: .notSaved(problem, drafted: false), context)),
                            from: top)
        case .notice(let text), .storeFailed(let text):
            effects = apply(screens[top].receive(message, &context), from: top)
            if !screen.takesText { effects += tell(text) }
        default:
            context.apply(message)
            // What the store says about a prompt goes to its editor, and a search's next slice to the
            // search, wherever they are in the stack.
            let index = message.promptID.flatMap(editor(for:))
                ?? (message == .runSearch ? screens.lastIndex { $0 is SearchScreen } : nil) ?? top
            effects = apply(screens[index].receive(message, &context), from: index)
        }
        if let notice = context.notice, !screen.takesText, !context.isTooSmall { effects += tell(notice) }
        return effects + progressEffects(since: before)
    }

    private mutating func press(_ key: Key) -> [Effect] {
        let index = screens.count - 1
        if let reaction = screens[index].handle(key, &context) { return apply(reaction, from: index) }
        let action = Self.sharedKeys.action(for: key)
        if screen.takesText, let action, !Self.whileTyping.contains(action) { return [] }
        switch action {
        case .help: return apply(.open(HelpScreen(sections: screen.help + context.sharedHelp(typing: false))), from: index)
        case .support: return apply(screen is SupportScreen ? .close : SupportScreen.open(&context), from: index)
        case .close: return index > 0 ? apply(.close, from: index) : []
        case .quit: return [.quit]
        case .follow: return context.toggleFollowing().map { tell($0) } ?? []
        case .redraw: return [.redraw]
        case .suspend, nil: return []
        }
    }

    /// Where the editor of a prompt is in the stack, if one is open.
    private func editor(for promptID: String) -> Int? {
        screens.lastIndex { ($0 as? EditorScreen)?.prompt.id == promptID }
    }

    /// While the terminal is too small only the keys its notice names act; with text being written,
    /// only Ctrl-L (a `q` is text, not a way out).
    private func whileTooSmall(_ key: Key) -> [Effect] {
        switch Self.sharedKeys.action(for: key) {
        case .quit where !screen.takesText: [.quit]
        case .redraw: [.redraw]
        default: []
        }
    }

    /// Shows a notice: in the footer when it fits, else on a screen of its own (one, however many come).
    /// News from a presenter is flagged: following again puts away what it said before.
    private mutating func tell(_ text: String, fromPresenter: Bool = false) -> [Effect] {
        guard DisplayWidth.of(text) >= context.columns - context.footerPosition.count else {
            context.notice = text
            return []
        }
        context.notice = nil
        if let notice = screen as? NoticeScreen {
            screens[screens.count - 1] = NoticeScreen(message: notice.message + "\n\n" + text,
                                                      fromPresenter: notice.fromPresenter && fromPresenter)
            return []
        }
        return apply(.open(NoticeScreen(message: text, fromPresenter: fromPresenter)), from: screens.count - 1)
    }

    /// What came from the presenter: where they are, or why they cannot be followed. Following again
    /// puts away what was said about not following (the footer then says whom the player is with), and
    /// being taken to another lesson puts away what was said before.
    private mutating func hear(_ news: PresenterNews) -> [Effect] {
        let (wasLive, lastTold, lesson) = (context.following?.link == .live, context.following?.told, context.reader.lesson)
        let text = context.hear(news)
        if !wasLive && context.following?.link == .live || context.reader.lesson != lesson {
            screens.removeAll { ($0 as? NoticeScreen)?.fromPresenter == true }
            if context.notice == lastTold || context.reader.lesson != lesson { context.notice = nil }
        }
        guard let text, !screen.takesText else { return [] }
        return tell(text, fromPresenter: true)
    }

    private mutating func apply(_ reaction: Reaction, from index: Int) -> [Effect] {
        switch reaction.navigation {
        case .stay: break
        case .close: if index > 0 { screens.remove(at: index) }
        case .open(let screen): screens.append(screen)
        case .replace(let screen): if index > 0 { screens[index] = screen } else { screens.append(screen) }
        }
        return reaction.effects
    }

    /// Marks a lesson read when its end is on screen, and records a new place to resume from.
    private mutating func progressEffects(since before: ReadingPosition?) -> [Effect] {
        guard !context.isPresenting else { return [] }
        var effects: [Effect] = []
        let lesson = context.lesson.id
        if screens.count == 1, !context.isTooSmall, context.reader.atEnd, !context.learner.read.contains(lesson) {
            context.learner.read.insert(lesson)
            effects.append(.store(.markRead(lessonID: lesson)))
        }
        let after = context.positionRecord
        if after != before {
            context.learner.position = after
            effects.append(.store(.recordPosition(after)))
        }
        return effects
    }

    // MARK: Keys every screen shares

    enum SharedAction: Sendable { case help, support, follow, close, quit, redraw, suspend }

    /// The shared keys that still act while text is being written (by their control keys).
    static let whileTyping: Set<SharedAction> = [.support, .redraw]

    static let sharedKeys = KeyMap<SharedAction>([
        .init("Anywhere", [
            .init([.character("?")], .help, "the keys of what is open", hint: "help"),
            .init([.character("s"), .control("o")], .support,
                  "support: what to do in a crisis, where to find help (Esc comes back; Ctrl-O while typing)",
                  hint: "support"),
            .init([.character("f")], .follow, "following a presenter: step away to read on your own, or go back to them",
                  hint: "step away"),
            .init([.escape], .close, "close what is open", hint: "close"),
            .init([.character("q")], .quit, "quit (your place and answers are kept)", hint: "quit"),
            .init([.control("l")], .redraw, "redraw the screen"),
            .init([.control("z")], .suspend, "suspend to the shell; `fg` comes back"),
        ]),
    ])
}

extension Context {
    /// Footer hints for shared keys; none for a support page the course does not have, and control keys
    /// only while text is being written.
    func sharedHints(_ actions: [Player.SharedAction], typing: Bool = false) -> [String] {
        actions.filter(offered).compactMap { action in
            if action == .follow, following?.steppedAway == true { return typing ? nil : "f rejoin" }
            return Player.sharedKeys.hint(action) { key in !typing || key.isControl }
        }
    }

    /// Support when the course has a page; following when there is a presenter to follow.
    private func offered(_ action: Player.SharedAction) -> Bool {
        switch action {
        case .support: course.support != nil
        case .follow: following != nil
        default: true
        }
    }

    /// The shared keys as the help screen lists them: what acts on this screen, and what the course has.
    func sharedHelp(typing: Bool) -> [HelpSection] {
        Player.sharedKeys.groups.map { group in
            HelpSection(title: group.title, rows: group.bindings.compactMap { binding in
                if !offered(binding.action) { return nil }
                if typing && !Player.whileTyping.contains(binding.action) { return nil }
                let keys = binding.keys.filter { key in !typing || key.isControl }
                // Presenting keeps nothing, so quitting keeps no place either.
                let summary = binding.action == .quit && isPresenting ? "quit" : binding.summary
                return HelpSection.Row(keys: keys.map(\.label).joined(separator: " "), summary: summary)
            })
        }
    }

    /// ` Lesson 4 of 13  `: the start of the footer, whatever else it shows.
    var footerPosition: String {
        isPresenting ? " Module \(moduleIndex[reader.lesson] + 1)\(glyphs.separator)Lesson \(reader.lesson + 1)/\(lessons.count)  "
            : " Lesson \(reader.lesson + 1) of \(lessons.count)  "
    }

    /// The place to resume from, as the store keeps it.
    var positionRecord: ReadingPosition {
        ReadingPosition(lessonID: lesson.id, block: reader.place.block, fraction: reader.place.fraction)
    }

    /// Keeps the learner's record in step with what the store reports.
    mutating func apply(_ message: Message) {
        guard case .answerSaved(let promptID, let answer) = message else { return }
        learner.answers[promptID] = answer
        // A draft written after the save (typed on, then Esc) is newer than it: it stays.
        if learner.drafts[promptID]?.text == answer.text { learner.drafts[promptID] = nil }
        refreshLesson()
        reader.reveal(.prompt(promptID))
        notice = "Your answer is saved."
    }
}
