import ArgumentParser

@main
struct Journey: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "journey",
        abstract: "Take a self-guided course in the terminal.",
        usage: "journey [<path>] [--lesson <id>] [--data-dir <dir>]\njourney <subcommand>",
        discussion: """
            PATH is a course folder (with a course.yaml manifest) or a single Markdown file. Without one, \
            every command uses the bundled course, "Learning to Trust Again".
            """,
        version: version,
        subcommands: [Open.self, Present.self, Lint.self, Outline.self, Print.self, Import.self, Progress.self, Export.self,
                      Reset.self],
        defaultSubcommand: Open.self
    )
}
