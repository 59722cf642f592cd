import JourneyKit
import JourneyLayout

extension PlayerState {
    /// The whole screen as a frame of cells: header, body (the lesson or an overlay), footer.
    public func render() -> Frame {
        var frame = Frame(columns: columns, rows: rows)
        guard !isTooSmall else {
            drawTooSmall(&frame)
            return frame
        }
        switch overlay {
        case .none:
            drawHeader(&frame, [course.title, module.title, lesson.title])
            drawLesson(&frame)
            drawFooter(&frame, right: "\(scrollIndicator)  ? help  q quit")
        case .contents(let selected):
            drawHeader(&frame, [course.title, "Contents"])
            drawContents(&frame, selected: selected)
            drawFooter(&frame, right: "Enter jump  Esc close")
        case .search(let search):
            drawHeader(&frame, [course.title, "Search"])
            drawSearch(&frame, search)
            drawFooter(&frame, right: search.results == nil ? "Enter search  Esc close" : "Enter jump  / edit  Esc close")
        case .help(let top):
            drawHeader(&frame, [course.title, "Keys"])
            drawHelp(&frame, top: top)
            drawFooter(&frame, right: "? or Esc close")
        }
        return frame
    }

    /// Where the body's text starts: centred when the terminal is wider than the body.
    var bodyLeft: Int { (columns - bodyWidth) / 2 + 1 }

    private func drawLesson(_ frame: inout Frame) {
        for row in 0..<bodyRows {
            let index = top + row
            guard lines.indices.contains(index) else { break }
            var spans = lines[index].spans
            if let highlight { spans = Self.highlighting(highlight, in: spans) }
            frame.put(spans, row: row + 1, column: bodyLeft, width: layoutWidth)
        }
    }

    /// `vim`'s ruler: All, Top, Bot, or how far down as a percentage.
    var scrollIndicator: String {
        if lines.count <= bodyRows { return "All" }
        if top == 0 { return "Top" }
        if top >= maximumTop { return "Bot" }
        return "\(top * 100 / maximumTop)%"
    }

    /// `Course › Module › Lesson`, cut short with an ellipsis when it does not fit.
    private func drawHeader(_ frame: inout Frame, _ parts: [String]) {
        let text = " " + parts.map { VisibleText.prose($0) }.joined(separator: glyphs.breadcrumb)
        let end = frame.put([Span(text, .bar)], row: 0, column: 0, width: columns)
        if DisplayWidth.of(text) > columns, end > 1 {
            frame.put([Span(glyphs.ellipsis, .bar)], row: 0, column: end - 1)
        }
        frame.add(.bar, row: 0, columns: 0..<columns)
    }

    /// `Lesson 4 of 12  ████░░░░  33%`, then the scroll position and a key hint on the right.
    private func drawFooter(_ frame: inout Frame, right: String) {
        let row = rows - 1
        let number = current + 1
        let percent = number * 100 / lessonCount
        let position = " Lesson \(number) of \(lessonCount)  "
        let hint = right + " "
        // A fixed allowance for the hint, so the bar keeps its size whatever is open.
        let barWidth = max(0, min(20, columns - position.count - 36))
        let filled = barWidth * percent / 100
        var spans = [Span(position, .bar)]
        if barWidth >= 4 {
            spans += [Span(String(repeating: glyphs.progressFilled, count: filled), [.bar, .progress]),
                      Span(String(repeating: glyphs.progressEmpty, count: barWidth - filled), .bar),
                      Span("  ", .bar)]
        }
        spans.append(Span("\(percent)%", .bar))
        frame.put(spans, row: row, column: 0)
        frame.add(.bar, row: row, columns: 0..<columns)
        let hintWidth = DisplayWidth.of(hint)
        let used = spans.reduce(0) { $0 + $1.width }
        if used + hintWidth + 1 <= columns {
            frame.put([Span(hint, .bar)], row: row, column: columns - hintWidth)
        } else if overlay == nil, used + scrollIndicator.count + 2 <= columns {
            frame.put([Span(scrollIndicator + " ", .bar)], row: row, column: columns - scrollIndicator.count - 1)
        }
    }

    /// The longest notice that fits: at 1x1 it is one character, but never a crash.
    private func drawTooSmall(_ frame: inout Frame) {
        let needed = "\(Self.minimumColumns)x\(Self.minimumRows)"
        let notices = [["Terminal too small", "Journey needs at least \(needed)", "q quits"],
                       ["Terminal too small", "needs \(needed)", "q quits"], ["Too small", needed], [needed]]
        let message = notices.first { $0.allSatisfy { DisplayWidth.of($0) <= columns } && $0.count <= rows }
            ?? notices[notices.count - 1]
        let first = max(0, (rows - message.count) / 2)
        for (index, text) in message.enumerated() where first + index < rows {
            let width = DisplayWidth.of(text)
            frame.put([Span(text, .notice)], row: first + index, column: max(0, (columns - width) / 2))
        }
    }

    /// Underlines each match of `query` in a line, keeping the spans' own roles.
    static func highlighting(_ query: String, in spans: [Span]) -> [Span] {
        let characters = spans.flatMap { span in span.text.map { ($0, span.role) } }
        let ranges = SearchEngine.matches(of: query, in: characters.map(\.0))
        guard !ranges.isEmpty else { return spans }
        var matched = Set<Int>()
        for range in ranges { matched.formUnion(range) }
        return characters.enumerated().map { index, pair in
            Span(String(pair.0), matched.contains(index) ? pair.1.union(.match) : pair.1)
        }
    }
}
