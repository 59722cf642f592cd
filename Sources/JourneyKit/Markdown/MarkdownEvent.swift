/// The parser's view of a block, as md4c reports entering and leaving it.
enum BlockEvent: Equatable {
    case document, quote, rule, paragraph, html, table, tableHead, tableBody, tableRow
    case list(ordered: Bool, start: Int, tight: Bool)
    case item(isTask: Bool, checked: Bool)
    case heading(level: Int)
    case code(language: String)
    case cell(alignment: Table.Alignment)

    /// Containers hold other blocks and are the ones whose nesting is capped.
    var isNestingContainer: Bool {
        switch self {
        case .quote, .list: true
        default: false
        }
    }
}

/// An inline span md4c reports entering and leaving.
enum SpanEvent: Equatable {
    case emphasis, strong, code, strikethrough
    case link(target: String)
    case image(target: String)
}

/// A run of text md4c reports, with its byte offset into the source when it points there.
enum TextEvent: Equatable {
    case normal(String), code(String), html(String), entity(String)
    case nullCharacter, softBreak, hardBreak
}
