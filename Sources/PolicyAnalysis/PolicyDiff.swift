import PolicyModel
import PolicyCompiler

/// Where a decision differs between two versions of a policy, worked out on their decision
/// trees: for each period of evaluation dates with constant parameters in both, the
/// regions of the fact space where the old and the new value differ.
///
/// ```swift
/// let report = try PolicyDiff.compare(old, new, decision: "service_tier")
/// for difference in report.periods.flatMap(\.differences) { print(difference.region, difference.old, difference.new) }
/// ```
package enum PolicyDiff {
    /// One region where a decision's value changes.
    package struct Difference: Sendable {
        package let decision: String
        package let region: Region
        package let old: SymbolicValue
        package let new: SymbolicValue
        /// Both values known and the region described exactly by constraints on facts.
        package let exact: Bool
        package let example: ExamplePerson?
        /// How the region reads, with names.
        package let condition: String
    }

    /// The differences over one period of evaluation dates.
    package struct Period: Sendable {
        package let from: CivilDate
        package let until: CivilDate?
        package let differences: [Difference]

        package var description: String { until.map { "\(from) to \($0)" } ?? "from \(from)" }
    }

    /// Everything `carepolicy diff` reports.
    package struct Report: Sendable {
        package let periods: [Period]
        /// Decisions one of the two policies lacks, and other remarks about what was compared.
        package let remarks: [String]
        /// Decisions only one side has.
        package let unmatchedDecisions: [String]

        package var isEquivalent: Bool { unmatchedDecisions.isEmpty && periods.allSatisfy(\.differences.isEmpty) }
    }

    package static func compare(_ old: CompiledPolicy, _ new: CompiledPolicy, decision name: String? = nil, asOf date: CivilDate? = nil) throws(AnalysisError) -> Report {
        let oldNames = old.checked.decisions.map(\.name), newNames = new.checked.decisions.map(\.name)
        var remarks: [String] = []
        var unmatched: [String] = []
        let names: [String]
        if let name {
            guard oldNames.contains(name) || newNames.contains(name) else {
                let hint = NameSuggestion.closest(to: name, in: oldNames + newNames).map { "; did you mean `\($0)`?" } ?? ""
                throw AnalysisError("no decision `\(name)` in either policy\(hint)")
            }
            names = [name]
        } else {
            names = old.checked.decisions.filter(\.isPublic).map(\.name) + new.checked.decisions.filter { $0.isPublic && !oldNames.contains($0.name) }.map(\.name)
        }
        for name in names where !(oldNames.contains(name) && newNames.contains(name)) {
            unmatched.append(name)
            remarks.append("decision `\(name)` is only in the \(oldNames.contains(name) ? "old" : "new") policy")
        }
        let compared = names.filter { oldNames.contains($0) && newNames.contains($0) }
        for name in compared {
            let a = old.checked.decisions[old.checked.decisionIndex(named: name)!].type, b = new.checked.decisions[new.checked.decisionIndex(named: name)!].type
            if a != b { throw AnalysisError("decision `\(name)` is \(a) in the old policy and \(b) in the new one, so its values cannot be compared") }
        }
        let (periods, inForce) = sharedPeriods(old, new, asOf: date)
        remarks += inForce
        var results: [Period] = []
        for (from, until) in periods {
            let space = try FactSpace(policies: [old.checked, new.checked], from: from, until: until)
            let before = SymbolicPolicy(policy: old.checked, epoch: old.epoch(on: from), space: space)
            let after = SymbolicPolicy(policy: new.checked, epoch: new.epoch(on: from), space: space)
            var differences: [Difference] = []
            for name in compared {
                differences += compare(name, before, after, space: space, preferring: date)
            }
            results.append(Period(from: from, until: until, differences: differences))
        }
        return Report(periods: results, remarks: remarks, unmatchedDecisions: unmatched)
    }

    package static func compare(_ name: String, _ before: SymbolicPolicy, _ after: SymbolicPolicy, space: FactSpace, preferring date: CivilDate?) -> [Difference] {
        let old = before.partition(of: before.policy.decisionIndex(named: name)!)
        let new = after.partition(of: after.policy.decisionIndex(named: name)!)
        var groups: [[SymbolicValue]: [Region]] = [:]
        var order: [[SymbolicValue]] = []
        for p in old {
            for q in new {
                guard p.outcome.value != q.outcome.value, let region = p.region.intersection(q.region, in: space) else { continue }
                let key = [p.outcome.value, q.outcome.value]
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(region)
            }
        }
        let text = RegionText(space: space, policy: before.policy)
        return order.flatMap { key in
            RegionCover.simplify(groups[key]!, in: space).map { region in
                Difference(decision: name, region: region, old: key[0], new: key[1],
                           exact: region.isExact && !key[0].isOpen && !key[1].isOpen,
                           example: ExamplePerson.make(for: region, in: space, preferring: date), condition: text.describe(region))
            }
        }
    }

    /// The periods in which both policies are in force and keep their parameters, and remarks
    /// about dates only one of them covers.
    package static func sharedPeriods(_ old: CompiledPolicy, _ new: CompiledPolicy, asOf date: CivilDate?) -> ([(CivilDate, CivilDate?)], [String]) {
        let a = AnalysisPeriod.periods(of: old, asOf: date), b = AnalysisPeriod.periods(of: new, asOf: date)
        var remarks: [String] = []
        guard let startA = a.first?.from, let startB = b.first?.from else {
            return ([], [date.map { "the policies are not both in force on \($0)" } ?? "the policies are never in force together"])
        }
        let start = max(startA, startB)
        let ends = [a.last?.until, b.last?.until].compactMap { $0 }
        let end = ends.min()
        if startA != startB { remarks.append("only the \(startA < startB ? "old" : "new") policy is in force before \(start); those dates are not compared") }
        if a.last?.until != b.last?.until, let end { remarks.append("only one policy is in force after \(end); those dates are not compared") }
        if let end, end < start { return ([], remarks + ["the policies are never in force together"]) }
        var starts = Set((a + b).map(\.from).filter { day in day > start && (end.map { day <= $0 } ?? true) })
        starts.insert(start)
        let sorted = starts.sorted()
        let periods = sorted.enumerated().map { index, from -> (CivilDate, CivilDate?) in
            (from, index + 1 < sorted.count ? CivilDate(dayNumber: sorted[index + 1].dayNumber - 1) : end)
        }
        return (periods, remarks)
    }
}
