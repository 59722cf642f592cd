import Foundation

/// The course in the repository's `Content/` folder, embedded into the binary at build time.
public enum BundledCourse {
    /// Shown wherever a path to the bundled course would be.
    public static let displayPath = "<bundled>"

    /// Every file of the course, keyed by its path relative to `Content/`.
    public static let files: [String: [UInt8]] = Dictionary(
        embeddedFiles.map { ($0.path, [UInt8](Data(base64Encoded: $0.base64) ?? Data())) },
        uniquingKeysWith: { first, _ in first }
    )
}
