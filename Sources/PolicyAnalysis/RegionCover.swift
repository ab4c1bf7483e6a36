import PolicyModel
import PolicyCompiler

/// A readable description of a set of persons given as disjoint regions (the leaves of
/// decision trees cut it finely): regions grown as far as the set allows, then those
/// the others already cover left out. The regions may overlap; together they are the set.
///
/// For Anqing's hourly rate change the 40 tree regions where `monthly_subsidy_cny` goes
/// from 160.00 to 200.00 become five: one per way of being a 无偿 object eligible for
/// the government purchase.
package enum RegionCover {
    package static func simplify(_ regions: [Region], in space: FactSpace) -> [Region] {
        let target = RegionMerger.merge(regions, in: space)
        var cover = target
        for index in cover.indices {
            cover[index] = grown(cover[index], within: target, in: space)
        }
        cover = Array(Set(cover))
        cover.sort { ($0.domains.count, RegionMerger.describe($0, space)) < ($1.domains.count, RegionMerger.describe($1, space)) }
        var index = cover.count - 1
        while index >= 0 {
            var others = cover
            others.remove(at: index)
            if !others.isEmpty, covered(cover[index], by: others, in: space) { cover.remove(at: index) }
            index -= 1
        }
        return RegionMerger.merge(cover, in: space)
    }

    /// The region with each constraint dropped or loosened while it stays inside `target`.
    package static func grown(_ region: Region, within target: [Region], in space: FactSpace) -> Region {
        var current = region
        for subject in region.subjects(in: space) {
            for candidate in loosened(current, subject, in: space) where covered(candidate, by: target, in: space) {
                current = candidate
                break
            }
        }
        return current
    }

    /// The region without the constraint on `subject`, then with only one of its bounds.
    package static func loosened(_ region: Region, _ subject: Subject, in space: FactSpace) -> [Region] {
        guard let domain = region.domains[subject] else { return [] }
        var domains = region.domains
        domains[subject] = nil
        var candidates = [Region(domains: domains)]
        if case .numbers(let bounds) = domain, bounds.lower != nil, bounds.upper != nil {
            for half in [ValueBounds(lower: bounds.lower, upper: nil), ValueBounds(lower: nil, upper: bounds.upper)] {
                if let looser = Region(domains: domains).constrained(subject, to: .numbers(half), in: space) { candidates.append(looser) }
            }
        }
        return candidates
    }

    /// Whether every person of `region` is in one of `regions`.
    package static func covered(_ region: Region, by regions: [Region], in space: FactSpace) -> Bool {
        var remainder = [region]
        for other in regions {
            remainder = remainder.flatMap { subtract(other, from: $0, in: space) }
            if remainder.isEmpty { return true }
            if remainder.count > 4096 { return false }
        }
        return remainder.isEmpty
    }

    /// The persons of `region` outside `other`, as disjoint regions.
    package static func subtract(_ other: Region, from region: Region, in space: FactSpace) -> [Region] {
        guard region.intersection(other, in: space) != nil else { return [region] }
        var pieces: [Region] = []
        var inside = region
        for subject in other.subjects(in: space) {
            let split = inside.split(subject, by: other.domains[subject]!, in: space)
            pieces += split.outside
            guard let next = split.inside else { return pieces }
            inside = next
        }
        return pieces
    }
}
