import PolicyModel
import Testing

/// Splitting an amount among payers: shares cut in order when they exceed the total,
/// the remainder payer taking what is left; the parts always sum to the total.
@Suite("Apportionment split")
struct ApportionmentSplitTests {
    static let ruleSpan = SourceSpan(file: "meals.yaml", line: 30, column: 7, length: 9)

    /// government, village (shares), person (remainder); cuts village first, then government.
    static func apportionment(remainder: Int = 2, reductionOrder: [Int] = [1, 0]) -> Apportionment {
        let rule = Rule(id: "split", condition: nil, conditionText: nil, output: .constant(.integer(0), .integer), outputText: "",
                        reason: "分摊", provenance: Provenance(), span: ruleSpan)
        let payers = ["government", "village", "person"].enumerated().map { index, name in
            Apportionment.Payer(name: name, share: index == remainder ? nil : .constant(.integer(0), .integer), shareText: nil, span: ruleSpan)
        }
        return Apportionment(total: .constant(.integer(0), .integer), totalText: "total", payers: payers,
                             remainderPayer: remainder, reductionOrder: reductionOrder, rule: rule)
    }

    static func split(_ total: String, _ shares: [String?], remainder: Int = 2, order: [Int] = [1, 0]) throws(EvaluationFault) -> [String] {
        try apportionment(remainder: remainder, reductionOrder: order)
            .split(total: ExactDecimal(total)!, shares: shares.map { $0.flatMap { ExactDecimal($0) } })
            .map { $0.formatted(places: 2) }
    }

    @Test("shares that fit are kept; the remainder payer takes the rest", arguments: [
        ("100", ["60", "30", nil], ["60.00", "30.00", "10.00"]),
        ("100", ["60", "40", nil], ["60.00", "40.00", "0.00"]),
        ("12.50", ["3.75", "0", nil], ["3.75", "0.00", "8.75"]),
    ] as [(String, [String?], [String])])
    func fitting(_ total: String, _ shares: [String?], _ parts: [String]) throws {
        #expect(try Self.split(total, shares) == parts)
    }

    @Test("shares above the total are cut in the stated order", arguments: [
        ("100", ["80", "40", nil], ["80.00", "20.00", "0.00"]),
        ("100", ["90", "40", nil], ["90.00", "10.00", "0.00"]),
        ("100", ["120", "40", nil], ["100.00", "0.00", "0.00"]),
        ("0", ["5", "5", nil], ["0.00", "0.00", "0.00"]),
    ] as [(String, [String?], [String])])
    func cutInOrder(_ total: String, _ shares: [String?], _ parts: [String]) throws {
        #expect(try Self.split(total, shares) == parts)
    }

    @Test("the reduction order decides who is cut first")
    func otherOrder() throws {
        #expect(try Self.split("100", ["80", "40", nil], order: [0, 1]) == ["60.00", "40.00", "0.00"])
    }

    @Test("a negative share counts as zero")
    func negativeShare() throws {
        #expect(try Self.split("100", ["-5", "30", nil]) == ["0.00", "30.00", "70.00"])
    }

    @Test("the remainder payer may be any payer")
    func remainderFirst() throws {
        #expect(try Self.split("50", [nil, "20", "10"], remainder: 0, order: [2, 1]) == ["20.00", "20.00", "10.00"])
    }

    @Test("the parts always sum to the total", arguments: [
        ("100", ["33.33", "33.33", nil]), ("7", ["10", "10", nil]), ("0.01", ["0.005", "0", nil]), ("999.99", ["0", "1000", nil]),
    ] as [(String, [String?])])
    func sumsToTotal(_ total: String, _ shares: [String?]) throws {
        let parts = try Self.apportionment().split(total: ExactDecimal(total)!, shares: shares.map { $0.flatMap { ExactDecimal($0) } })
        let sum = try parts.reduce(ExactDecimal.zero) { try $0.adding($1) }
        #expect(sum == ExactDecimal(total)!)
        #expect(parts.allSatisfy { $0 >= .zero })
    }

    @Test("a negative total is a fault placed at the rule")
    func negativeTotal() {
        let expected = EvaluationFault(.negativeTotal, "the amount to split is negative (-1.50)", at: Self.ruleSpan)
        #expect(throws: expected) { try Self.split("-1.5", ["1", "1", nil]) }
    }

    @Test("shares too large to add are an overflow fault placed at the rule")
    func overflow() {
        let expected = EvaluationFault(.overflow, "a number is too large to compute exactly", at: Self.ruleSpan)
        #expect(throws: expected) {
            try Self.apportionment().split(total: ExactDecimal(1), shares: [ExactDecimal(Int64.max), ExactDecimal(Int64.max), nil])
        }
    }
}
