import Foundation
import Testing
import TestSupport

/// Following a shared presentation in real terminals: a notes terminal and two followers tracking the
/// presenter, one stepping away and back, the presenter restarted; another course and a missing lesson;
/// another user refused unless the presentation is shared with a group of theirs.
@Suite struct FollowTerminalTests {
    private let share: TemporaryFolder
    private var environment: [String: String] { ["JOURNEY_SHARE_DIR": share.path()] }

    init() throws {
        share = try TemporaryFolder()
    }

    /// The learner-journey course with notes for the facilitator, or another course (`id`), or the same
    /// course with a lesson more (`extra`).
    static func course(id: String = "tiny-journey", title: String = "Tiny Journey", extra: Bool = false) throws
        -> TemporaryFolder {
        let paragraphs = (1...12).map { "Paragraph \($0) of the long lesson, with enough words in it to wrap on a narrow screen." }
        return try TemporaryFolder([
            "course.yaml": "id: \(id)\ntitle: \(title)\nmodules: [one.md, two.md]\n",
            "one.md": """
                # First module

                \(extra ? "## Extra lesson {#extra}\n\nOnly in the presenter's copy.\n\n" : "")## Starting out {#starting-out}

                > [!NOTES]
                > Welcome people as they arrive.

                Welcome to a tiny course.

                > [!REFLECT] start-why
                > What brings you here?

                ## Ticking {#ticking}

                > [!NOTES]
                > Give everyone a minute to tick quietly.

                - [ ] I can rest {#rest}

                """,
            "two.md": "# Second module\n\n## Long lesson {#long-lesson}\n\n" + paragraphs.joined(separator: "\n\n") + "\n",
        ])
    }

    static var userName: String { String(cString: getpwuid(getuid()).pointee.pw_name) }

    private func start(_ arguments: String, _ course: TemporaryFolder, as user: String = "") throws -> TmuxSession {
        try TmuxSession(command: "\(user)\(TmuxSession.journey) \(arguments) '\(course.path())'", environment: environment)
    }

    @Test func notesAndTwoFollowersTrackThePresenterThroughARestart() throws {
        let course = try Self.course()
        var presenter = try start("present --share", course)
        try presenter.waitFor("Lesson 1/3")
        let notes = try start("notes", course)
        let (a, b) = (try start("follow", course), try start("follow", course))
        try presenter.waitFor("3 following")
        for follower in [a, b] { try follower.waitFor("with ") }
        try notes.waitFor("Welcome people as they arrive.")

        try presenter.send("Space")
        try presenter.waitFor("Lesson 2/3")
        for follower in [a, b] { try follower.waitFor("Lesson 2 of 3") }
        try notes.waitFor("Give everyone a minute to tick quietly.")
        #expect(try notes.screen().contains("Lesson 2 of 3: Ticking"))

        try a.send("f")
        try a.waitFor("Stepped away")
        try presenter.send("3", "Enter")
        try b.waitFor("Lesson 3 of 3")
        try presenter.send("Space")
        let later = try b.waitFor("Paragraph 12")
        #expect(!later.contains("Paragraph 1 of"), "the presenter's place in the lesson, not its start: \(later)")
        #expect(try a.screen().contains("Ticking"), "a follower who stepped away stays")
        try a.send("f")
        try a.waitFor("Paragraph 12")

        // Killed, it leaves its socket behind: the next presenter takes its place.
        kill(try presenter.programPID(), SIGKILL)
        for follower in [a, b] { try follower.waitFor("stopped presenting") }
        try notes.waitFor("Waiting for ")
        presenter = try start("present --share --lesson ticking", course)
        for follower in [a, b] { try follower.waitFor("Lesson 2 of 3") }
        try notes.waitFor("Lesson 2 of 3: Ticking")
        try a.send("j")
        try a.waitFor("with \(Self.userName)")
        for session in [a, b, notes, presenter] {
            try session.send("q")
            #expect(try session.exitStatus() == 0)
            #expect(try session.query("#{alternate_on}") == "0")
        }
    }

    @Test func anotherCourseIsRefusedAndAMissingLessonIsANotice() throws {
        let course = try Self.course()
        let (other, extended) = (try Self.course(id: "other-course", title: "Other Course"), try Self.course(extra: true))
        var presenter = try start("present --share", other)
        try presenter.waitFor("Lesson 1/3")
        let follower = try start("follow", course)
        try follower.waitFor("is presenting “Other Course”, not “Tiny Journey”")
        try presenter.send("q")
        _ = try presenter.exitStatus()

        presenter = try start("present --share --lesson extra", extended)
        try follower.waitFor("your copy of the course does not have")
        #expect(try follower.screen().contains("Lesson 1 of 3"))
        try presenter.send("Space")
        try follower.waitFor("Lesson 1 of 3")
        try follower.send("Escape")
        try follower.waitFor("Welcome to a tiny course.")
        for session in [follower, presenter] { try session.send("q") }
        #expect(try follower.exitStatus() == 0)
    }

    /// Needs root (to run a follower as another user) and setpriv; elsewhere, README's manual check.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
                       && FileManager.default.isExecutableFile(atPath: "/usr/bin/env") && getgrnam("users") != nil,
                   "needs root, setpriv and a group 'users' to run a follower as another user"))
    func anotherUserIsRefusedUnlessSharedWithTheirGroup() throws {
        let course = try Self.course()
        let data = try TemporaryFolder()
        chown(data.path(), 65534, 65534)
        // nobody, with 'users' among its other groups (not its own): the kernel's SO_PEERGROUPS tells.
        let users = getgrnam("users").pointee.gr_gid
        let nobody = "setpriv --reuid=65534 --regid=65534 --groups=\(users) env JOURNEY_DATA_DIR='\(data.path())' "
        var presenter = try start("present --share", course)
        try presenter.waitFor("0 following")
        let follower = try start("follow --from \(getuid())", course, as: nobody)
        try follower.waitFor("has not shared the presentation with you")

        // With the folder and socket opened up by hand, the presenter's own check still says no.
        let folder = share.path() + "/journey-\(getuid())"
        chmod(folder, 0o711)
        chmod(folder + "/present", 0o666)
        try follower.waitFor("only with their own terminals")
        #expect(try presenter.screen().contains("0 following"))
        try presenter.send("q")
        _ = try presenter.exitStatus()

        presenter = try start("present --share --group users", course)
        try presenter.waitFor("1 following")
        try follower.waitFor("with \(Self.userName)")
        try presenter.send("Space")
        try follower.waitFor("Lesson 2 of 3")
        for session in [follower, presenter] { try session.send("q") }
        #expect(try follower.exitStatus() == 0)
    }
}
