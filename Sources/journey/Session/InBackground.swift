import Foundation

/// A value worked out on a thread of its own from the moment it is made, waited for when it is taken.
final class InBackground<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the thread, read only after `done` is signalled.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            result = work()
            done.signal()
        }
    }

    /// The value, once: this object keeps nothing of it afterwards (a store it opened closes when
    /// whoever took it lets it go).
    func take() -> Value? {
        done.wait()
        defer { result = nil }
        return result
    }
}
