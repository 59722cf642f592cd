import Glibc
import JourneyUI

extension WallTime {
    /// Now, on the local clock (TZ and the system's zone).
    public static var current: WallTime {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        localtime_r(&seconds, &parts)
        return WallTime(hour: Int(parts.tm_hour), minute: Int(parts.tm_min),
                        secondsSince1970: Double(now.tv_sec) + Double(now.tv_nsec) / 1e9)
    }
}
