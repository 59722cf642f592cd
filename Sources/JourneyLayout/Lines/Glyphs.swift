/// The characters layout draws with: box drawing under UTF-8, plain ASCII otherwise.
public struct Glyphs: Equatable, Sendable {
    public var bullet: String
    public var quoteBar: String
    public var horizontal: String
    public var doubleHorizontal: String
    public var dottedHorizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var teeDown: String
    public var teeUp: String
    public var teeRight: String
    public var teeLeft: String
    public var cross: String
    public var continuation: String

    public static let unicode = Glyphs(
        bullet: "•", quoteBar: "│", horizontal: "─", doubleHorizontal: "═", dottedHorizontal: "┄", vertical: "│",
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤", cross: "┼", continuation: "↪")

    public static let ascii = Glyphs(
        bullet: "*", quoteBar: "|", horizontal: "-", doubleHorizontal: "=", dottedHorizontal: "-", vertical: "|",
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+", cross: "+", continuation: ">")

    public func repeated(_ glyph: String, _ count: Int) -> String {
        String(repeating: glyph, count: max(0, count))
    }
}
