import JourneyKit
import JourneyLayout
@testable import JourneyUI
import Testing

/// Answers, ticks, progress and resume, as the player asks the store for them.
@Suite struct LearnerTests {
    static let prompt = PromptRef(id: "arriving-why", question: "What brings you here?", moduleTitle: "First steps",
                                  lessonID: "arriving", lessonTitle: "Arriving")

    @Test func tabSelectsPromptsAndItemsInTurnAndEnterActsOnThem() throws {
        var driver = Driver(lesson: "boundaries-again")
        #expect(driver.takeStoreEffects() == [.markRead(lessonID: "boundaries-again")], "it fits: read at once")
        driver.press(.tab)
        #expect(driver.reader.selection == .item("boundaries-again/known"), "an explicit {#id} names the item")
        #expect(driver.player.render().cells.contains { $0.role.contains(.selection) })
        driver.press(.tab)
        #expect(driver.reader.selection == .prompt("boundaries-which"))
        driver.press(.tab)
        #expect(driver.reader.selection == .item("boundaries-again/known"), "Tab goes round")
        driver.press(.backTab)
        #expect(driver.reader.selection == .prompt("boundaries-which"))
        driver.press(.backTab, .enter)
        #expect(driver.takeStoreEffects() == [.setTick(itemID: "boundaries-again/known", ticked: false)],
                "the author ticked it; the learner's untick is kept")
        #expect(driver.text.contains("[ ] I know one boundary already"))
        driver.press(.character("x"))
        #expect(driver.takeStoreEffects() == [.setTick(itemID: "boundaries-again/known", ticked: true)])
        driver.press(.tab, .enter)
        #expect(driver.screen is EditorScreen)
        driver.press(.escape, .escape)
        #expect(driver.reader.selection == nil)
    }

    @Test func ticksShowFromTheLearnersRecord() {
        let learner = LearnerRecord(ticks: ["settling-in/i-can-say-no": true, "boundaries-again/known": false])
        var driver = Driver(lesson: "settling-in", learner: learner)
        #expect(driver.text.contains("[x] I can say no"))
        #expect(driver.text.contains("[ ] I can ask for time"))
        driver.press(.character("n"))
        #expect(driver.text.contains("[ ] I know one boundary already"))
    }

    @Test func writingSendsDraftsAndSavingSendsTheAnswer() throws {
        var driver = Driver()
        driver.press(.character("r"))
        let editor = try #require(driver.screen as? EditorScreen)
        #expect(editor.prompt == Self.prompt)
        driver.type("q? j")
        #expect(driver.screen is EditorScreen, "q, ? and j are text in the editor")
        #expect(driver.takeStoreEffects().last == .saveDraft(Self.prompt, text: "q? j", replacing: nil))
        driver.send(.paste("\nPasted q\r\nlines"))
        driver.press(.control("s"))
        #expect(driver.takeStoreEffects().last == .saveAnswer(Self.prompt, text: "q? j\nPasted q\nlines", replacing: nil))
        #expect(driver.text.contains("Saving…"))
        driver.send(.answerSaved(promptID: "arriving-why",
                                 LearnerRecord.Answer(text: "q? j\nPasted q\nlines", saved: "28 Nov 2026, 21:51")))
        #expect(driver.screen is ReadingScreen)
        #expect(driver.text.contains("Your answer, 28 Nov 2026, 21:51"), "the prompt is shown with its answer")
        let answerLine = try #require(driver.reader.lines.first { $0.text.contains("Pasted q") })
        #expect(answerLine.spans.contains { $0.role.contains(.answer) && $0.text.contains("Pasted q") })
    }

    @Test func aSaveThatFailsKeepsTheWordsAndSaysWhy() throws {
        var driver = Driver()
        driver.press(.character("r"))
        driver.type("precious words")
        driver.press(.control("s"))
        driver.send(.answerNotSaved(Self.prompt, text: "precious words", reason: "the disk holding /data is full"))
        #expect(driver.screen is EditorScreen)
        #expect(driver.text.contains("Not saved: the disk holding /data is full"))
        #expect(driver.text.contains("precious words"))
        driver.press(.escape)
        #expect(driver.screen is EditorScreen, "the first Esc warns")
        #expect(driver.text.contains("Esc again closes all the same"))
        driver.press(.escape)
        #expect(driver.screen is ReadingScreen)
    }

    @Test func aFailureAfterTheEditorClosedOpensItAgainWithTheWords() throws {
        var driver = Driver()
        driver.send(.answerNotSaved(Self.prompt, text: "from my own editor", reason: "the folder is read-only"))
        let editor = try #require(driver.screen as? EditorScreen)
        #expect(editor.text.text == "from my own editor")
    }

    @Test func escKeepsADraftAndReopeningShowsIt() throws {
        var driver = Driver()
        driver.press(.character("r"))
        driver.type("half a thought")
        _ = driver.takeStoreEffects()
        driver.press(.escape)
        #expect(driver.takeStoreEffects() == [.saveDraft(Self.prompt, text: "half a thought", replacing: nil)])
        #expect(driver.text.contains("unsaved words"))
        driver.press(.character("r"))
        #expect(try #require(driver.screen as? EditorScreen).text.text == "half a thought")
        driver.press(.escape)
        #expect(driver.takeStoreEffects().isEmpty, "closing unchanged asks nothing of the store")
    }

    @Test func anotherSessionsDraftIsTakenOverAndBackToTheSavedTextForgetsIt() throws {
        let learner = LearnerRecord(answers: ["arriving-why": .init(text: "saved", saved: "today")],
                                    drafts: ["arriving-why": .init(text: "saved and more", owner: "other")])
        var driver = Driver(learner: learner)
        driver.press(.character("r"))
        #expect(try #require(driver.screen as? EditorScreen).text.text == "saved and more")
        let origin = DraftOrigin(session: "other", text: "saved and more")
        driver.type("!")
        #expect(driver.takeStoreEffects() == [.saveDraft(Self.prompt, text: "saved and more!", replacing: origin)])
        for _ in 0..<10 { driver.press(.backspace) }
        driver.press(.escape)
        #expect(driver.takeStoreEffects().last == .discardDraft(promptID: "arriving-why", replacing: origin))
    }

    @Test func nothingIsSavedEmpty() {
        var driver = Driver()
        driver.press(.character("r"), .character(" "), .control("s"))
        #expect(!driver.takeStoreEffects().contains { request in
            if case .saveAnswer = request { true } else { false }
        })
        #expect(driver.text.contains("nothing to save"))
    }

    @Test func promptKeysOnALessonWithoutOneSaySo() {
        var driver = Driver(lesson: "settling-in")
        #expect(driver.press(.character("r")).isEmpty)
        #expect(driver.text.contains("This lesson has no reflection prompt."))
    }

    @Test func historyAsksTheStoreAndListsEveryVersion() throws {
        var driver = Driver()
        #expect(driver.press(.character("h")) == [.store(.loadHistory(promptID: "arriving-why"))])
        #expect(driver.text.contains("Loading…"))
        driver.send(.history(promptID: "arriving-why", [.init(text: "newer", saved: "2 Dec"), .init(text: "older", saved: "1 Dec")]))
        #expect(driver.text.contains("Saved 2 Dec (the latest)"))
        #expect(driver.text.contains("Saved 1 Dec"))
        #expect(driver.text.contains("older"))
    }

    @Test func anExternalEditSavesOnlyWhatChanged() {
        var driver = Driver()
        let effects = driver.press(.character("e"))
        let edit = ExternalEdit(prompt: Self.prompt, text: "", replacing: nil)
        #expect(effects == [.editExternally(edit)])
        #expect(driver.send(.externalEditFinished(edit, text: "\n", problem: nil)).isEmpty)
        #expect(driver.text.contains("Nothing changed."), "editors end files with a line break")
        #expect(driver.send(.externalEditFinished(edit, text: "  \n", problem: nil)).isEmpty)
        #expect(driver.text.contains("left empty"))
        #expect(driver.send(.externalEditFinished(edit, text: "written outside\n", problem: nil))
            == [.store(.saveAnswer(Self.prompt, text: "written outside", replacing: nil))])
    }

    @Test func reachingTheEndMarksALessonReadOnceAndProgressShows() {
        var driver = Driver(columns: 40, rows: 12)
        #expect(!driver.effects.contains(.store(.markRead(lessonID: "arriving"))))
        driver.press(.character("G"))
        #expect(driver.takeStoreEffects() == [.markRead(lessonID: "arriving")])
        driver.press(.character("g"), .character("G"))
        #expect(driver.takeStoreEffects().isEmpty)
        driver.send(.resize(columns: 120, rows: 40))
        #expect(driver.text.contains("33%"))
        let short = Driver(lesson: "settling-in")
        #expect(short.effects.contains(.store(.markRead(lessonID: "settling-in"))), "a lesson shown whole is read at once")
    }

    @Test func theReadingPlaceIsRecordedAsContentAndRestoredAtAnotherWidth() throws {
        var driver = Driver(columns: 80, rows: 12)
        driver.press(.character("j"), .character("j"), .character("j"), .character("j"), .character("j"))
        let position = try #require(driver.effects.compactMap { effect -> ReadingPosition? in
            if case .store(.recordPosition(let position)) = effect { position } else { nil }
        }.last)
        let anchor = driver.reader.lines[driver.reader.top + 1].anchor
        let text = driver.reader.lines[driver.reader.top + 1].text
        let resumed = Driver(columns: 40, rows: 12, learner: LearnerRecord(position: position))
        #expect(resumed.reader.lines[resumed.reader.top].anchor == anchor - 1 || resumed.reader.lines[resumed.reader.top].anchor == anchor)
        let shown = resumed.reader.lines[resumed.reader.top..<resumed.reader.top + 3].map(\.text).joined(separator: " ")
        #expect(shown.contains(String(text.prefix(12))), "the paragraph that was on top at 80 columns is on top at 40")
    }

    @Test func reflectionsListEveryPromptWithAnswersAndGoToTheChosenOne() throws {
        let learner = LearnerRecord(answers: ["arriving-why": .init(text: "my reason", saved: "today")])
        var driver = Driver(learner: learner)
        driver.press(.character("R"))
        let text = driver.text
        #expect(text.contains("What brings you here?"))
        #expect(text.contains("my reason"))
        #expect(text.contains("Which boundary matters most to you?"))
        #expect(text.contains("Not answered yet"))
        #expect(text.contains("1 of 2 answered"))
        driver.press(.character("j"), .enter)
        #expect(driver.lesson == "boundaries-again")
        #expect(driver.reader.selection == .prompt("boundaries-which"))
    }

    @Test func contentsMarkWhatWasReadAndAnswered() {
        let learner = LearnerRecord(answers: ["arriving-why": .init(text: "x", saved: "today")], read: ["arriving"])
        var driver = Driver(learner: learner)
        driver.press(.character("t"))
        let text = driver.text
        #expect(text.contains("1/2 read · 1/1 answered"))
        #expect(text.contains("✓ Arriving"))
        #expect(text.contains("0/1 read · 0/1 answered"))
    }

    @Test func aSaveThatArrivesAfterMoreTypingKeepsTheNewerDraft() {
        var driver = Driver()
        driver.press(.character("r"))
        driver.type("first")
        driver.press(.control("s"))
        driver.type(" and more")
        driver.press(.escape)
        driver.send(.answerSaved(promptID: "arriving-why", .init(text: "first", saved: "now")))
        #expect(driver.context.learner.drafts["arriving-why"]?.text == "first and more")
        #expect(driver.text.contains("unsaved words"))
    }

    @Test func anOutsideEditorThatFailsAfterChangesHandsTheWordsToThePlayersEditor() throws {
        var driver = Driver()
        let edit = ExternalEdit(prompt: Self.prompt, text: "", replacing: nil)
        let effects = driver.send(.externalEditFinished(edit, text: "kept anyway\n", problem: "the editor 'vi' ended with status 1"))
        #expect(effects == [.store(.saveDraft(Self.prompt, text: "kept anyway", replacing: nil))])
        let editor = try #require(driver.screen as? EditorScreen)
        #expect(editor.text.text == "kept anyway")
        #expect(driver.text.contains("ended with status 1"))
        #expect(driver.send(.externalEditFinished(edit, text: nil, problem: "cannot run the editor 'nope'")).isEmpty)
    }

    @Test func storeProblemsWhileWritingStayInTheEditor() throws {
        var driver = Driver(columns: 40, rows: 12)
        driver.press(.character("r"))
        driver.type("words")
        driver.send(.draftNotSaved(promptID: "arriving-why", reason: "the disk holding /a/very/long/path/to/the/data/journey.sqlite is full"))
        driver.send(.storeFailed("Your place in the course was not kept: the disk holding /a/very/long/path is full."))
        #expect(driver.screen is EditorScreen, "no notice covers the editor")
        driver.type("!")
        #expect(try #require(driver.screen as? EditorScreen).text.text == "words!", "no key was swallowed")
        driver.send(.draftSaved(promptID: "arriving-why"))
        #expect(try #require(driver.screen as? EditorScreen).status == .editing, "a kept draft clears the problem")
    }

    @Test func whileTooSmallAnEditorTakesNoKeysAndQIsNotAWayOut() {
        var driver = Driver()
        driver.press(.character("r"))
        driver.send(.resize(columns: 20, rows: 6))
        #expect(driver.press(.character("q")).isEmpty)
        #expect(driver.screen is EditorScreen)
        #expect(!driver.text.contains("q quits"))
    }

    @Test func aLongNoticeWhileReadingIsShownWholeAndAnyKeyClosesIt() {
        var driver = Driver(columns: 40, rows: 12)
        driver.send(.storeFailed("Your tick was not kept: the disk holding /a/very/long/path is full."))
        #expect(driver.screen is NoticeScreen)
        driver.send(.storeFailed("Your place in the course was not kept: the same."))
        driver.press(.character("j"))
        #expect(driver.screen is ReadingScreen, "two notices, one screen, one key")
    }

    @Test func anAnswerFromTheOutsideEditorReplacesTheDraftItGrewFrom() throws {
        var driver = Driver()
        driver.press(.character("r"))
        driver.type("a draft")
        driver.press(.escape)
        let effects = driver.press(.character("e"))
        let edit = ExternalEdit(prompt: Self.prompt, text: "a draft", replacing: nil)
        #expect(effects == [.editExternally(edit)])
        driver.send(.externalEditFinished(edit, text: "a draft\nand a line from outside\n", problem: nil))
        driver.send(.answerSaved(promptID: "arriving-why", .init(text: "a draft\nand a line from outside", saved: "now")))
        #expect(!driver.text.contains("unsaved words"))
        driver.press(.character("r"))
        #expect(try #require(driver.screen as? EditorScreen).text.text == "a draft\nand a line from outside")
    }

    @Test func whatAnOutsideEditorSaidStaysUntilTheLearnerTypes() throws {
        var driver = Driver()
        let edit = ExternalEdit(prompt: Self.prompt, text: "", replacing: nil)
        driver.send(.externalEditFinished(edit, text: "left behind\n", problem: "the editor 'vi' ended with status 3"))
        driver.send(.draftSaved(promptID: "arriving-why"))
        #expect(driver.text.contains("ended with status 3"), "a kept draft does not hide why the editor is open")
        driver.type("!")
        #expect(try #require(driver.screen as? EditorScreen).status == .editing)
    }

    @Test func reflectionsShowUnsavedWordsAndALearnersIndentationIsKept() {
        let learner = LearnerRecord(answers: ["arriving-why": .init(text: "first line\n    indented line", saved: "today")],
                                    drafts: ["boundaries-which": .init(text: "not saved yet", owner: "other")])
        var driver = Driver(learner: learner)
        #expect(driver.text.contains("│     indented line"))
        driver.press(.character("R"))
        #expect(driver.text.contains("Unsaved words (r goes on with them):"))
        #expect(driver.text.contains("not saved yet"))
    }

    @Test func theEndSaysWhatIsLeftWhenLessonsWereSkipped() {
        var driver = Driver(lesson: "boundaries-again")
        driver.press(.character("n"))
        #expect(driver.text.contains("This is the end of the course"))
        #expect(!driver.text.contains("Thank you for taking it"))
    }

    @Test func whatTheStoreSaysReachesTheEditorUnderTheSupportPage() throws {
        var course = PlayerTests.course
        course.support = Lesson(id: "support", title: "Support", path: "support.md",
                                blocks: [.paragraph([.text("Call a crisis line.")])])
        var driver = Driver(course: course)
        driver.press(.character("r"))
        driver.type("words")
        driver.press(.control("o"))
        #expect(!(driver.screen is EditorScreen), "Ctrl-O opens support while writing")
        driver.send(.draftNotSaved(promptID: "arriving-why", reason: "the disk is full"))
        driver.press(.escape)
        let editor = try #require(driver.screen as? EditorScreen)
        #expect(editor.status == .draftNotKept("Your draft is not kept: the disk is full."))
        driver.press(.escape)
        #expect(driver.screen is EditorScreen, "Esc warns, as the words may not be kept")
    }

    @Test func aFailedSaveKeptAsADraftSaysSoAndClosesWithoutWarning() throws {
        var driver = Driver()
        driver.press(.character("r"))
        driver.type("words")
        driver.press(.control("s"))
        driver.send(.answerNotSaved(Self.prompt, text: "words", reason: "the database is busy"))
        driver.send(.draftSaved(promptID: "arriving-why"))
        #expect(driver.text.contains("Your words are kept as a draft. Not saved: the database is busy."))
        driver.press(.escape)
        #expect(driver.screen is ReadingScreen)
    }

    @Test func inTheEditorHelpListsItsKeysAndTheSharedOnesThatStillAct() {
        var driver = Driver()
        driver.press(.character("r"), .control("g"))
        #expect(driver.screen is HelpScreen)
        let text = driver.text
        #expect(text.contains("Ctrl-L"))
        #expect(!text.contains("quit"), "q is text while writing")
    }
}
