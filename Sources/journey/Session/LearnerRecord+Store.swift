import Foundation
import JourneyStore
import JourneyUI

extension LearnerRecord {
    /// What the store keeps for a course, as the player shows it. Drafts found at start belong to
    /// earlier sessions.
    init(_ record: CourseData) {
        self.init(answers: record.answers.mapValues(Answer.init),
                  drafts: record.drafts.mapValues { Draft(text: $0.text, owner: $0.session) },
                  ticks: record.ticks,
                  read: record.read,
                  position: record.position.map {
                      ReadingPosition(lessonID: $0.lessonID, block: $0.block, fraction: $0.fraction)
                  })
    }
}

extension LearnerRecord.Answer {
    init(_ record: AnswerRecord) {
        self.init(text: record.text, saved: DateLabel.text(record.savedAt))
    }
}
