import JourneyKit

/// Where a presenter is, as `journey present --share` tells those who follow: the course and lesson by
/// id (titles only for messages), and the place in the lesson, which means the same text at any width.
public struct SharedPosition: Codable, Equatable, Sendable {
    public var course: String
    public var courseTitle: String
    public var lesson: String
    public var lessonTitle: String
    public var block: Int
    public var fraction: Double
    /// When the presenter reached this lesson, in seconds since 1970 by the host's clock (for the notes).
    public var lessonStarted: Double?

    public init(course: String, courseTitle: String, lesson: String, lessonTitle: String, block: Int, fraction: Double,
                lessonStarted: Double? = nil) {
        self.course = course
        self.courseTitle = courseTitle
        self.lesson = lesson
        self.lessonTitle = lessonTitle
        self.block = block
        self.fraction = fraction
        self.lessonStarted = lessonStarted
    }

    /// Within what a course can hold (ids and titles as the loader bounds them, a place inside a lesson):
    /// a position that is not is rejected as it arrives.
    public var isWellFormed: Bool {
        [course, lesson].allSatisfy { !$0.isEmpty && $0.count <= 100 }
            && [courseTitle, lessonTitle].allSatisfy { $0.count <= 200 }
            && (0...1_000_000).contains(block) && fraction.isFinite && (0...1).contains(fraction)
            && (lessonStarted.map { $0.isFinite && $0 >= 0 } ?? true)
    }
}

/// What reaches a follower about the presenter it follows.
public enum PresenterNews: Equatable, Sendable {
    /// Nobody presents there (yet, or any more): the follower keeps trying.
    case waiting
    case position(SharedPosition)
    /// Not followed, and why, worded for the learner: the presenter said no, or what listens is not theirs.
    case refused(String)
}

/// Following a presenter (`journey follow`, `journey notes`): who, how the link stands, where they are,
/// and whether the learner stepped away to read on their own.
public struct Following: Equatable, Sendable {
    public enum Link: Equatable, Sendable { case waiting, live, lost, refused, otherCourse }

    /// The presenter's user name, as shown.
    public let presenter: String
    public internal(set) var link = Link.waiting
    public internal(set) var position: SharedPosition?
    public internal(set) var steppedAway = false
    /// Said when nobody presents yet, such as how to follow someone else.
    let whileWaiting: String?
    /// The last thing told, so that it is not told again with every position.
    var told: String?

    public init(presenter: String, whileWaiting: String? = nil) {
        self.presenter = presenter
        self.whileWaiting = whileWaiting
    }

    /// `with alice`: the footer's word on the link.
    var status: String {
        let name = presenter.count > 16 ? String(presenter.prefix(15)) + "…" : presenter
        return switch link {
        case .live: steppedAway ? "away from \(name)" : "with \(name)"
        case .waiting: "waiting for \(name)"
        case .lost: "\(name) stopped; waiting"
        case .refused, .otherCourse: "not following"
        }
    }
}

extension Context {
    /// Takes in what came from the presenter; returns anything the learner should be told.
    mutating func hear(_ news: PresenterNews) -> String? {
        guard var following else { return nil }
        defer { self.following = following }
        switch news {
        case .waiting:
            let stopped = following.link == .live
            let first = following.link == .waiting && following.told == nil
            following.link = stopped || following.link == .lost ? .lost : .waiting
            if stopped { return following.once("\(following.presenter) stopped presenting; waiting for them to come back.") }
            return first ? following.whileWaiting.flatMap { following.once($0) } : nil
        case .refused(let reason):
            following.link = .refused
            return following.once(reason)
        case .position(let position):
            following.position = position
            guard position.course == course.id else {
                following.link = .otherCourse
                return following.once("\(following.presenter) is presenting “\(position.courseTitle)”, "
                    + "not “\(course.title)”: to follow, open the same course.")
            }
            following.link = .live
            return following.steppedAway ? nil : showPresentersPlace(&following)
        }
    }

    /// `f`: steps away from the presenter, or back to where they are now.
    mutating func toggleFollowing() -> String? {
        guard var following else { return nil }
        defer { self.following = following }
        following.steppedAway.toggle()
        following.told = nil
        if following.steppedAway { return "Stepped away; f goes back to \(following.presenter)." }
        return showPresentersPlace(&following) ?? "Following \(following.presenter) again."
    }

    /// After the learner's own key: one that took them from `before` to another lesson than the
    /// presenter's steps away from them.
    mutating func stepAway(ifMovedFrom before: Int) -> String? {
        guard var following, following.link == .live, !following.steppedAway, reader.lesson != before,
              let position = following.position, position.lesson != lesson.id else { return nil }
        following.steppedAway = true
        self.following = following
        return "Stepped away; f goes back to \(following.presenter)."
    }

    /// Shows the lesson and place the presenter is on, or says this copy of the course lacks it.
    private mutating func showPresentersPlace(_ following: inout Following) -> String? {
        guard let position = following.position else { return nil }
        guard let index = lessons.firstIndex(where: { $0.id == position.lesson }) else {
            return following.once("\(following.presenter) is on “\(position.lessonTitle)”, a lesson "
                + "your copy of the course does not have; you stay here.")
        }
        following.told = nil
        let place = Reader.Place(block: position.block, fraction: position.fraction)
        if index == reader.lesson {
            reader.move(to: place)
        } else {
            go(toLesson: index, at: place)
        }
        return nil
    }
}

private extension Following {
    /// The text, unless it was the last thing told.
    mutating func once(_ text: String) -> String? {
        guard text != told else { return nil }
        told = text
        return text
    }
}
