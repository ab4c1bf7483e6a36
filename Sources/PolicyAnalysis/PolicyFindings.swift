import PolicyModel
import PolicyCompiler

/// Finds what `check` reports beyond errors, working on the decision trees of each
/// period the policy is in force: dead rules, gaps, overlaps, rules whose order decides,
/// conditions that never change, and declarations nothing reads.
///
/// ```swift
/// for finding in PolicyFindings.find(in: compiled) { print(finding.diagnostic) }
/// ```
package enum PolicyFindings {
    package static func find(in compiled: CompiledPolicy, asOf date: CivilDate? = nil) -> [PolicyFinding] {
        let policy = compiled.checked
        let periods = AnalysisPeriod.periods(of: compiled, asOf: date)
        var found: [String: (finding: PolicyFinding, periods: [Int])] = [:]
        var order: [String] = []
        for (position, period) in periods.enumerated() {
            guard let space = try? FactSpace(policies: [policy], from: period.from, until: period.until) else { continue }
            let symbolic = SymbolicPolicy(policy: policy, epoch: period.epoch, space: space)
            var periodFindings = TableFindings(symbolic: symbolic).all() + ConditionFindings(symbolic: symbolic).all()
            if symbolic.exhausted { periodFindings = [stopped(symbolic)] }
            for finding in periodFindings {
                if found[finding.key] == nil {
                    order.append(finding.key)
                    found[finding.key] = (finding, [])
                }
                found[finding.key]!.periods.append(position)
            }
        }
        var findings = order.map { key -> PolicyFinding in
            let (finding, inPeriods) = found[key]!
            guard inPeriods.count < periods.count else { return finding }
            let when = inPeriods.map { periods[$0].description }
            let diagnostic = finding.diagnostic
            return finding.with(diagnostic.with(message: .finding(.inPeriods(diagnostic.message, when))))
        }
        // A rule already reported as never matching needs no second word about its condition.
        let neverMatching = Set(findings.filter { $0.kind == .neverMatches }.compactMap { $0.diagnostic.span?.description })
        findings.removeAll { $0.kind == .alwaysFalse && neverMatching.contains($0.diagnostic.span?.description ?? "") }
        findings += UnusedDeclarations.find(in: policy)
        findings += UnlinkedParameters.find(in: policy)
        return findings
    }

    /// The one finding of an analysis that ran out of steps, at what it was working on.
    static func stopped(_ symbolic: SymbolicPolicy) -> PolicyFinding {
        return PolicyFinding(kind: .analysisStopped, diagnostic: .finding(.warning,
            .analysisStopped(symbolic.exhaustedIn?.what, steps: SymbolicPolicy.maximumSteps), at: symbolic.exhaustedIn?.span, help: .splitDecisionOrDefine))
    }
}
