import PolicyModel
import PolicyCompiler

/// A set of persons (and evaluation dates) described by one constraint per subject:
/// `age ≥ 70 and subsistence in {dibao, marginal} and not children_in_district`.
/// A subject without a constraint may take any value.
package struct Region: Hashable, Sendable {
    package private(set) var domains: [Subject: Domain]

    package static let everything = Region(domains: [:])

    package init(domains: [Subject: Domain]) { self.domains = domains }

    /// The domain of `subject` here.
    package func domain(_ subject: Subject, in space: FactSpace) -> Domain {
        domains[subject] ?? space.fullDomain(subject)
    }

    /// The persons of `self` for whom `subject` lies in `truth`; nil when there are none.
    package func constrained(_ subject: Subject, to truth: Domain, in space: FactSpace) -> Region? {
        let integral = space.isIntegral(subject)
        let next = domain(subject, in: space).intersection(truth, integral: integral)
        if next.isEmpty { return nil }
        var copy = self
        copy.domains[subject] = next == space.fullDomain(subject) ? nil : next
        return copy
    }

    /// The persons in both regions; nil when there are none.
    package func intersection(_ other: Region, in space: FactSpace) -> Region? {
        if other.domains.isEmpty { return self }
        if domains.isEmpty { return other }
        var result = self
        for (subject, domain) in other.domains {
            guard let next = result.constrained(subject, to: domain, in: space) else { return nil }
            result = next
        }
        return result
    }

    /// `(inside, outside)`: the persons of `self` whose `subject` is in `truth`, and the rest
    /// (as several regions when the rest is not one interval).
    package func split(_ subject: Subject, by truth: Domain, in space: FactSpace) -> (inside: Region?, outside: [Region]) {
        let current = domain(subject, in: space)
        let inside = constrained(subject, to: truth, in: space)
        let outside = current.outside(truth, integral: space.isIntegral(subject)).compactMap { part -> Region? in
            var copy = self
            copy.domains[subject] = part == space.fullDomain(subject) ? nil : part
            return copy
        }
        return (inside, outside)
    }

    /// Whether the region relies on a test the analysis treats as independent.
    package var isExact: Bool { domains.keys.allSatisfy(\.isExact) }

    /// The subjects constrained here, in the order of the facts.
    package func subjects(in space: FactSpace) -> [Subject] {
        // Each subject's position looked up once, not at every comparison of the sort.
        domains.keys.map { (space.position($0), $0) }.sorted { $0 < $1 }.map(\.1)
    }
}

extension Region {
    /// Whether a person (facts by name) evaluated on `date` is in the region. A test the
    /// analysis treats as independent cannot be judged from facts and counts as met.
    package func contains(_ facts: [String: Value], on date: CivilDate, in space: FactSpace) -> Bool {
        domains.allSatisfy { subject, domain in
            switch subject {
            case .fact(let name):
                guard let value = facts[name] else { return false }
                return ExamplePerson.allows(domain, value)
            case .age(let name):
                guard case .date(let birth)? = facts[name] else { return false }
                return ExamplePerson.allows(domain, .integer(Int64(CivilDate.fullYears(from: birth, to: date))))
            case .evaluationDate:
                return ExamplePerson.allows(domain, .date(date))
            case .test:
                return true
            }
        }
    }
}
