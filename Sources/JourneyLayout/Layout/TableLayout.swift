import JourneyKit

/// Lays a table out as a grid fitted to the width, sizing columns from their content and wrapping cells
/// between words; when even each column's longest word cannot fit, each row becomes a record of
/// `Header: value` lines instead, so no word is cut that a line could hold.
struct TableLayout {
    let glyphs: Glyphs
    let references: LinkReferences

    func lines(_ table: Table, width: Int) -> [[Span]] {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        let header = cells(table.header, columns: columns, role: .tableHeader)
        let rows = table.rows.map { cells($0, columns: columns, role: []) }
        let available = width - (3 * columns + 1)
        let cellsByColumn = (0..<columns).map { column in ([header] + rows).map { $0[column] } }
        let minimum = cellsByColumn.map { max(1, $0.map(InlineFlow.longestWord).max() ?? 0) }
        guard minimum.reduce(0, +) <= available else { return records(header: header, rows: rows, width: width) }
        let natural = cellsByColumn.map { max(1, $0.map(\.width).max() ?? 0) }
        let widths = Self.fit(natural: natural, minimum: minimum, into: available)
        let alignments = (0..<columns).map { $0 < table.alignments.count ? table.alignments[$0] : .leading }

        let wrappedHeader = header.enumerated().map { InlineFlow.wrap($1, width: widths[$0]) }
        let wrappedRows = rows.map { row in row.enumerated().map { InlineFlow.wrap($1, width: widths[$0]) } }
        let separateRows = wrappedRows.contains { $0.contains { $0.count > 1 } }

        var result = [border(glyphs.topLeft, glyphs.teeDown, glyphs.topRight, widths)]
        result += grid(wrappedHeader, widths: widths, alignments: alignments)
        result.append(border(glyphs.teeRight, glyphs.cross, glyphs.teeLeft, widths))
        for (index, row) in wrappedRows.enumerated() {
            if index > 0 && separateRows { result.append(border(glyphs.teeRight, glyphs.cross, glyphs.teeLeft, widths)) }
            result += grid(row, widths: widths, alignments: alignments)
        }
        result.append(border(glyphs.bottomLeft, glyphs.teeUp, glyphs.bottomRight, widths))
        return result
    }

    /// Column widths summing to at most `available`: every column its natural width when they all fit;
    /// else the narrow columns (within a fair share) keep theirs, and the rest get their longest word plus
    /// a part of the room left in proportion to how much wider each would like to be.
    static func fit(natural: [Int], minimum: [Int], into available: Int) -> [Int] {
        guard natural.reduce(0, +) > available else { return natural }
        var widths = minimum
        var open = Set(natural.indices)
        var remaining = available
        while !open.isEmpty {
            let share = remaining / open.count
            // Settled only while the others still get their longest words.
            let settled = open.filter { column in
                natural[column] <= share
                    && remaining - natural[column] >= open.subtracting([column]).reduce(0) { $0 + minimum[$1] }
            }
            guard let column = settled.min() else { break }
            widths[column] = natural[column]
            remaining -= natural[column]
            open.remove(column)
        }
        let columns = open.sorted()
        let room = remaining - columns.reduce(0) { $0 + minimum[$1] }
        let totalWanted = max(1, columns.reduce(0) { $0 + natural[$1] - minimum[$1] })
        for column in columns { widths[column] = minimum[column] + (natural[column] - minimum[column]) * room / totalWanted }
        // What rounding down left over goes to the columns still short of their natural width, in order.
        var left = available - widths.reduce(0, +)
        for column in columns where left > 0 && widths[column] < natural[column] {
            widths[column] += 1
            left -= 1
        }
        return widths
    }

    private func cells(_ row: [[Inline]], columns: Int, role: Role) -> [[Span]] {
        (0..<columns).map { $0 < row.count ? InlineFlow.spans(row[$0], role: role, references: references) : [] }
    }

    private func grid(_ row: [[[Span]]], widths: [Int], alignments: [Table.Alignment]) -> [[Span]] {
        let height = row.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            var line = [Span(glyphs.vertical + " ", .border)]
            for (column, cell) in row.enumerated() {
                let content = lineIndex < cell.count ? cell[lineIndex] : []
                let gap = widths[column] - content.width
                let leading = switch alignments[column] {
                case .leading: 0
                case .center: gap / 2
                case .trailing: gap
                }
                line.append(Span(String(repeating: " ", count: leading)))
                line += content
                line.append(Span(String(repeating: " ", count: gap - leading)))
                line.append(Span(column == row.count - 1 ? " " + glyphs.vertical : " \(glyphs.vertical) ", .border))
            }
            return line.merged()
        }
    }

    private func border(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> [Span] {
        let segments = widths.map { glyphs.repeated(glyphs.horizontal, $0 + 2) }
        return [Span(left + segments.joined(separator: middle) + right, .border)]
    }

    private func records(header: [[Span]], rows: [[[Span]]], width: Int) -> [[Span]] {
        var result: [[Span]] = []
        if rows.isEmpty {
            result = header.flatMap { InlineFlow.wrap($0, width: width) }
        }
        for row in rows {
            result.append([Span(glyphs.repeated(glyphs.horizontal, width), .border)])
            for (column, cell) in row.enumerated() {
                let name = header[column].isEmpty ? [Span("Column \(column + 1)", .tableHeader)] : header[column]
                result += InlineFlow.wrap(name + [Span(": ", .tableHeader)] + cell, width: width)
            }
        }
        if !result.isEmpty { result.append([Span(glyphs.repeated(glyphs.horizontal, width), .border)]) }
        return result
    }
}
