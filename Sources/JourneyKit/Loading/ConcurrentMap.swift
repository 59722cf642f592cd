import Dispatch

extension Array {
    /// `transform` of each element, in order, computed on every core at once (`when` it is worth it).
    /// For work that shares nothing mutable: converting a course's files.
    func concurrentMap<Result>(when worthIt: Bool, _ transform: (Element) -> Result) -> [Result] {
        guard worthIt else { return map(transform) }
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
