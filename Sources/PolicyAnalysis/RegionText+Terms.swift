import PolicyModel
import PolicyCompiler

extension RegionText {
    /// A region written with terms: other decisions first (`服务对象类别为无偿服务`, a decision
    /// that changes as `享受政府购买服务由否变为是`), then facts, then derived facts (`空巢老人`).
    package func describe(_ region: TermRegion, _ vocabulary: TermVocabulary) -> String {
        var decisions: [String] = [], definitions: [String] = []
        let indices = region.termIndices
        var done = Set<Int>()
        for index in indices where !done.contains(index) {
            let term = vocabulary.terms[index], mask = region.terms[index]!
            if case .definition = term.source {
                definitions.append(phrase(term, mask))
                continue
            }
            // The old and new values of one decision, when both are one value, read as a change.
            if let partner = indices.first(where: { term.pairs(with: vocabulary.terms[$0]) }), let other = region.terms[partner],
               mask.nonzeroBitCount == 1, other.nonzeroBitCount == 1 {
                let partnerTerm = vocabulary.terms[partner]
                let a = mask.trailingZeroBitCount, b = other.trailingZeroBitCount
                if term.values[a] == partnerTerm.values[b] {
                    decisions.append(phrase(term, mask, side: .both) + (useLabels ? "（新旧政策相同）" : " in both"))
                } else {
                    decisions.append(useLabels ? "\(term.label)由\(term.valueLabel(a))变为\(partnerTerm.valueLabel(b))"
                                               : "\(term.name): \(term.valueCode(a)) → \(partnerTerm.valueCode(b))")
                }
                done.insert(partner)
                continue
            }
            decisions.append(phrase(term, mask))
        }
        let facts = region.facts.subjects(in: space).map { describe($0, region.facts.domains[$0]!) }
        let parts = decisions + facts + definitions
        if parts.isEmpty { return useLabels ? "所有人" : "everyone" }
        return parts.joined(separator: useLabels ? "，" : ", ")
    }

    /// One term with its allowed values: `空巢老人`, `三无老人：否`, `服务对象类别为无偿服务、低偿服务之一`,
    /// `原政策下享受政府购买服务：否`.
    package func phrase(_ term: RegionTerm, _ mask: UInt64, side written: RegionTerm.Side? = nil) -> String {
        let inside = term.values.indices.filter { mask & (UInt64(1) << UInt64($0)) != 0 }
        let outside = term.values.indices.filter { mask & (UInt64(1) << UInt64($0)) == 0 }
        let side: String
        switch written ?? term.side {
        case .both: side = ""
        case .old: side = useLabels ? "原政策下" : "old "
        case .new: side = useLabels ? "新政策下" : "new "
        }
        if term.type == .bool, inside.count == 1, case .bool(let flag) = term.values[inside[0]] {
            if useLabels { return side + (flag ? term.label : term.label + "：否") }
            return flag ? side + term.name : "not " + side + term.name
        }
        let name = side + (useLabels ? term.label : term.name)
        func value(_ index: Int) -> String { useLabels ? term.valueLabel(index) : term.valueCode(index) }
        if inside.count == 1 { return useLabels ? "\(name)为\(value(inside[0]))" : "\(name) = \(value(inside[0]))" }
        if outside.count == 1 { return useLabels ? "\(name)不为\(value(outside[0]))" : "\(name) ≠ \(value(outside[0]))" }
        let list = inside.map(value)
        return useLabels ? "\(name)为\(list.joined(separator: "、"))之一" : "\(name) in {\(list.joined(separator: ", "))}"
    }
}
