import PolicyModel

/// Two parameters that always have the same value and cite the same text of the source,
/// but are not linked (`same_as:`): an edit to one would leave the other behind, as when
/// the hourly rate is raised and the voucher settlement rate, which the same sentence
/// sets, stays at the old figure.
package enum UnlinkedParameters {
    package static func find(in policy: CheckedPolicy) -> [PolicyFinding] {
        let parameters = policy.parameters
        let indexByName = Dictionary(parameters.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let roots = parameters.indices.map { ParameterLinks.root(of: $0, in: parameters, indexByName: indexByName) ?? $0 }
        var findings: [PolicyFinding] = []
        var reported = Set<Int>()
        for later in parameters.indices where !reported.contains(later) {
            for earlier in 0..<later where roots[earlier] != roots[later] && !reported.contains(earlier) {
                let first = parameters[earlier], second = parameters[later]
                guard first.type == second.type, sameTimeline(first, second), let quote = sharedCitation(first, second) else { continue }
                reported.insert(later)
                findings.append(PolicyFinding(kind: .unlinkedParameters, diagnostic: .finding(.note,
                    .unlinkedParameters(first.name, second.name, quote: quote),
                    at: second.span,
                    help: .linkWithSameAs(first.name, under: second.name)),
                    name: second.name))
                break
            }
        }
        return findings
    }

    /// Whether both have the same values from the same dates.
    static func sameTimeline(_ a: ParameterDeclaration, _ b: ParameterDeclaration) -> Bool {
        a.timeline.count == b.timeline.count && zip(a.timeline, b.timeline).allSatisfy { $0.from == $1.from && $0.value == $1.value }
    }

    /// A passage both cite: a quotation (`"…"`, `“…”`, `「…」`) found in both's sources, or
    /// the same whole source text.
    static func sharedCitation(_ a: ParameterDeclaration, _ b: ParameterDeclaration) -> String? {
        let first = sources(a), second = sources(b)
        if let same = first.first(where: { second.contains($0) }) { return "`\(same)`" }
        let quotes = Set(second.flatMap(quotations))
        return first.flatMap(quotations).first { quotes.contains($0) }.map { "“\($0)”" }
    }

    static func sources(_ parameter: ParameterDeclaration) -> [String] {
        ([parameter.provenance.source] + parameter.timeline.map(\.provenance.source)).compactMap { $0 }
    }

    /// The quoted passages of a citation, at least two characters long.
    package static func quotations(_ text: String) -> [String] {
        let pairs: [Character: Character] = ["\"": "\"", "“": "”", "「": "」", "『": "』"]
        var passages: [String] = []
        var closing: Character?
        var current = ""
        for character in text {
            if let end = closing {
                if character == end {
                    if current.count >= 2 { passages.append(current) }
                    closing = nil
                    current = ""
                } else {
                    current.append(character)
                }
            } else if let end = pairs[character] {
                closing = end
            }
        }
        return passages
    }
}
