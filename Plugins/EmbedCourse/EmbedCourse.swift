import Foundation
import PackagePlugin

/// Embeds every file of the package's top-level `Content/` folder into the target as Swift source,
/// so the `journey` binary carries its bundled course wherever it is copied.
@main
struct EmbedCourse: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let content = context.package.directoryURL.appending(path: "Content")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        let files = (FileManager.default.enumerator(atPath: content.path)?.allObjects as? [String] ?? [])
            .filter { !isDirectory(content.appending(path: $0)) }
            .sorted()
        return [
            .buildCommand(
                displayName: "Embedding the bundled course from Content/",
                executable: try context.tool(named: "EmbedCourseTool").url,
                arguments: [content.path, output.path] + files,
                inputFiles: files.map { content.appending(path: $0) },
                outputFiles: [output]
            ),
        ]
    }

    private func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }
}
