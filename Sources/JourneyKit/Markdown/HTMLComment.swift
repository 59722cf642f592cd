/// HTML comments are an author's notes: dropped silently, unlike other raw HTML.
enum HTMLComment {
    static func isComment(_ html: String) -> Bool {
        html.drop { $0 == " " || $0 == "\t" || $0 == "\n" }.hasPrefix("<!--")
    }
}
