import PolicyModel
import PolicyCompiler

/// Joins pieces with the same outcome whose regions differ in one subject only, when the
/// two domains together are again one domain (`age < 70` and `age ≥ 70`; `dibao` and
/// `marginal`): fewer, larger regions read better and make later steps cheaper.
package enum RegionMerger {
    package static func merge(_ pieces: [Piece], in space: FactSpace) -> [Piece] {
        var groups: [Outcome: [Region]] = [:]
        var order: [Outcome] = []
        for piece in pieces {
            if groups[piece.outcome] == nil { order.append(piece.outcome) }
            groups[piece.outcome, default: []].append(piece.region)
        }
        return order.flatMap { outcome in merge(groups[outcome]!, in: space).map { Piece(region: $0, outcome: outcome) } }
    }

    package static func merge(_ regions: [Region], in space: FactSpace) -> [Region] {
        // Joined in a fixed order (a set's order changes from run to run), so output is stable.
        var regions = Array(Set(regions)).map { (describe($0, space), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        var changed = true
        while changed {
            changed = false
            var i = 0
            while i < regions.count {
                var j = i + 1
                while j < regions.count {
                    if let joined = join(regions[i], regions[j], in: space) {
                        regions[i] = joined
                        regions.swapAt(j, regions.count - 1)
                        regions.removeLast()
                        changed = true
                    } else {
                        j += 1
                    }
                }
                i += 1
            }
        }
        // A stable order, so that the same policies always print the same way.
        return regions.map { (describe($0, space), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// One region holding exactly the persons of both, if there is one.
    package static func join(_ a: Region, _ b: Region, in space: FactSpace) -> Region? {
        // Regions that constrain more than one subject apart cannot differ in one only;
        // the count check keeps a merge of many regions quadratic in their number only.
        if abs(a.domains.count - b.domains.count) > 1 { return nil }
        var differing: Subject?
        for (subject, domain) in a.domains where b.domains[subject] != domain {
            if differing != nil { return nil }
            differing = subject
        }
        for subject in b.domains.keys where a.domains[subject] == nil && subject != differing {
            if differing != nil { return nil }
            differing = subject
        }
        guard let subject = differing else { return a }
        let integral = space.isIntegral(subject)
        guard let union = a.domain(subject, in: space).union(b.domain(subject, in: space), integral: integral) else { return nil }
        var domains = a.domains
        domains[subject] = union == space.fullDomain(subject) ? nil : union
        return Region(domains: domains)
    }

    package static func describe(_ region: Region, _ space: FactSpace) -> String {
        region.subjects(in: space).map { "\(space.position($0)) \($0) \(region.domains[$0]!)" }.joined(separator: ";")
    }
}
