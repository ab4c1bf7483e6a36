import PolicyModel

/// Proves, for every apportionment, the conditions under which its parts always sum to
/// the total: one remainder payer, a reduction order naming every other payer (checked
/// when the split is typed), and a total that can never be negative, shown from the
/// declared ranges of the facts it is computed from.
enum ApportionmentProof {
    static func verify(_ policy: CheckedPolicy) -> DiagnosticList {
        var diagnostics = DiagnosticList()
        for decision in policy.decisions {
            guard case .apportionment(let apportionment) = decision.body else { continue }
            let range = NumericRange.of(apportionment.total, in: policy)
            if (range.lower.map { $0 < .zero }) ?? true {
                diagnostics.append(.error("cannot prove that the total `\(apportionment.totalText)` split by `\(decision.name)` is never negative (its range is \(range))",
                                          at: apportionment.rule.span,
                                          help: "declare `min: 0` on the facts the total is computed from, so the parts always sum to it"))
            }
        }
        return diagnostics
    }
}
