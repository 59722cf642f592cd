import JourneyKit

/// How far a learner is through a course: lessons read, prompts answered, items ticked, counted from
/// the course and their record. The footer, the contents, the reflections and `journey progress` all
/// count this way.
public struct CourseProgress: Sendable {
    public struct Count: Equatable, Sendable {
        public var done: Int
        public var total: Int

        public var percent: Int { done * 100 / max(1, total) }
    }

    private let learner: LearnerRecord

    public init(_ learner: LearnerRecord) {
        self.learner = learner
    }

    public func isRead(_ lesson: Lesson) -> Bool { learner.read.contains(lesson.id) }

    public func read(_ lessons: [Lesson]) -> Count {
        Count(done: lessons.filter(isRead).count, total: lessons.count)
    }

    public func answered(_ lessons: [Lesson]) -> Count {
        let prompts = lessons.flatMap(\.prompts)
        return Count(done: prompts.filter { learner.answers[$0.id] != nil }.count, total: prompts.count)
    }

    public func ticked(_ lessons: [Lesson]) -> Count {
        let items = lessons.flatMap(\.checklistItems)
        return Count(done: items.filter { learner.ticks[$0.id] ?? $0.checkedByAuthor }.count, total: items.count)
    }
}
