/// Finds the known name closest to a misspelt one, for `did you mean …?` help.
package enum NameSuggestion {
    /// The closest candidate within a small edit distance, or nil.
    package static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if distance <= max(2, target.count / 3), distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Help naming the closest candidate, or listing the candidates when there are few.
    package static func help(for name: String, in candidates: [String], kind: Suggestion.NameKind) -> Suggestion? {
        if let match = closest(to: name, in: candidates) { return .didYouMean(match) }
        if candidates.isEmpty { return nil }
        if candidates.count <= 12 { return .candidates(kind, candidates) }
        return nil
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
