import JourneyUI

extension Player {
    /// Updates with `message`, then delivers the message of each `.then` effect at once, as the run loop
    /// does when no key is waiting; returns the other effects.
    public mutating func updateFollowingThen(_ message: Message) -> [Effect] {
        var pending = [message]
        var effects: [Effect] = []
        while !pending.isEmpty {
            for effect in update(pending.removeFirst()) {
                if case .then(let next) = effect { pending.append(next) } else { effects.append(effect) }
            }
        }
        return effects
    }
}
