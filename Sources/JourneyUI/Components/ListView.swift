import JourneyLayout

/// A row of a list: its text, an optional part aligned right, and the item it belongs to (nil for
/// headings and spacing). An item may span several rows.
struct ListRow: Sendable {
    var spans: [Span]
    var trailing: [Span] = []
    var item: Int?
}

/// Draws a list of rows into an area: scrolled so the selected item shows whole where it fits, or from
/// a given row when nothing is selected. The selected item's first row is marked.
enum ListView {
    static func draw(_ rows: [ListRow], selected: Int, into frame: inout Frame, area: Area) {
        let first = rows.firstIndex { $0.item == selected } ?? 0
        let last = rows.lastIndex { $0.item == selected } ?? first
        let height = last - first + 1
        // From the top while the item fits on the first screen, else centred, else from its start.
        let start = last < area.height ? 0 : height >= area.height ? first : first - (area.height - height) / 2
        draw(rows, top: start, selected: selected, into: &frame, area: area)
    }

    static func draw(_ rows: [ListRow], top: Int, selected: Int? = nil, into frame: inout Frame, area: Area) {
        let start = min(max(0, top), maximumTop(rows.count, area))
        for (offset, row) in rows.dropFirst(start).prefix(area.height).enumerated() {
            let y = area.row + offset
            let trailingWidth = row.trailing.width
            let end = frame.put(row.spans, row: y, column: area.column,
                                width: trailingWidth > 0 ? max(0, area.width - trailingWidth - 1) : area.width)
            if trailingWidth > 0, end + trailingWidth < area.column + area.width {
                frame.put(row.trailing, row: y, column: area.column + area.width - trailingWidth)
            }
            if let selected, row.item == selected, start + offset == 0 || rows[start + offset - 1].item != selected {
                frame.add(.selection, row: y, columns: area.column..<area.column + area.width)
            }
        }
    }

    /// The last useful first row: the list's end at the area's bottom.
    static func maximumTop(_ count: Int, _ area: Area) -> Int {
        max(0, count - area.height)
    }
}

extension Array where Element == Span {
    var width: Int { reduce(0) { $0 + $1.width } }
}

extension String {
    /// The string followed by spaces up to `width` columns, and always at least one.
    func padding(to width: Int) -> String {
        self + String(repeating: " ", count: max(1, width - DisplayWidth.of(self)))
    }
}
