import PolicyModel
import PolicyCompiler

/// A region written with terms as well as facts: for some terms the values allowed
/// (`服务对象类别为无偿服务`, `享受政府购买服务由否变为是`), and constraints on facts. Its persons
/// are those of `facts` for whom every constrained term takes an allowed value.
package struct TermRegion: Hashable, Sendable {
    /// Allowed values per term (index into the vocabulary), as a bit set; a term not
    /// named may take any value.
    package var terms: [Int: UInt64]
    package var facts: Region

    package init(terms: [Int: UInt64] = [:], facts: Region) {
        self.terms = terms
        self.facts = facts
    }

    /// The constrained terms, in the vocabulary's order.
    package var termIndices: [Int] { terms.keys.sorted() }

    /// The number of constraints, terms and facts.
    package var size: Int { terms.count + facts.domains.count }
}

/// The terms a diff's regions may use, with the fact regions of each term's allowed values
/// worked out once.
package final class TermVocabulary {
    package let space: FactSpace
    package let terms: [RegionTerm]
    var unions: [Int: [UInt64: [Region]]] = [:]
    var meanings: [TermRegion: [Region]] = [:]

    package init(space: FactSpace, terms: [RegionTerm]) {
        self.space = space
        self.terms = terms
    }

    /// A bit set of every value of term `index`.
    package func all(_ index: Int) -> UInt64 {
        let count = terms[index].values.count
        return count >= 64 ? .max : (UInt64(1) << UInt64(count)) - 1
    }

    /// The persons for whom term `index` takes a value of `mask`, as disjoint regions.
    package func regions(_ index: Int, _ mask: UInt64) -> [Region] {
        if let known = unions[index]?[mask] { return known }
        var result: [Region] = []
        for value in terms[index].regions.indices where mask & (UInt64(1) << UInt64(value)) != 0 {
            result += terms[index].regions[value]
        }
        result = RegionMerger.merge(result, in: space)
        unions[index, default: [:]][mask] = result
        return result
    }

    /// The persons of a described region, as fact regions (disjoint when `facts` is one region).
    package func meaning(_ region: TermRegion) -> [Region] {
        if let known = meanings[region] { return known }
        let result = computeMeaning(region)
        meanings[region] = result
        return result
    }

    func computeMeaning(_ region: TermRegion) -> [Region] {
        var result = [region.facts]
        for index in region.termIndices {
            let allowed = regions(index, region.terms[index]!)
            result = result.flatMap { part in allowed.compactMap { part.intersection($0, in: space) } }
            if result.isEmpty { return [] }
        }
        return result
    }

    /// The persons of `meaning` (the persons of a region) for whom term `index` takes a value of `mask`.
    package func restrict(_ meaning: [Region], _ index: Int, _ mask: UInt64) -> [Region] {
        let allowed = regions(index, mask)
        return meaning.flatMap { part in allowed.compactMap { part.intersection($0, in: space) } }
    }

    /// Whether every person of `region` is in `target`.
    package func isInside(_ region: TermRegion, _ target: [Region]) -> Bool {
        meaning(region).allSatisfy { RegionCover.covered($0, by: target, in: space) }
    }
}
