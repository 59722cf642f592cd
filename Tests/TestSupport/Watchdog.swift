import Foundation

/// Runs work that must finish, on a thread of its own, and waits at most `seconds` for it: a hostile
/// input that would hang fails its test instead of the whole run. Not a timing assertion: the limit is
/// many times what the work needs.
public enum Watchdog {
    public static func run<T: Sendable>(seconds: Double = 60, _ work: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        return done.wait(timeout: .now() + seconds) == .success ? box.value : nil
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
