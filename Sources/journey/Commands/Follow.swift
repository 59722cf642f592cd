import ArgumentParser

struct Follow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Follow a facilitator's presentation in your own player, on the same host.",
        discussion: """
            For a workshop where everyone is logged in to one machine: your player shows the lesson and \
            the place the facilitator's `journey present --share` is on, from your own copy of the same \
            course. Answers, ticks and progress are yours and kept privately as in `journey open`. Going \
            to another lesson, or f, steps away to read on your own; f goes back to the facilitator. When \
            they stop or restart, the player waits and follows again. Only the facilitator's own user may \
            follow, unless they share with a group you are in (`--group`).
            """,
        version: Journey.version
    )

    @OptionGroup var course: CourseArgument
    @OptionGroup var following: FollowOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        try Open.takeCourse(course.source, at: nil, dataFolder: data.folder, watch: false, following: following)
    }
}
