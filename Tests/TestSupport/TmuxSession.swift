import Foundation

/// A real terminal for end-to-end tests: a private tmux server running one command in one pane.
/// The command runs in `sh`, which prints `[exit N]` when it ends so tests can read the status, and which
/// outlives Ctrl-C and Ctrl-\ as an interactive shell does.
public final class TmuxSession {
    public struct Timeout: Error, CustomStringConvertible {
        public var description: String
    }

    private let socket = "journey-test-\(UUID().uuidString)"
    /// The terminal's whole environment: nothing leaks in from the test runner (which sets NO_COLOR).
    private let environment: [String]

    /// The learner's data folder the player uses (`JOURNEY_DATA_DIR`), private to the session unless given.
    public let dataDirectory: String
    private let ownsDataDirectory: Bool

    /// Starts `command` (already shell-quoted) in a `columns` x `rows` terminal with `environment` set.
    public init(columns: Int = 80, rows: Int = 24, command: String, environment: [String: String] = [:],
                dataDirectory: String? = nil) throws {
        ownsDataDirectory = dataDirectory == nil
        self.dataDirectory = dataDirectory
            ?? FileManager.default.temporaryDirectory.appending(path: "journey-data-\(UUID().uuidString)").path
        let inherited = ProcessInfo.processInfo.environment.filter { ["PATH", "HOME", "TMPDIR"].contains($0.key) }
        let variables = inherited.merging(["LANG": "C.UTF-8", "TERM": "xterm-256color",
                                           "JOURNEY_DATA_DIR": self.dataDirectory,
                                           "JOURNEY_CACHE_DIR": self.dataDirectory + "-cache"]) { $1 }.merging(environment) { $1 }
        self.environment = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-s", "main"]
            + self.environment.flatMap { ["-e", $0] }
            + ["sh -c 'trap : INT QUIT; \(command); echo \"[exit $?]\"; exec sleep 600'"])
    }

    /// The shell-quoted path of the built program, for commands.
    public static var journey: String { "'\(BuiltProgram.path)'" }

    public func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    /// Types text literally, key by key.
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", text])
    }

    /// Pastes text as a terminal does when the program asked for bracketed paste. The text goes through a
    /// file: a command-line argument holds at most 128 KiB.
    public func paste(_ text: String) throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "\(socket)-paste-\(UUID().uuidString)")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try tmux(["load-buffer", "-b", "journey-test", file.path])
        try tmux(["paste-buffer", "-p", "-d", "-b", "journey-test", "-t", "main"])
    }

    /// The process id of the program the pane's shell started (the player).
    public func programPID() throws -> pid_t {
        let shell = try query("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        guard let pid = children.split(separator: " ").first.flatMap({ pid_t($0) }) else {
            throw Timeout(description: "no program running under the pane's shell \(shell)")
        }
        return pid
    }

    /// Ends the tmux server, closing the terminal as a dropped connection does.
    public func closeTerminal() throws {
        try tmux(["kill-server"])
    }

    public func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// The visible screen as text; with `escapes`, with the SGR sequences that style it.
    public func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", "main"])
    }

    /// A tmux format for the pane, such as `#{alternate_on}`.
    public func query(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `predicate` holds, and returns it; fails after `seconds`.
    @discardableResult
    public func waitFor(_ what: String, seconds: Double = 15, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(20_000)
        }
        throw Timeout(description: "timed out waiting for \(what); the screen was:\n\(last)")
    }

    /// Polls until the screen shows `text`.
    @discardableResult
    public func waitFor(_ text: String, seconds: Double = 15) throws -> String {
        try waitFor("'\(text)'", seconds: seconds) { $0.contains(text) }
    }

    /// Waits for the command to end and returns its exit status.
    public func exitStatus() throws -> Int {
        let screen = try waitFor("the program to exit") { $0.contains("[exit ") }
        let tail = screen.components(separatedBy: "[exit ").last ?? ""
        return Int(tail.prefix { $0.isNumber }) ?? -1
    }

    /// Runs tmux and returns what it printed. Spawned directly and reaped with `waitpid`: the first call
    /// starts a tmux server, which keeps any pipe open and confused `Process` into never reaping it.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appending(path: "\(socket)-\(UUID().uuidString).out").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // A clean signal state: a test runner's worker thread blocks signals, and tmux would pass that on.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, envp) == 0 else {
            throw Timeout(description: "could not start tmux")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    deinit {
        _ = try? tmux(["kill-server"])
        if ownsDataDirectory { try? FileManager.default.removeItem(atPath: dataDirectory) }
        try? FileManager.default.removeItem(atPath: dataDirectory + "-cache")
    }
}
