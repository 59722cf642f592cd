import ArgumentParser
import Foundation
import JourneyKit
import JourneyStore
import JourneyTerminal
import JourneyUI

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Take a course in the full-screen player.",
        discussion: """
            `journey [PATH]` is short for `journey open [PATH]`. Press ? in the player for its keys, \
            q to quit. Your answers, ticks and place are kept privately in the data folder and the \
            player opens where you left off. It needs a terminal; `journey print` writes a course as \
            plain text.
            """,
        version: Journey.version
    )

    @OptionGroup var course: CourseArgument
    @Option(help: "Open at this lesson (ids as in `journey outline`) instead of where you left off.")
    var lesson: String?
    @OptionGroup var data: DataOptions
    @Flag(help: "Read the course again whenever its files change, keeping the place; lint's findings show above the footer.")
    var watch = false

    func run() throws {
        try Self.takeCourse(course.source, at: lesson, dataFolder: data.folder, watch: watch, following: nil)
    }

    /// The learner's player, for `open` and `follow`: opened at `lesson` or where they left off, kept in
    /// their store, and going where a presenter is when `following` says whose presentation to follow.
    ///
    /// The first frame is drawn from the course in outline with the lesson in view in full; the whole
    /// course is converted right after it, before any key is read, and its problems are reported on the
    /// way out, when the terminal is the shell's again.
    static func takeCourse(_ source: CourseSource, at lesson: String?, dataFolder: String, watch: Bool,
                           following: FollowOptions?) throws {
        // In a terminal, the store opens on a thread of its own while the course is outlined: the first
        // frame waits for both. Nothing is moved aside there (a database marked damaged is not even
        // opened), so the learner is always told; trouble of any kind is met again below, reported and
        // dealt with as ever. It may create the data folder for a course that then cannot be shown.
        let opening = FullScreen.hasTerminal ? InBackground {
            LearnerStore.isMarkedDamaged(folder: dataFolder) ? nil
                : try? LearnerStore.open(folder: dataFolder, movingDamageAside: false)
        } : nil
        let outline = source.outline()
        guard let course = outline.result.course, !course.lessons.isEmpty else {
            _ = try Output.loadReportingProblems(source, fullScreen: true)
            Output.error("journey: the course changed while it was read; try again")
            throw ExitCode.failure
        }
        if let lesson, course.lesson(id: lesson) == nil {
            // The course's problems may say why the lesson is not there.
            Output.reportProblems(source.load(), fullScreen: true)
            _ = try Output.lesson(lesson, in: course)
        }
        try FullScreen.requireTerminal(for: "the player")
        var taken = opening?.take()
        var opened = try taken.flatMap { $0 } ?? DataOptions.open(folder: dataFolder, movingDamageAside: true)
        taken = nil
        let record: CourseData
        do {
            record = try opened.store.record(course: course.id)
        } catch StoreError.damaged {
            // Opening reads little, so damage may show only now: a full check leaves the mark by which the
            // next open moves the file aside (this connection is closed first) and starts afresh, told.
            _ = try? opened.store.verify()
            opened = try Self.reopened(replacing: consume opened, folder: dataFolder)
            record = try DataOptions.attempt { try opened.store.record(course: course.id) }
        } catch {
            record = try DataOptions.attempt { throw error }
        }
        let store = opened.store
        let inbox = Inbox()
        if watch { try FullScreen.watch(source, inbox: inbox) }
        let following = following?.startFollowing(course, inbox: inbox)
        let performer = StoreEffects(store: store, course: course.id, inbox: inbox)
        performer.verifyInBackground()
        var whole: LoadResult?
        defer { whole.map { Output.reportProblems($0, fullScreen: true) } }
        // Without the lesson in full (its file changed or cannot be read now), the whole course first:
        // a lesson in outline must never be shown, nor marked read.
        let shown: Course
        if let inFull = outline.course(withLessonInFull: lesson ?? record.position?.lessonID) {
            shown = inFull
        } else {
            whole = source.load()
            guard let loaded = whole?.course, !loaded.lessons.isEmpty else { throw ExitCode.failure }
            shown = loaded
        }
        let loadedAlready = whole != nil
        do {
            try FullScreen.run(inbox: inbox, performer: performer, afterFirstFrame: {
                outline.keepOutlines()
                guard !loadedAlready else { return [] }
                // Files rewritten while they are read (an editor saving) get a moment to settle; a course
                // that still cannot be read ends the player: only the lesson in view was ever whole.
                for attempt in 1...3 {
                    whole = source.load()
                    if let loaded = whole?.course, !loaded.lessons.isEmpty { return [.courseLoaded(loaded)] }
                    if attempt < 3 { usleep(20_000) }
                }
                throw CourseUnreadable()
            }) { columns, rows, glyphs in
                var player = Player(course: shown, lessonID: lesson, learner: LearnerRecord(record), columns: columns,
                                    rows: rows, glyphs: glyphs)
                if let following { player.follow(following) }
                if let aside = opened.movedAside { _ = player.update(.notice(DataOptions.movedAside(aside))) }
                return player
            }
        } catch is CourseUnreadable {
            Output.error("journey: the course could not be read again after its first frame; `journey lint` says why")
            throw ExitCode.failure
        }
    }
}

extension Open {
    /// The store opened again once `old`, its only holder being this call, is closed: moving a file
    /// aside under an open connection could damage what replaces it.
    fileprivate static func reopened(replacing old: consuming LearnerStore.Opened, folder: String) throws
        -> LearnerStore.Opened {
        _ = consume old
        return try DataOptions.open(folder: folder, movingDamageAside: true)
    }
}

/// The whole course could not be read after the first frame was drawn from its outline.
private struct CourseUnreadable: Error {}
