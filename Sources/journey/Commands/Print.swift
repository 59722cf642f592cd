import ArgumentParser
import CTerminal
import Foundation
import JourneyKit
import JourneyLayout

struct Print: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print a course, or one lesson, as text.",
        discussion: """
            The text is laid out by the same engine the player uses and wrapped to the width: the \
            terminal's when standard output is one, else 80. Styling is used only on a terminal and \
            when NO_COLOR is unset, unless --color says otherwise.
            """,
        version: Journey.version
    )

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case always, never, auto
    }

    @OptionGroup var course: CourseArgument
    @Option(help: "Print only this lesson (ids as in `journey outline`).")
    var lesson: String?
    @Flag(help: "Print the course's support page: what to do in a crisis and where to find help.")
    var support = false
    @Option(help: ArgumentHelp("Wrap to this many columns (\(Layout.minimumWidth) to \(Layout.maximumWidth)).",
                               valueName: "n"))
    var width: Int?
    @Option(help: "Style the text with ANSI escapes: always, never or auto.")
    var color: ColorChoice = .auto

    func validate() throws {
        if let width, width < Layout.minimumWidth || width > Layout.maximumWidth {
            throw ValidationError("--width must be from \(Layout.minimumWidth) to \(Layout.maximumWidth), not \(width).")
        }
        if support && lesson != nil {
            throw ValidationError("--support and --lesson each print one page; give one of them.")
        }
    }

    func run() throws {
        let course = try Output.loadReportingProblems(course.source)
        let layout = Layout(width: width ?? Self.terminalWidth() ?? 80)
        let lines: [StyledLine]
        if support {
            guard let page = course.support else {
                Output.error("error: the course has no support page (course.yaml names one with 'support: FILE.md')")
                throw ExitCode.failure
            }
            lines = layout.lines(for: page)
        } else if let id = lesson {
            lines = layout.lines(for: try Output.lesson(id, in: course))
        } else {
            lines = layout.lines(for: course)
        }
        let styled = switch color {
        case .always: true
        case .never: false
        case .auto: isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        }
        Output.write(lines.map { ANSIText.render($0, styled: styled) }.joined(separator: "\n") + "\n")
    }

    private static func terminalWidth() -> Int? {
        let columns = Int(journey_terminal_columns(STDOUT_FILENO))
        return columns > 0 ? min(max(columns, Layout.minimumWidth), Layout.maximumWidth) : nil
    }
}
