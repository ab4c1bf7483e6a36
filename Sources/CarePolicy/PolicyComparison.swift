import PolicyCompiler
import PolicyModel
import PolicyRuntime
import PolicySyntax
import PolicyCheck
import PolicyAnalysis
import RecordFormats

/// `carepolicy diff`: two loaded policies compared on their decision trees, each region's
/// example person evaluated under both to confirm it, and the result written for a reader.
///
/// ```swift
/// let comparison = try PolicyComparison(old: base, new: variant, decision: "service_tier")
/// print(comparison.text); exit(comparison.status.exitCode)
/// ```
public struct PolicyComparison: Sendable {
    /// What the comparison concluded.
    public enum Status: Int32, Sendable {
        /// Every decision compared is the same for every person: proved, not sampled.
        case equivalent = 0
        /// Some person gets another value (an example shows it).
        case different = 1
        /// No difference is confirmed, but some regions could not be decided exactly.
        case undecided = 3

        public var exitCode: Int32 { rawValue }
    }

    /// One difference and whether evaluating its example under both policies shows it.
    public struct Finding: Sendable {
        package let difference: PolicyDiff.Difference
        /// The example's values under the old and the new policy, when both evaluated.
        public let observed: (old: String, new: String)?
        public var confirmed: Bool { observed.map { $0.old != $0.new } ?? false }
    }

    package let report: PolicyDiff.Report
    public let findings: [[Finding]]
    package let old: CheckedPolicy
    package let new: CheckedPolicy

    public init(old: LoadedPolicy, new: LoadedPolicy, decision: String? = nil, asOf date: CivilDate? = nil) throws(AnalysisError) {
        self.old = old.checked
        self.new = new.checked
        report = try PolicyDiff.compare(old.compiled, new.compiled, decision: decision, asOf: date)
        findings = report.periods.map { period in
            period.differences.map { Finding(difference: $0, observed: Self.observe($0, old: old, new: new)) }
        }
    }

    /// The decision's value for the example under each policy, as text.
    package static func observe(_ difference: PolicyDiff.Difference, old: LoadedPolicy, new: LoadedPolicy) -> (old: String, new: String)? {
        guard let example = difference.example else { return nil }
        func value(_ policy: LoadedPolicy) -> String? {
            guard let facts = policy.facts(of: example), let index = policy.checked.decisionIndex(named: difference.decision) else { return nil }
            do {
                let result = try policy.evaluator.evaluate(decision: index, for: facts, on: example.date).result
                return result.value.display(as: policy.checked.decisions[index].type)
            } catch {
                if case .fault(let fault) = error { return "fault: \(fault.kind.rawValue)" }
                return nil
            }
        }
        guard let a = value(old), let b = value(new) else { return nil }
        return (a, b)
    }

    public var status: Status {
        if !report.unmatchedDecisions.isEmpty || !report.changes.isEmpty
            || findings.joined().contains(where: { $0.confirmed || ($0.difference.exact && $0.observed == nil) }) {
            return .different
        }
        return findings.joined().isEmpty ? .equivalent : .undecided
    }

    /// The differences for a policy officer, in Chinese: per period and decision, each region
    /// in the policy's own terms, the values before and after, and an example person; then
    /// the changes of the ledger, the approval steps and the programs. Empty when the
    /// policies are equivalent.
    public var text: String { text(english: false) }

    /// The differences in Chinese, or in English with fact and value codes.
    public func text(english: Bool) -> String {
        let wording = DiffWording(english: english, old: old, new: new)
        var lines = report.remarks.map { wording.note(english ? $0.english : $0.text) }
        var previous: String?
        let multiple = report.periods.count > 1
        for (period, periodFindings) in zip(report.periods, findings) {
            let body = wording.render(periodFindings, examples: false)
            if body.isEmpty { continue }
            if multiple || report.periods.first?.until != nil {
                let name = english ? period.description : period.label
                lines.append(body == previous ? wording.sameAsAbove(name) : name + wording.colon)
            }
            if body != previous { lines.append(wording.render(periodFindings, examples: true)) }
            previous = body
        }
        lines += wording.render(report.changes)
        return lines.joined(separator: "\n")
    }
}
