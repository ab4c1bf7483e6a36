import PolicyModel
import PolicyCompiler

/// Where a decision differs between two versions of a policy, worked out on their decision
/// trees: for each period of evaluation dates with constant parameters in both, the
/// regions of the fact space where the old and the new value differ.
///
/// ```swift
/// let report = try PolicyDiff.compare(old, new, decision: "service_tier")
/// for difference in report.periods.flatMap(\.differences) { print(difference.condition, difference.old, difference.new) }
/// ```
package enum PolicyDiff {
    /// One region where a decision's value changes.
    package struct Difference: Sendable {
        package let decision: String
        /// The persons of the region, as regions of facts (they may overlap).
        package let regions: [Region]
        package let old: SymbolicValue
        package let new: SymbolicValue
        /// Both values known and the region described exactly by constraints on facts.
        package let exact: Bool
        package let example: ExamplePerson?
        /// How the region reads for a policy officer, with the policy's Chinese labels and
        /// its own terms (`服务对象类别为无偿服务，享受政府购买服务由否变为是`).
        package let condition: String
        /// The same with names (`service_tier = free, gov_purchase_eligible: false → true`).
        package let conditionCodes: String

        /// Whether a person (facts by name) evaluated on `date` is in the region.
        package func contains(_ facts: [String: Value], on date: CivilDate, in space: FactSpace) -> Bool {
            regions.contains { $0.contains(facts, on: date, in: space) }
        }
    }

    /// The differences over one period of evaluation dates.
    package struct Period: Sendable {
        package let from: CivilDate
        package let until: CivilDate?
        package let differences: [Difference]

        package var description: String { until.map { "\(from) to \($0)" } ?? "from \(from)" }
        /// `自 2027-01-01 起` or `2019-01-01 至 2026-12-31`.
        package var label: String { until.map { "\(from) 至 \($0)" } ?? "自 \(from) 起" }
    }

    /// Everything `carepolicy diff` reports.
    package struct Report: Sendable {
        package let periods: [Period]
        /// Decisions one of the two policies lacks, and dates only one of them covers.
        package let remarks: [Remark]
        /// Decisions only one side has.
        package let unmatchedDecisions: [String]
        /// The decisions compared (both sides have them), in order.
        package let compared: [String]
        /// What changes in the ledger, the approval steps and the programs.
        package let changes: [DeclarationDiff.Change]

        package var isEquivalent: Bool { unmatchedDecisions.isEmpty && changes.isEmpty && periods.allSatisfy(\.differences.isEmpty) }
    }

    package static func compare(_ old: CompiledPolicy, _ new: CompiledPolicy, decision name: String? = nil, asOf date: CivilDate? = nil) throws(AnalysisError) -> Report {
        let oldNames = old.checked.decisions.map(\.name), newNames = new.checked.decisions.map(\.name)
        var remarks: [Remark] = []
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
            remarks.append(.decisionOnlyIn(name, old: oldNames.contains(name)))
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
        return Report(periods: results, remarks: remarks, unmatchedDecisions: unmatched, compared: compared,
                      changes: name == nil ? DeclarationDiff.compare(old.checked, new.checked, periods: periods) : [])
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
        let vocabulary = TermVocabulary(space: space, terms: RegionTerm.vocabulary(for: name, before, after))
        let labels = RegionText(space: space, policy: before.policy, useLabels: true)
        let codes = RegionText(space: space, policy: before.policy)
        return order.flatMap { key in
            TermCover.cover(groups[key]!, with: vocabulary).map { described in
                let regions = vocabulary.meaning(described)
                return Difference(decision: name, regions: regions, old: key[0], new: key[1],
                                  exact: regions.allSatisfy(\.isExact) && !key[0].isOpen && !key[1].isOpen,
                                  example: example(in: regions, space: space, preferring: date),
                                  condition: labels.describe(described, vocabulary), conditionCodes: codes.describe(described, vocabulary))
            }
        }
    }

    /// A person of the region with the fewest constraints that gives one, so the example
    /// shows few facts.
    static func example(in regions: [Region], space: FactSpace, preferring date: CivilDate?) -> ExamplePerson? {
        let ordered = regions.enumerated().sorted { ($0.element.domains.count, $0.offset) < ($1.element.domains.count, $1.offset) }.map(\.element)
        return ordered.lazy.compactMap { ExamplePerson.make(for: $0, in: space, preferring: date) }.first
    }

    /// The periods in which both policies are in force and keep their parameters, and remarks
    /// about dates only one of them covers. With `date`, only the period holding it, from it:
    /// dates outside it are not compared, so nothing is said about them.
    package static func sharedPeriods(_ old: CompiledPolicy, _ new: CompiledPolicy, asOf date: CivilDate?) -> ([(CivilDate, CivilDate?)], [Remark]) {
        let a = AnalysisPeriod.periods(of: old, asOf: date), b = AnalysisPeriod.periods(of: new, asOf: date)
        var remarks: [Remark] = []
        guard let startA = a.first?.from, let startB = b.first?.from else {
            return ([], [date.map { .notBothInForce(on: $0) } ?? .neverTogether])
        }
        let start = max(startA, startB)
        let ends = [a.last?.until, b.last?.until].compactMap { $0 }
        let end = ends.min()
        if date == nil {
            if startA != startB { remarks.append(.onlyOneBefore(start, old: startA < startB)) }
            if a.last?.until != b.last?.until, let end { remarks.append(.onlyOneAfter(end)) }
        }
        if let end, end < start { return ([], remarks + [.neverTogether]) }
        var starts = Set((a + b).map(\.from).filter { day in day > start && (end.map { day <= $0 } ?? true) })
        starts.insert(start)
        let sorted = starts.sorted()
        let periods = sorted.enumerated().map { index, from -> (CivilDate, CivilDate?) in
            (from, index + 1 < sorted.count ? CivilDate(dayNumber: sorted[index + 1].dayNumber - 1) : end)
        }
        return (periods, remarks)
    }
}
