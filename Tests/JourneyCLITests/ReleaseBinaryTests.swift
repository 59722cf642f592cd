import Foundation
import Testing
import TestSupport

/// The release binary can be copied to a machine without Swift: it links the Swift runtime and
/// Foundation in, and needs only what README.md says (glibc, libstdc++ and libgcc_s, ncursesw, md4c,
/// SQLite). It checks the binary scripts/test has just built.
@Suite struct ReleaseBinaryTests {
    /// What the binary may need from the system: the C and C++ runtimes and the three libraries named.
    static let allowed = ["linux-vdso.so", "ld-linux", "libc.so", "libm.so", "libpthread.so", "libdl.so", "librt.so",
                          "libstdc++.so", "libgcc_s.so", "libncursesw.so", "libtinfo.so", "libmd4c.so", "libsqlite3.so"]

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: BuiltProgram.releasePath),
                   "scripts/test builds the release binary; swift test alone does not"))
    func theReleaseBinaryNeedsOnlyTheSystemLibrariesTheREADMENames() throws {
        let ldd = Process()
        ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        ldd.arguments = [BuiltProgram.releasePath]
        let output = Pipe()
        ldd.standardOutput = output
        try ldd.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ldd.waitUntilExit()
        let libraries = text.split(separator: "\n").compactMap { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { String($0.split(separator: "/").last ?? $0) }
        }
        #expect(libraries.count >= 5, "\(text)")
        let unexpected = libraries.filter { library in !Self.allowed.contains { library.hasPrefix($0) } }
        #expect(unexpected.isEmpty, "needs more than README.md says: \(unexpected)")
        #expect(!text.contains("not found"), "\(text)")
    }
}
