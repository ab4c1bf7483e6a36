/// Joins pieces with the same outcome whose regions differ in one subject only, when the
/// two domains together are again one domain (`age < 70` and `age ≥ 70`; `dibao` and
/// `marginal`): fewer, larger regions read better and make later steps cheaper.
enum RegionMerger {
    static func merge(_ pieces: [Piece], in space: FactSpace) -> [Piece] {
        var groups: [Outcome: [Region]] = [:]
        var order: [Outcome] = []
        for piece in pieces {
            if groups[piece.outcome] == nil { order.append(piece.outcome) }
            groups[piece.outcome, default: []].append(piece.region)
        }
        return order.flatMap { outcome in merge(groups[outcome]!, in: space).map { Piece(region: $0, outcome: outcome) } }
    }

    static func merge(_ regions: [Region], in space: FactSpace) -> [Region] {
        var regions = Array(Set(regions))
        var changed = true
        while changed {
            changed = false
            search: for i in regions.indices {
                for j in regions.indices where j > i {
                    if let joined = join(regions[i], regions[j], in: space) {
                        regions[i] = joined
                        regions.remove(at: j)
                        changed = true
                        break search
                    }
                }
            }
        }
        return regions.sorted { describe($0, space) < describe($1, space) }
    }

    /// One region holding exactly the persons of both, if there is one.
    static func join(_ a: Region, _ b: Region, in space: FactSpace) -> Region? {
        if a == b { return a }
        if let inside = contains(a, b, in: space) { return inside }
        let subjects = Set(a.domains.keys).union(b.domains.keys)
        var differing: Subject?
        for subject in subjects where a.domains[subject] != b.domains[subject] {
            if differing != nil { return nil }
            differing = subject
        }
        guard let subject = differing else { return a }
        let integral = space.isIntegral(subject)
        guard let union = a.domain(subject, in: space).union(b.domain(subject, in: space), integral: integral) else { return nil }
        var domains = a.domains
        domains[subject] = union == space.fullDomain(subject).normalized || union == space.fullDomain(subject) ? nil : union
        return Region(domains: domains)
    }

    /// The larger region when one contains the other.
    static func contains(_ a: Region, _ b: Region, in space: FactSpace) -> Region? {
        if b.intersection(a, in: space) == b { return a }
        if a.intersection(b, in: space) == a { return b }
        return nil
    }

    static func describe(_ region: Region, _ space: FactSpace) -> String {
        region.subjects(in: space).map { "\(space.position($0)) \($0) \(region.domains[$0]!)" }.joined(separator: ";")
    }
}
