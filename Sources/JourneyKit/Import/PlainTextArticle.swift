import Foundation

/// A plain-text article, whose headings are lines like any other (as in the seed article): a heading is
/// a paragraph of one short line without closing punctuation, followed by more text. A heading that is
/// followed straight away by another opens a module; the ones after it are its lessons. A heading
/// followed by text, with no module open, is a module of one lesson. The first line, when it looks
/// like a heading, is the title.
enum PlainTextArticle {
    static let maximumHeadingLength = 80
    static let maximumHeadingWords = 12

    private struct Paragraph {
        var line: Int
        var lines: [String]

        var text: String { lines.joined(separator: " ") }
    }

    static func sections(_ lines: [String], headings: inout [ArticleImport.FoundHeading]) -> [ArticleImport.Section] {
        let paragraphs = paragraphs(of: lines)
        var sections = [ArticleImport.Section(level: 0, title: "", body: [])]
        var moduleOpen = false
        for (index, paragraph) in paragraphs.enumerated() {
            let next = index + 1 < paragraphs.count ? paragraphs[index + 1] : nil
            guard let next, looksLikeHeading(paragraph) else {
                if sections[sections.count - 1].body.last.map({ !$0.isEmpty }) == true { sections[sections.count - 1].body.append("") }
                sections[sections.count - 1].body += paragraph.lines.map(MarkdownText.escapedLine)
                continue
            }
            let level: Int
            if index == 0 {
                level = 1
            } else if looksLikeHeading(next) {
                level = 2
                moduleOpen = true
            } else {
                level = moduleOpen ? 3 : 2
            }
            let title = paragraph.text.trimmingSpaces
            headings.append(ArticleImport.FoundHeading(line: paragraph.line, level: level, text: title))
            sections.append(ArticleImport.Section(level: level, title: title, body: []))
        }
        return sections
    }

    private static func paragraphs(of lines: [String]) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: Paragraph?
        for (index, line) in lines.enumerated() {
            if line.trimmingSpaces.isEmpty {
                if let done = current { result.append(done) }
                current = nil
            } else if current == nil {
                current = Paragraph(line: index + 1, lines: [line])
            } else {
                current?.lines.append(line)
            }
        }
        if let done = current { result.append(done) }
        return result
    }

    private static func looksLikeHeading(_ paragraph: Paragraph) -> Bool {
        guard paragraph.lines.count == 1 else { return false }
        let text = paragraph.text.trimmingSpaces
        guard let first = text.first, let last = text.last, text.count <= maximumHeadingLength else { return false }
        let words = text.split(separator: " ").count
        return words <= maximumHeadingWords && (first.isUppercase || first.isNumber) && !".,;:!?…".contains(last)
    }
}

/// Text written into Markdown so that it reads as the same text: every mark Markdown would act on is
/// escaped with a backslash.
enum MarkdownText {
    private static let marks: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "!", "{", "}"]

    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if marks.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A line of plain text as a line of a Markdown paragraph: marks escaped, indentation dropped (four
    /// spaces would make code), and a leading `-`, `+` or `1.` escaped so it does not start a list.
    static func escapedLine(_ line: String) -> String {
        var text = escaped(line.trimmingSpaces)
        if let first = text.first, "-+=".contains(first) {
            text.insert("\\", at: text.startIndex)
        } else if let dot = text.firstIndex(where: { !$0.isNumber }), dot != text.startIndex, ".)".contains(text[dot]) {
            text.insert("\\", at: dot)
        }
        return text
    }

    /// A YAML double-quoted string: backslashes and quotes escaped, control characters as `\uXXXX`.
    static func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                result += String(format: "\\u%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
