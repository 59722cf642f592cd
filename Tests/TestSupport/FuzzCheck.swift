import JourneyKit
import JourneyLayout
import JourneyUI

/// One fuzz input through the whole engine: load it as a course, lay out every lesson, drive and
/// render the player. Shared by the libFuzzer harness (`scripts/fuzz`) and the test that replays
/// `Tests/FuzzCorpus`. Returns what went wrong, or nil.
public enum FuzzCheck {
    /// The input is one module file; when it starts with `---\n`, the manifest comes first, up to the
    /// next `---\n`.
    public static func run(_ bytes: [UInt8]) -> String? {
        var manifest = Array("title: Fuzz\nmodules: [m.md]\n".utf8)
        var module = bytes
        let separator = Array("---\n".utf8)
        if bytes.starts(with: separator), let end = bytes.dropFirst(4).firstRange(of: separator) {
            manifest = Array(bytes[4..<end.lowerBound])
            module = Array(bytes[end.upperBound...])
        }
        let folder = EmbeddedCourseFolder(displayPath: "fuzz", files: ["course.yaml": manifest, "m.md": module])
        guard let course = CourseLoader.load(folder: folder).course, !course.lessons.isEmpty else { return nil }
        let width = 20 + Int(bytes.first ?? 0) % 100
        for lesson in course.lessons {
            for line in Layout(width: width).lines(for: lesson) {
                if line.width > width { return "line wider than \(width): \(line.text.debugDescription)" }
                if line.text.unicodeScalars.contains(where: VisibleText.isControl) {
                    return "control character in: \(line.text.debugDescription)"
                }
            }
        }
        var player = Player(course: course, columns: width, rows: 10 + Int(bytes.last ?? 0) % 30)
        for key in [Key.character("G"), .character("t"), .enter, .character("/"), .character("e"), .enter,
                    .character("R"), .enter, .tab, .character("x"), .character("r"), .character("é"), .control("s")] {
            _ = player.updateFollowingThen(.key(key))
        }
        let frame = player.render()
        if frame.cells.count != frame.columns * frame.rows { return "frame of the wrong size" }
        return nil
    }
}
