import Glibc
import JourneyUI

extension TimeOfDay {
    /// Now, on the local clock (TZ and the system's zone).
    public static var current: TimeOfDay {
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return TimeOfDay(hour: Int(parts.tm_hour), minute: Int(parts.tm_min))
    }
}
