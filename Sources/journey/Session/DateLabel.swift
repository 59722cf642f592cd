import Foundation

/// Dates as the learner reads them, in local time (`28 Nov 2026 at 21:51`), and as scripts read them
/// (ISO 8601 in UTC). Formatted from the calendar fields directly: the same text on every machine and
/// locale, and fast enough for ten thousand answers in an export.
enum DateLabel {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func text(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var local = tm()
        localtime_r(&seconds, &local)
        return "\(local.tm_mday) \(months[Int(local.tm_mon)]) \(1900 + local.tm_year) at "
            + "\(twoDigits(local.tm_hour)):\(twoDigits(local.tm_min))"
    }

    static func iso8601(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var utc = tm()
        gmtime_r(&seconds, &utc)
        return "\(1900 + utc.tm_year)-\(twoDigits(utc.tm_mon + 1))-\(twoDigits(utc.tm_mday))T"
            + "\(twoDigits(utc.tm_hour)):\(twoDigits(utc.tm_min)):\(twoDigits(utc.tm_sec))Z"
    }

    private static func twoDigits(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
