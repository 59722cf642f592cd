import JourneyKit
import JourneyLayout

extension Player {
    /// The whole screen as a frame of cells: the header, what the top screen draws, the footer.
    public func render() -> Frame {
        var frame = Frame(columns: context.columns, rows: context.rows)
        if screen.blanksScreen { return frame }
        guard !context.isTooSmall else {
            drawTooSmall(&frame)
            return frame
        }
        drawHeader(&frame, [context.course.title] + screen.title(context))
        screen.render(into: &frame, area: context.body, context: context)
        drawProblems(&frame)
        drawFooter(&frame)
        return frame
    }

    /// `Course › Module › Lesson`: when it does not fit, the first crumbs give way to an ellipsis before
    /// the last one is cut short. A crumb that repeats the one before is shown once.
    private func drawHeader(_ frame: inout Frame, _ crumbs: [String]) {
        let glyphs = context.glyphs
        var parts: [String] = []
        for crumb in crumbs.map({ VisibleText.prose($0) }) where crumb != parts.last { parts.append(crumb) }
        var dropped = 0
        var text = " " + parts.joined(separator: glyphs.breadcrumb)
        while DisplayWidth.of(text) > context.columns && dropped < parts.count - 1 {
            dropped += 1
            text = " " + ([glyphs.ellipsis] + parts.dropFirst(dropped)).joined(separator: glyphs.breadcrumb)
        }
        let end = frame.put([Span(text, .bar)], row: 0, column: 0, width: context.columns)
        if DisplayWidth.of(text) > context.columns, end > 1 {
            frame.put([Span(glyphs.ellipsis, .bar)], row: 0, column: end - 1)
        }
        frame.add(.bar, row: 0, columns: 0..<context.columns)
    }

    /// While the course's files are watched: `2 problems: m.md:3:1: error: …`, the first in full as far
    /// as it fits, on the row above the footer.
    private func drawProblems(_ frame: inout Frame) {
        guard let first = context.courseProblems.first else { return }
        let count = context.courseProblems.count
        let text = " \(count == 1 ? "" : "\(count) problems: ")\(VisibleText.prose(first))"
        frame.put([Span(text, [.bar, .notice])], row: context.rows - 2, column: 0, width: context.columns)
        frame.add([.bar, .notice], row: context.rows - 2, columns: 0..<context.columns)
    }

    /// `Lesson 4 of 13  ███░░░ 23% read · module 1/3`, then the screen's status and key hints, or a notice.
    private func drawFooter(_ frame: inout Frame) {
        let row = context.rows - 1
        let columns = context.columns
        let glyphs = context.glyphs
        let progress = CourseProgress(context.learner)
        // Presenting, the bar is where the lesson is in the course; reading, how much has been read.
        let read = context.isPresenting ? CourseProgress.Count(done: context.reader.lesson + 1, total: context.lessons.count)
            : progress.read(context.lessons)
        let moduleRead = progress.read(context.module.lessons)
        frame.add(.bar, row: row, columns: 0..<columns)
        let x = frame.put([Span(context.footerPosition, .bar)], row: row, column: 0)
        if let notice = context.notice {
            frame.put([Span(VisibleText.prose(notice), [.bar, .notice])], row: row, column: x, width: columns - x - 1)
            return
        }

        // The percentage is padded to its widest, so the bar keeps its size as it grows.
        var footer = Footer(percent: context.isPresenting ? "" : String(repeating: " ", count: 3 - "\(read.percent)".count) + "\(read.percent)%",
                            module: context.isPresenting ? "" : "\(glyphs.separator)module \(moduleRead.done)/\(moduleRead.total) read",
                            following: context.following?.status ?? "", status: screen.status(context),
                            hints: screen.hints(context))
        footer.fit(into: columns - x)
        let filled = footer.barWidth * read.done / max(1, read.total)
        var spans = [Span(String(repeating: glyphs.progressFilled, count: filled), [.bar, .progress]),
                     Span(String(repeating: glyphs.progressEmpty, count: footer.barWidth - filled), .bar)]
        spans.append(Span((footer.barWidth > 0 ? " " : "") + footer.percent + footer.module, .bar))
        frame.put(spans, row: row, column: x)
        let right = footer.right
        frame.put([Span(right, .bar)], row: row, column: max(x, columns - DisplayWidth.of(right)))
    }

    /// The footer's parts after the lesson number, given up one by one when the terminal is narrow.
    private struct Footer {
        var barWidth = 20
        var percent: String
        var module: String
        /// Whom the player follows, and how: never given up.
        var following: String
        var status: String
        var hints: [String]

        var right: String { ([following, status] + hints).filter { !$0.isEmpty }.joined(separator: "  ") + " " }

        var width: Int {
            (barWidth > 0 ? barWidth + 1 : 0) + percent.count + module.count + 2 + DisplayWidth.of(right)
        }

        /// First the bar narrows, then hints go from the least important (the last) while more than
        /// two are left, then the module's progress (the percentage then says "read" itself), the bar,
        /// the percentage, hints down to one, the status, and the last hint.
        mutating func fit(into columns: Int) {
            while width > columns && barWidth > 6 { barWidth -= 1 }
            while width > columns && hints.count > 2 { hints.removeLast() }
            if width > columns, !module.isEmpty {
                module = ""
                percent += " read"
            }
            if width > columns { barWidth = 0 }
            if width > columns { percent = "" }
            while width > columns && hints.count > 1 { hints.removeLast() }
            // The most useful hint outlasts the status; hints are dropped whole, never cut mid-word.
            if width > columns { status = "" }
            while width > columns && !hints.isEmpty { hints.removeLast() }
        }
    }

    /// The longest notice that fits: at 1x1 it is one character, but never a crash.
    private func drawTooSmall(_ frame: inout Frame) {
        let needed = "\(Context.minimumColumns)x\(Context.minimumRows)"
        // While text is being written, q is text: the notice offers no way out but a larger terminal.
        let quits = screen.takesText ? [] : ["q quits"]
        let notices = [["Terminal too small", "Journey needs at least \(needed)"] + quits,
                       ["Terminal too small", "needs \(needed)"] + quits, ["Too small", needed], [needed]]
        let columns = context.columns
        let rows = context.rows
        let message = notices.first { $0.allSatisfy { DisplayWidth.of($0) <= columns } && $0.count <= rows }
            ?? notices[notices.count - 1]
        let first = max(0, (rows - message.count) / 2)
        for (index, text) in message.enumerated() where first + index < rows {
            let width = DisplayWidth.of(text)
            frame.put([Span(text, .notice)], row: first + index, column: max(0, (columns - width) / 2))
        }
    }
}
