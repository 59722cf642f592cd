import ArgumentParser
import Foundation

/// Writes a new course folder whole or not at all: its files go into a hidden folder beside the
/// target, which is then renamed into place, so an error part-way leaves nothing behind.
enum CourseFolderWriter {
    static func write(_ files: [String: String], to path: String, replacing: Bool) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue {
            Output.error("journey: \(path) exists and is not a folder")
            throw ExitCode.failure
        }
        if exists && !replacing && !((try? manager.contentsOfDirectory(atPath: target.path)) ?? []).isEmpty {
            Output.error("journey: \(path) is not empty; choose another folder, or --force to replace it")
            throw ExitCode.failure
        }
        let staging = parent.appending(path: ".\(target.lastPathComponent).importing-\(getpid())")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for (name, text) in files {
                try Data(text.utf8).write(to: staging.appending(path: name), options: .withoutOverwriting)
            }
            if exists {
                let old = parent.appending(path: ".\(target.lastPathComponent).replaced-\(getpid())")
                try manager.moveItem(at: target, to: old)
                do {
                    try manager.moveItem(at: staging, to: target)
                } catch {
                    try? manager.moveItem(at: old, to: target)
                    throw error
                }
                try? manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            Output.error("journey: cannot write \(path): \(Self.reason(error))")
            throw ExitCode.failure
        }
    }

    /// The system's reason, without Foundation's sentence around it.
    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying.map({ Int32($0.code) }), underlying?.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(code))
        }
        return error.localizedDescription
    }
}
