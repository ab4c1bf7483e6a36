extension Apportionment {
    /// Splits `total` given each payer's share (nil for the remainder payer): shares below
    /// zero count as zero; when they exceed the total they are cut in `reductionOrder`
    /// until they fit, and the remainder payer takes what is left. The parts sum to `total`.
    package func split(total: ExactDecimal, shares: [ExactDecimal?]) throws(EvaluationFault) -> [ExactDecimal] {
        if total < .zero {
            throw EvaluationFault(.negativeTotal, "the amount to split is negative (\(total.formatted(places: 2)))", at: rule.span)
        }
        var parts = shares.map { share in share.map { $0 < .zero ? ExactDecimal.zero : $0 } ?? .zero }
        do {
            var sumOfShares = ExactDecimal.zero
            for (index, part) in parts.enumerated() where index != remainderPayer {
                sumOfShares = try sumOfShares.adding(part)
            }
            var excess = try sumOfShares.subtracting(total)
            for payer in reductionOrder where excess > .zero {
                let cut = min(parts[payer], excess)
                parts[payer] = try parts[payer].subtracting(cut)
                excess = try excess.subtracting(cut)
                sumOfShares = try sumOfShares.subtracting(cut)
            }
            parts[remainderPayer] = try total.subtracting(sumOfShares)
        } catch {
            throw EvaluationFault(error).located(at: rule.span)
        }
        return parts
    }
}
