import JourneyKit

/// A course as indented text, for golden files: every module, lesson, block and inline, with positions.
enum ModelDump {
    static func dump(_ result: LoadResult) -> String {
        var out: [String] = []
        if let course = result.course {
            out.append("course \(quoted(course.title)) id=\(course.id)")
            for module in course.modules {
                out.append("  module \(quoted(module.title)) id=\(module.id)")
                for lesson in module.lessons {
                    let position = lesson.position.map { " at \($0.line):\($0.column)" } ?? ""
                    out.append("    lesson \(quoted(lesson.title)) id=\(lesson.id)\(position)")
                    blocks(lesson.blocks, depth: 3, into: &out)
                }
            }
        }
        for diagnostic in result.diagnostics.sortedForReport() {
            let name = diagnostic.path.split(separator: "/").last.map(String.init) ?? diagnostic.path
            var copy = diagnostic
            copy.path = name
            out.append("diagnostic " + copy.formatted)
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func blocks(_ blocks: [Block], depth: Int, into out: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        for block in blocks {
            switch block {
            case .heading(let level, let content):
                out.append("\(pad)heading \(level)")
                inlines(content, depth: depth + 1, into: &out)
            case .paragraph(let content):
                out.append("\(pad)paragraph")
                inlines(content, depth: depth + 1, into: &out)
            case .list(let list):
                out.append("\(pad)list ordered=\(list.ordered) start=\(list.start) tight=\(list.tight)")
                for item in list.items {
                    let task = item.task.map { " task id=\($0.id) checked=\($0.checkedByAuthor)" } ?? ""
                    out.append("\(pad)  item\(task)")
                    self.blocks(item.blocks, depth: depth + 2, into: &out)
                }
            case .quote(let children):
                out.append("\(pad)quote")
                self.blocks(children, depth: depth + 1, into: &out)
            case .callout(let callout):
                out.append("\(pad)callout \(callout.kind.rawValue)")
                self.blocks(callout.blocks, depth: depth + 1, into: &out)
            case .prompt(let prompt):
                let position = prompt.position.map { " at \($0.line):\($0.column)" } ?? ""
                out.append("\(pad)prompt id=\(prompt.id)\(position)")
                self.blocks(prompt.body, depth: depth + 1, into: &out)
                if let hint = prompt.hint {
                    out.append("\(pad)  hint")
                    inlines(hint, depth: depth + 2, into: &out)
                }
            case .code(let language, let text):
                out.append("\(pad)code language=\(quoted(language)) \(quoted(text))")
            case .table(let table):
                out.append("\(pad)table alignments=" + table.alignments.map { "\($0)" }.joined(separator: ","))
                for (index, row) in ([table.header] + table.rows).enumerated() {
                    out.append("\(pad)  \(index == 0 ? "header" : "row")")
                    for cell in row {
                        out.append("\(pad)    cell")
                        inlines(cell, depth: depth + 3, into: &out)
                    }
                }
            case .html(let html):
                out.append("\(pad)html \(quoted(html))")
            case .rule:
                out.append("\(pad)rule")
            }
        }
    }

    private static func inlines(_ inlines: [Inline], depth: Int, into out: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        for inline in inlines {
            switch inline {
            case .text(let text): out.append("\(pad)text \(quoted(text))")
            case .code(let text): out.append("\(pad)code \(quoted(text))")
            case .html(let html): out.append("\(pad)html \(quoted(html))")
            case .softBreak: out.append("\(pad)soft-break")
            case .hardBreak: out.append("\(pad)hard-break")
            case .emphasis(let children): nested("emphasis", children)
            case .strong(let children): nested("strong", children)
            case .strikethrough(let children): nested("strikethrough", children)
            case .link(let target, let children): nested("link \(quoted(target))", children)
            case .image(let target, let alt): nested("image \(quoted(target))", alt)
            }
        }
        func nested(_ label: String, _ children: [Inline]) {
            out.append("\(pad)\(label)")
            self.inlines(children, depth: depth + 1, into: &out)
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
