import Foundation

// Usage: EmbedCourseTool CONTENT_DIR OUTPUT.swift RELATIVE_PATH...
// Writes a Swift file holding each listed file of CONTENT_DIR as base64, keyed by its relative path.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: EmbedCourseTool CONTENT_DIR OUTPUT.swift FILE...\n".utf8))
    exit(2)
}
let contentDirectory = URL(fileURLWithPath: arguments[arguments.startIndex])
let output = URL(fileURLWithPath: arguments[arguments.startIndex + 1])
var source = "// Generated from Content/ by the EmbedCourse plugin. Do not edit.\n"
source += "let embeddedFiles: [(path: String, base64: String)] = [\n"
for relativePath in arguments.dropFirst(2) {
    let data = try Data(contentsOf: contentDirectory.appending(path: relativePath))
    let quotedPath = String(decoding: try JSONEncoder().encode(relativePath), as: UTF8.self)
    source += "    (\(quotedPath), \"\(data.base64EncodedString())\"),\n"
}
source += "]\n"
try Data(source.utf8).write(to: output, options: .atomic)
