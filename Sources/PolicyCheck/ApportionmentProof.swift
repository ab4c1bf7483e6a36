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
                diagnostics.append(.error(.totalMayBeNegative(total: apportionment.totalText, decision: decision.name, range: "\(range)"),
                                          at: apportionment.rule.span, help: .declareMinZero))
            }
        }
        return diagnostics
    }
}
