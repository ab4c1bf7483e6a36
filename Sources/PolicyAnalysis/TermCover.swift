import PolicyModel
import PolicyCompiler

/// The fewest, highest-level regions that together hold exactly a set of persons (where a
/// decision goes from one value to another). Each region starts as one cell of the set: a
/// fact region and one value of every term there. It then loses every fact constraint the
/// terms make unnecessary (`有子女在本区居住：否` once `空巢老人` is there), then every
/// term it does not need, farthest first, or takes more of a term's values. Regions another
/// region already covers are left out, and regions that differ in one constraint joined.
///
/// Every region is checked to lie inside the set, and every cell of the set lies in one
/// region, so the regions together are exactly the set; they may overlap.
///
/// For Anqing with the hourly rate raised, the persons whose `monthly_subsidy_cny` goes
/// from 160.00 to 200.00 are one region, `每月政府购买服务小时数为20`.
package enum TermCover {
    /// The most cells one fact region is cut into; past it, later terms are left unassigned.
    static let maximumCells = 512

    package static func cover(_ target: [Region], with vocabulary: TermVocabulary) -> [TermRegion] {
        let space = vocabulary.space
        guard !target.isEmpty else { return [] }
        var grown: [TermRegion] = []
        var reached: [Region] = []
        for region in RegionMerger.merge(target, in: space) {
            for (seed, persons) in cells(of: region, vocabulary) {
                if !reached.isEmpty, persons.allSatisfy({ RegionCover.covered($0, by: reached, in: space) }) { continue }
                let region = grow(seed, within: target, vocabulary)
                grown.append(region)
                reached += vocabulary.meaning(region)
            }
        }
        return merged(pruned(grown, vocabulary), vocabulary)
    }

    /// The region cut by the value of every term, leaving out empty cells; each cell with its persons.
    static func cells(of region: Region, _ vocabulary: TermVocabulary) -> [(TermRegion, [Region])] {
        var cells = [(TermRegion(facts: region), [region])]
        for index in vocabulary.terms.indices {
            var next: [(TermRegion, [Region])] = []
            for (cell, persons) in cells {
                for value in vocabulary.terms[index].values.indices {
                    let bit = UInt64(1) << UInt64(value)
                    let part = vocabulary.restrict(persons, index, bit)
                    if part.isEmpty { continue }
                    var described = cell
                    described.terms[index] = bit
                    next.append((described, part))
                }
            }
            if next.count > maximumCells { break }
            cells = next
        }
        return cells
    }

    /// The cell grown as far as it stays inside `target`: facts first, then terms farthest first.
    static func grow(_ cell: TermRegion, within target: [Region], _ vocabulary: TermVocabulary) -> TermRegion {
        let space = vocabulary.space
        var current = cell
        for subject in cell.facts.subjects(in: space) {
            for candidate in RegionCover.loosened(current.facts, subject, in: space) {
                var next = current
                next.facts = candidate
                if vocabulary.isInside(next, target) {
                    current = next
                    break
                }
            }
        }
        for index in cell.termIndices.reversed() {
            var next = current
            next.terms[index] = nil
            if vocabulary.isInside(next, target) {
                current = next
                continue
            }
            for value in vocabulary.terms[index].values.indices {
                let bit = UInt64(1) << UInt64(value)
                guard let mask = current.terms[index], mask & bit == 0 else { continue }
                var wider = current
                wider.terms[index] = mask | bit
                if vocabulary.isInside(wider, target) { current = wider }
            }
            if current.terms[index] == vocabulary.all(index) { current.terms[index] = nil }
        }
        return trimmed(current, vocabulary)
    }

    /// Without the values of a term no person of the region takes (a value taken in only to
    /// try dropping the term reads as noise: `无偿服务、不属于服务对象之一`).
    static func trimmed(_ region: TermRegion, _ vocabulary: TermVocabulary) -> TermRegion {
        var result = region
        for index in region.termIndices {
            guard let mask = result.terms[index], mask.nonzeroBitCount > 1 else { continue }
            var kept = mask
            for value in vocabulary.terms[index].values.indices where mask & (UInt64(1) << UInt64(value)) != 0 {
                var single = result
                single.terms[index] = UInt64(1) << UInt64(value)
                if vocabulary.meaning(single).isEmpty { kept &= ~(UInt64(1) << UInt64(value)) }
            }
            if kept != 0 { result.terms[index] = kept }
        }
        return result
    }

    /// Without the regions the others already cover (the ones with most constraints go first).
    static func pruned(_ regions: [TermRegion], _ vocabulary: TermVocabulary) -> [TermRegion] {
        var cover = sorted(Array(Set(regions)), vocabulary)
        var index = cover.count - 1
        while index >= 0, cover.count > 1 {
            var others = cover
            others.remove(at: index)
            let rest = others.flatMap(vocabulary.meaning)
            if vocabulary.meaning(cover[index]).allSatisfy({ RegionCover.covered($0, by: rest, in: vocabulary.space) }) { cover.remove(at: index) }
            index -= 1
        }
        return cover
    }

    /// Regions that differ in one term's values or one fact's domain, joined while any do.
    static func merged(_ regions: [TermRegion], _ vocabulary: TermVocabulary) -> [TermRegion] {
        var regions = regions
        var changed = true
        while changed {
            changed = false
            search: for i in regions.indices {
                for j in regions.indices where j > i {
                    if let joined = join(regions[i], regions[j], vocabulary) {
                        regions[i] = joined
                        regions.remove(at: j)
                        changed = true
                        break search
                    }
                }
            }
        }
        return sorted(regions, vocabulary)
    }

    /// One region holding exactly the persons of both, when they differ in one constraint.
    static func join(_ a: TermRegion, _ b: TermRegion, _ vocabulary: TermVocabulary) -> TermRegion? {
        if a.facts == b.facts {
            let differing = Set(a.terms.keys).union(b.terms.keys).filter { a.terms[$0] != b.terms[$0] }
            guard differing.count == 1, let index = differing.first, let x = a.terms[index], let y = b.terms[index] else { return nil }
            var joined = a
            joined.terms[index] = x | y == vocabulary.all(index) ? nil : x | y
            return joined
        }
        guard a.terms == b.terms, let facts = RegionMerger.join(a.facts, b.facts, in: vocabulary.space) else { return nil }
        return TermRegion(terms: a.terms, facts: facts)
    }

    /// Fewest constraints first, then in a fixed order, so that the same policies always print the same way.
    static func sorted(_ regions: [TermRegion], _ vocabulary: TermVocabulary) -> [TermRegion] {
        regions.map { region -> ((Int, String), TermRegion) in
            let terms = region.termIndices.map { "\($0):\(region.terms[$0]!)" }.joined(separator: ",")
            return ((region.size, terms + "|" + RegionMerger.describe(region.facts, vocabulary.space)), region)
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
