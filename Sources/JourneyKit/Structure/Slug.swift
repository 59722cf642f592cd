/// Ids made from titles: lower case, letters and digits of any script kept, everything else collapsed to `-`,
/// at most `maximumLength` characters.
public enum Slug {
    public static let maximumLength = 64

    public static func make(_ title: String, fallback: String) -> String {
        var slug = ""
        var length = 0
        var pendingDash = false
        for scalar in title.prefix(maximumLength * 4).lowercased().unicodeScalars {
            let keep = scalar.isASCII ? ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || scalar.properties.generalCategory == .nonspacingMark && length > 0
            guard keep else {
                pendingDash = true
                continue
            }
            let dash = pendingDash && length > 0
            guard length + (dash ? 2 : 1) <= maximumLength else { break }
            if dash { slug += "-" }
            slug.unicodeScalars.append(scalar)
            length += dash ? 2 : 1
            pendingDash = false
        }
        return slug.isEmpty ? fallback : slug
    }
}

/// Hands out ids unique within one namespace: explicit ids are reserved first, generated ones avoid them.
struct IDAllocator {
    private var taken: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    /// Claims an explicit id; false when it is already taken.
    mutating func reserve(_ id: String) -> Bool {
        taken.insert(id).inserted
    }

    /// `base` if free, else `base-2`, `base-3`, ...
    mutating func unique(_ base: String) -> String {
        if taken.insert(base).inserted { return base }
        var suffix = nextSuffix[base, default: 2]
        while !taken.insert("\(base)-\(suffix)").inserted { suffix += 1 }
        nextSuffix[base] = suffix + 1
        return "\(base)-\(suffix)"
    }
}
