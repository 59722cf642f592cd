import Foundation

/// Dates as the learner reads them: `28 Nov 2026 at 21:51`, in local time.
enum DateLabel {
    static func text(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .abbreviated, time: .shortened, locale: Locale(identifier: "en_GB")))
    }
}
