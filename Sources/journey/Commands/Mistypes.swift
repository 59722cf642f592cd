import Foundation
import JourneyKit

/// Mistyped command lines, caught before the argument parser (which takes an unknown word for a course
/// PATH, and suggests only a command's own options): `journey outlin`, `journey help outlin`, `--versoin`.
enum Mistypes {
    /// What is wrong with `arguments` and what was probably meant, or nil when nothing looks mistyped.
    static func check(_ arguments: [String], commands: [String]) -> String? {
        let words = Array(arguments.prefix { $0 != "--" })
        for word in words where word.hasPrefix("--") {
            let option = String(word.prefix { $0 != "=" })
            // Two edits: no command's own option is that close to these.
            guard !["--help", "--version"].contains(option),
                  let meant = Suggestions.closest(to: option, among: ["--help", "--version"], count: 1, edits: 2).first
            else { continue }
            return "unknown option '\(option)'; did you mean '\(meant)'?"
        }
        guard let first = words.first, !first.hasPrefix("-") else { return nil }
        if first == "help", words.count > 1, !commands.contains(words[1]) {
            let meant = closest(to: words[1], commands).map { "; did you mean `journey help \($0)`?" }
            return "there is no command '\(words[1])'" + (meant ?? "; `journey --help` lists them")
        }
        // A word with a dot or a slash is a path: a missing file is the loader's to report.
        guard !commands.contains(first), first != "help", !first.contains("."), !first.contains("/"),
              !FileManager.default.fileExists(atPath: first), let meant = closest(to: first, commands) else { return nil }
        return "there is no command or course file '\(first)'; did you mean `journey \(meant)`?"
    }

    private static func closest(to word: String, _ commands: [String]) -> String? {
        Suggestions.closest(to: word, among: commands, count: 1).first
    }
}
