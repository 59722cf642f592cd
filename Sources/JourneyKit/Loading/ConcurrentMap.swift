import Dispatch

extension Array {
    /// `transform` of each element, in order, computed on every core at once. For work that shares
    /// nothing mutable: reading and converting a course's files.
    func concurrentMap<Result>(_ transform: (Element) -> Result) -> [Result] {
        let results = UnsafeMutableBufferPointer<Result>.allocate(capacity: count)
        defer { results.deallocate() }
        nonisolated(unsafe) let (slots, elements, transform) = (results, self, transform)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            (slots.baseAddress! + index).initialize(to: transform(elements[index]))
        }
        let made = Array<Result>(results)
        _ = results.deinitialize()
        return made
    }
}
