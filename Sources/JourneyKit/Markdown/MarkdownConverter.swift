import CMd4c

/// Parses Markdown with md4c and hands each event to a `DocumentBuilder`.
/// The only place that talks to the C library; everything it passes on is a Swift value.
enum MarkdownConverter {
    /// md4c's GitHub dialect: tables, strikethrough and task lists. Bare URLs become links in
    /// `BareLinks`, not through md4c's permissive autolinks, whose time grows with the square of their
    /// number in md4c 0.4.8.
    private static let flags = UInt32(MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS)

    static func convert(_ source: SourceText, extent: Extent = .whole) -> ParsedMarkdown {
        let builder = DocumentBuilder(source: source, extent: extent)
        source.bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            builder.baseAddress = UnsafeRawPointer(base)
            var parser = MD_PARSER()
            parser.flags = flags
            parser.enter_block = { type, detail, userdata in
                MarkdownConverter.target(userdata) { $0.enter(MarkdownConverter.blockEvent(type, detail)) }
            }
            parser.leave_block = { type, detail, userdata in
                MarkdownConverter.target(userdata) { $0.leave(MarkdownConverter.blockEvent(type, detail)) }
            }
            // Inside a block an outline passes over, nothing is made of an event (no strings, no spans).
            parser.enter_span = { type, detail, userdata in
                MarkdownConverter.target(userdata) { builder in
                    if !builder.isPassingOver { builder.enterSpan(MarkdownConverter.spanEvent(type, detail)) }
                }
            }
            parser.leave_span = { type, detail, userdata in
                MarkdownConverter.target(userdata) { builder in
                    if !builder.isPassingOver { builder.leaveSpan(MarkdownConverter.spanEvent(type, detail)) }
                }
            }
            parser.text = { type, text, size, userdata in
                MarkdownConverter.target(userdata) { builder in
                    let pointer = text.map(UnsafeRawPointer.init)
                    if builder.isPassingOver {
                        builder.passOver(textAt: pointer,
                                         fromSource: type != MD_TEXT_NULLCHAR && type != MD_TEXT_BR && type != MD_TEXT_SOFTBR)
                    } else {
                        builder.text(MarkdownConverter.textEvent(type, text, size), at: pointer)
                    }
                }
            }
            let userdata = Unmanaged.passUnretained(builder).toOpaque()
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text in
                _ = md_parse(text, MD_SIZE(buffer.count), &parser, userdata)
            }
            builder.baseAddress = nil
        }
        return builder.finish()
    }

    /// Runs `body` on the builder md4c was handed, without retaining it for each of its many events.
    private static func target(_ userdata: UnsafeMutableRawPointer?, _ body: (DocumentBuilder) -> Void) -> Int32 {
        Unmanaged<DocumentBuilder>.fromOpaque(userdata!)._withUnsafeGuaranteedRef(body)
        return 0
    }

    private static func blockEvent(_ type: MD_BLOCKTYPE, _ detail: UnsafeMutableRawPointer?) -> BlockEvent {
        switch type {
        case MD_BLOCK_QUOTE: return .quote
        case MD_BLOCK_UL:
            let ul = detail!.assumingMemoryBound(to: MD_BLOCK_UL_DETAIL.self).pointee
            return .list(ordered: false, start: 1, tight: ul.is_tight != 0)
        case MD_BLOCK_OL:
            let ol = detail!.assumingMemoryBound(to: MD_BLOCK_OL_DETAIL.self).pointee
            return .list(ordered: true, start: Int(ol.start), tight: ol.is_tight != 0)
        case MD_BLOCK_LI:
            let li = detail!.assumingMemoryBound(to: MD_BLOCK_LI_DETAIL.self).pointee
            let mark = UInt8(bitPattern: li.task_mark)
            return .item(isTask: li.is_task != 0, checked: mark == UInt8(ascii: "x") || mark == UInt8(ascii: "X"))
        case MD_BLOCK_HR: return .rule
        case MD_BLOCK_H:
            return .heading(level: Int(detail!.assumingMemoryBound(to: MD_BLOCK_H_DETAIL.self).pointee.level))
        case MD_BLOCK_CODE:
            return .code(language: string(detail!.assumingMemoryBound(to: MD_BLOCK_CODE_DETAIL.self).pointee.lang))
        case MD_BLOCK_HTML: return .html
        case MD_BLOCK_P: return .paragraph
        case MD_BLOCK_TABLE: return .table
        case MD_BLOCK_THEAD: return .tableHead
        case MD_BLOCK_TBODY: return .tableBody
        case MD_BLOCK_TR: return .tableRow
        case MD_BLOCK_TH, MD_BLOCK_TD:
            let align = detail!.assumingMemoryBound(to: MD_BLOCK_TD_DETAIL.self).pointee.align
            switch align {
            case MD_ALIGN_CENTER: return .cell(alignment: .center)
            case MD_ALIGN_RIGHT: return .cell(alignment: .trailing)
            default: return .cell(alignment: .leading)
            }
        default: return .document
        }
    }

    private static func spanEvent(_ type: MD_SPANTYPE, _ detail: UnsafeMutableRawPointer?) -> SpanEvent {
        switch type {
        case MD_SPAN_STRONG: return .strong
        case MD_SPAN_A: return .link(target: string(detail!.assumingMemoryBound(to: MD_SPAN_A_DETAIL.self).pointee.href))
        case MD_SPAN_IMG: return .image(target: string(detail!.assumingMemoryBound(to: MD_SPAN_IMG_DETAIL.self).pointee.src))
        case MD_SPAN_CODE: return .code
        case MD_SPAN_DEL: return .strikethrough
        default: return .emphasis
        }
    }

    private static func textEvent(_ type: MD_TEXTTYPE, _ text: UnsafePointer<CChar>?, _ size: MD_SIZE) -> TextEvent {
        let string = string(text, Int(size))
        switch type {
        case MD_TEXT_NULLCHAR: return .nullCharacter
        case MD_TEXT_BR: return .hardBreak
        case MD_TEXT_SOFTBR: return .softBreak
        case MD_TEXT_ENTITY: return .entity(string)
        case MD_TEXT_CODE: return .code(string)
        case MD_TEXT_HTML: return .html(string)
        default: return .normal(string)
        }
    }

    /// The value of an attribute (a link target, a code block's language), entities decoded.
    private static func string(_ attribute: MD_ATTRIBUTE) -> String {
        guard let text = attribute.text, attribute.size > 0 else { return "" }
        var result = ""
        var index = 0
        while attribute.substr_offsets[index] < attribute.size {
            let start = Int(attribute.substr_offsets[index]), end = Int(attribute.substr_offsets[index + 1])
            let piece = string(text + start, end - start)
            switch attribute.substr_types[index] {
            case MD_TEXT_ENTITY: result += HTMLEntity.decode(piece) ?? piece
            case MD_TEXT_NULLCHAR: result += "\u{FFFD}"
            default: result += piece
            }
            index += 1
        }
        return result
    }

    private static func string(_ text: UnsafePointer<CChar>?, _ count: Int) -> String {
        guard let text, count > 0 else { return "" }
        return text.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }
}
