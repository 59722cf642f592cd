// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Journey",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "journey", targets: ["journey"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // md4c, the CommonMark parser (Debian: libmd4c-dev). Only JourneyKit's converter imports it.
        .systemLibrary(name: "CMd4c", path: "Sources/CMd4c"),
        // Content engine: course files -> document model + diagnostics. No terminal code.
        .target(name: "JourneyKit", dependencies: ["CMd4c", .product(name: "Yams", package: "Yams")]),
        // Layout engine: (document, width) -> styled lines with semantic roles. Pure.
        .target(name: "JourneyLayout", dependencies: ["JourneyKit"]),
        // The bundled course, embedded into the binary from the top-level Content/ folder at build time.
        .target(name: "BundledCourse", plugins: ["EmbedCourse"]),
        .executableTarget(name: "EmbedCourseTool", path: "Sources/EmbedCourseTool"),
        .plugin(name: "EmbedCourse", capability: .buildTool(), dependencies: ["EmbedCourseTool"]),
        // The learner's answers, drafts, ticks and progress: SQLite through GRDB. Knows nothing of courses.
        .target(name: "JourneyStore", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        // Terminal size (ioctl is variadic, so Swift cannot call it), signal flags, crash-time restore.
        .target(name: "CTerminal"),
        // ncursesw, wide-character API (system library; only JourneyTerminal imports it).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Local (Unix) sockets: sockaddr_un and SO_PEERCRED are awkward from Swift.
        .target(name: "CUnixSocket"),
        // The player's pure core: state, messages, update(), render() to a frame of cells.
        .target(name: "JourneyUI", dependencies: ["JourneyKit", "JourneyLayout"]),
        // The thin ncurses backend: draws frames, turns keys into messages.
        .target(name: "JourneyTerminal", dependencies: ["JourneyUI", "CNcursesw", "CTerminal"]),
        // Sharing a presentation with followers on the same host over a Unix socket (present --share, follow, notes).
        .target(name: "JourneyShare", dependencies: ["JourneyUI", "JourneyLayout", "CUnixSocket", "CTerminal"]),
        // The command-line program.
        .executableTarget(
            name: "journey",
            dependencies: [
                "JourneyKit", "JourneyLayout", "JourneyUI", "JourneyTerminal", "JourneyStore", "JourneyShare", "BundledCourse",
                "CTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer harness over loading, layout and the player (scripts/fuzz).
        .executableTarget(name: "FuzzCourse", dependencies: ["TestSupport"]),
        // Golden files and temporary course folders, shared by the test targets.
        .target(name: "TestSupport", dependencies: ["JourneyKit", "JourneyLayout", "JourneyUI"], path: "Tests/TestSupport"),
        .testTarget(name: "JourneyKitTests", dependencies: ["JourneyKit", "BundledCourse", "TestSupport"],
                    exclude: ["Fixtures", "Goldens"]),
        .testTarget(name: "JourneyLayoutTests", dependencies: ["JourneyLayout", "TestSupport"],
                    exclude: ["Fixtures", "Goldens"]),
        .testTarget(name: "JourneyUITests", dependencies: ["JourneyUI", "BundledCourse", "TestSupport"],
                    exclude: ["Fixtures", "Goldens"]),
        .testTarget(name: "JourneyStoreTests", dependencies: ["JourneyStore", "TestSupport",
                                                             .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "JourneyShareTests", dependencies: ["JourneyShare", "CUnixSocket", "TestSupport"]),
        .testTarget(name: "JourneyCLITests", dependencies: ["journey", "JourneyStore", "TestSupport",
                                                            .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
