import CYaml

/// Checks that `course.yaml` has the plain shape a manifest needs (keys that are names, values that
/// are text or lists of text) before it is composed into nodes. YAML can say much more, and some of
/// it costs far more than its size: aliases repeat what anchors name (a few hundred bytes of aliases
/// used as keys took minutes to compose), complex keys are hashed whole, and deep nesting is composed
/// by recursion. The check reads libyaml's tokens (Yams' own copy of libyaml), in one linear pass.
enum ManifestShape {
    /// Deeper than a manifest ever needs (a mapping of lists), with room to spare.
    static let maximumNesting = 8
    /// Keys and values: room for every module a course may have, twice over.
    static let maximumValues = 2 * CourseLoader.maximumModules + 100

    /// The first thing a manifest never needs, as an error at its place; nil when the shape is plain
    /// (or the YAML is malformed, which composing reports with its own message).
    static func problem(in bytes: [UInt8], path: String) -> Diagnostic? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> Diagnostic? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            var values = 0
            var afterKey = false
            var token = yaml_token_t()
            while yaml_parser_scan(&parser, &token) == 1 {
                let type = token.type
                let mark = SourcePosition(line: Int(token.start_mark.line) + 1, column: Int(token.start_mark.column) + 1)
                yaml_token_delete(&token)
                func refuse(_ message: String) -> Diagnostic {
                    Diagnostic(.error, "malformed manifest: \(message)", path: path, at: mark)
                }
                switch type {
                case YAML_STREAM_END_TOKEN:
                    return nil
                case YAML_ALIAS_TOKEN, YAML_ANCHOR_TOKEN:
                    return refuse("anchors and aliases (& and *) are not used in course.yaml; write each value out")
                case YAML_TAG_TOKEN, YAML_TAG_DIRECTIVE_TOKEN, YAML_VERSION_DIRECTIVE_TOKEN:
                    return refuse("tags and directives (!, %) are not used in course.yaml")
                case YAML_BLOCK_SEQUENCE_START_TOKEN, YAML_BLOCK_MAPPING_START_TOKEN, YAML_FLOW_SEQUENCE_START_TOKEN,
                     YAML_FLOW_MAPPING_START_TOKEN:
                    if afterKey { return refuse("a key must be a plain name, not a list or mapping") }
                    depth += 1
                    if depth > maximumNesting {
                        return refuse("nested deeper than \(maximumNesting) levels; a manifest is keys with text or lists of text")
                    }
                case YAML_BLOCK_END_TOKEN, YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN:
                    depth -= 1
                case YAML_SCALAR_TOKEN:
                    values += 1
                    if values > maximumValues {
                        return refuse("more than \(maximumValues) keys and values; a course has at most "
                            + "\(CourseLoader.maximumModules) modules")
                    }
                default:
                    break
                }
                if afterKey && type != YAML_SCALAR_TOKEN && type != YAML_VALUE_TOKEN {
                    return refuse("a key must be a plain name")
                }
                afterKey = type == YAML_KEY_TOKEN
            }
            return nil
        }
    }
}
