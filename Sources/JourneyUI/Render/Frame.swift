import JourneyLayout

/// One screen cell: a grapheme and its roles. The right half of a wide grapheme holds "".
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: Role

    public static let blank = Cell(text: " ", role: [])
}

/// A screen's worth of cells, row by row: what render makes and the backend draws.
public struct Frame: Equatable, Sendable {
    public static func == (lhs: Frame, rhs: Frame) -> Bool {
        lhs.columns == rhs.columns && lhs.rows == rhs.rows && lhs.cells == rhs.cells
            && lhs.cursor?.row == rhs.cursor?.row && lhs.cursor?.column == rhs.cursor?.column
    }

    public let columns: Int
    public let rows: Int
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor shows, for typing; nil hides it.
    public var cursor: (row: Int, column: Int)?

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        cells = Array(repeating: .blank, count: self.columns * self.rows)
    }

    public func row(_ row: Int) -> ArraySlice<Cell> {
        cells[row * columns..<(row + 1) * columns]
    }

    /// Writes spans from `column` on, clipped to `width` columns (and to the frame); a wide grapheme
    /// that would straddle the edge becomes a space. Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ spans: [Span], row: Int, column: Int, width: Int? = nil) -> Int {
        guard (0..<rows).contains(row) else { return column }
        let end = min(columns, column + (width ?? columns))
        var x = column
        for span in spans {
            for character in span.text {
                let characterWidth = DisplayWidth.of(character)
                guard characterWidth > 0 else { continue }
                guard x + characterWidth <= end else {
                    if x < end { self[row, x] = Cell(text: " ", role: span.role) }
                    return end
                }
                if x >= 0 {
                    self[row, x] = Cell(text: String(character), role: span.role)
                    if characterWidth == 2 { self[row, x + 1] = Cell(text: "", role: span.role) }
                }
                x += characterWidth
            }
        }
        return x
    }

    /// Gives a run of cells a role, as a bar or a selection does.
    public mutating func add(_ role: Role, row: Int, columns range: Range<Int>) {
        guard (0..<rows).contains(row) else { return }
        for x in max(0, range.lowerBound)..<min(columns, range.upperBound) {
            self[row, x].role.formUnion(role)
        }
    }

    subscript(row: Int, column: Int) -> Cell {
        get { cells[row * columns + column] }
        set { cells[row * columns + column] = newValue }
    }

    /// The frame as text, a line per row with trailing spaces kept, for golden files.
    public var text: String {
        (0..<rows).map { row($0).map(\.text).joined() }.joined(separator: "\n")
    }
}
