import JourneyKit
import JourneyLayout

extension PlayerState {
    /// One row of a list overlay.
    struct ListRow {
        var spans: [Span]
        /// The index a selection refers to (a lesson, a result); nil for a heading row.
        var item: Int?
    }

    /// Modules as headings and their lessons beneath, the current one marked.
    func drawContents(_ frame: inout Frame, selected: Int) {
        var list: [ListRow] = []
        var index = 0
        for (number, module) in course.modules.enumerated() {
            list.append(ListRow(spans: [Span("\(number + 1). \(VisibleText.prose(module.title))", .heading)], item: nil))
            for lesson in module.lessons {
                let mark = index == current ? glyphs.currentMark + " " : "  "
                list.append(ListRow(spans: [Span("   " + mark, .marker), Span(VisibleText.prose(lesson.title))], item: index))
                index += 1
            }
        }
        drawList(&frame, list, selected: selected)
    }

    /// The query being typed, or the results: each lesson with its matching lines.
    func drawSearch(_ frame: inout Frame, _ search: Search) {
        let prompt = [Span("Search: ", .label), Span(VisibleText.prose(search.query))]
        frame.put(prompt, row: 1, column: bodyLeft, width: layoutWidth)
        if search.isRunning {
            frame.put([Span("Searching\(glyphs.ellipsis)", .meta)], row: 3, column: bodyLeft, width: layoutWidth)
            return
        }
        guard let results = search.results else {
            frame.put([Span(glyphs.cursor, .selection)], row: 1, column: bodyLeft + prompt.reduce(0) { $0 + $1.width })
            frame.put([Span("Type words to find, then Enter. Case does not matter.", .meta)], row: 3, column: bodyLeft,
                      width: layoutWidth)
            return
        }
        guard !results.isEmpty else {
            frame.put([Span("No matches. Press / to try other words.", .meta)], row: 3, column: bodyLeft, width: layoutWidth)
            return
        }
        var list: [ListRow] = []
        var lastLesson: Int?
        for (index, result) in results.enumerated() {
            if result.lesson != lastLesson {
                list.append(ListRow(spans: [Span(VisibleText.prose(lessons[result.lesson].title), .heading)], item: nil))
                lastLesson = result.lesson
            }
            let text = String(result.text.drop { $0 == " " })
            list.append(ListRow(spans: Self.highlighting(search.query, in: [Span("   " + text)]), item: index))
        }
        frame.put([Span("\(results.count) matching line\(results.count == 1 ? "" : "s")", .meta)], row: 2,
                  column: bodyLeft, width: layoutWidth)
        drawList(&frame, list, selected: search.selected, firstRow: 3)
    }

    /// The key table, grouped.
    func drawHelp(_ frame: inout Frame, top: Int) {
        for (offset, spans) in helpLines.dropFirst(top).prefix(bodyRows).enumerated() {
            frame.put(spans, row: offset + 1, column: bodyLeft, width: layoutWidth)
        }
    }

    /// Each group's keys in a column, their meaning wrapped beside them.
    var helpLines: [[Span]] {
        let keyColumn = 16
        var lines: [[Span]] = []
        for group in KeyBindings.groups {
            if !lines.isEmpty { lines.append([]) }
            lines.append([Span(group.title, .heading)])
            for binding in group.bindings {
                let keys = "  " + binding.keys.map(\.label).joined(separator: " ")
                let summary = Layout.wrap([Span(binding.summary)], width: layoutWidth - keyColumn)
                for (index, line) in summary.enumerated() {
                    let lead = index == 0 ? keys.padding(to: keyColumn) : String(repeating: " ", count: keyColumn)
                    lines.append([Span(lead, .label)] + line)
                }
            }
        }
        return lines
    }

    var helpLineCount: Int { helpLines.count }

    /// A scrolling list that keeps the selected item in view and marks it.
    private func drawList(_ frame: inout Frame, _ list: [ListRow], selected: Int, firstRow: Int = 1) {
        let height = rows - 1 - firstRow
        guard height > 0 else { return }
        let selectedRow = list.firstIndex { $0.item == selected } ?? 0
        let start = min(max(0, selectedRow - height / 2), max(0, list.count - height))
        for (offset, row) in list.dropFirst(start).prefix(height).enumerated() {
            let y = firstRow + offset
            frame.put(row.spans, row: y, column: bodyLeft, width: layoutWidth)
            if row.item == selected { frame.add(.selection, row: y, columns: bodyLeft..<bodyLeft + layoutWidth) }
        }
    }
}

extension String {
    /// The string followed by spaces up to `width` columns, and always at least one.
    func padding(to width: Int) -> String {
        self + String(repeating: " ", count: max(1, width - DisplayWidth.of(self)))
    }
}
