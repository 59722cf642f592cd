extension StringProtocol {
    /// The text without the spaces and tabs at either end, as `trimmingCharacters(in: .whitespaces)`
    /// gives it but without Foundation's character sets, which load ICU's data on first use.
    public var trimmingSpaces: String {
        let isSpace = { (scalar: Unicode.Scalar) in scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
