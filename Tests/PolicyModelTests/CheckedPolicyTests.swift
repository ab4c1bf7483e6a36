import PolicyModel
import Testing

/// Lookups and parameter timelines of a checked policy.
@Suite("CheckedPolicy")
struct CheckedPolicyTests {
    typealias P = SamplePolicy

    @Test("names are found by index")
    func lookups() {
        #expect(P.policy.inputIndex(named: "residence") == 2)
        #expect(P.policy.inputIndex(named: "nobody") == nil)
        #expect(P.policy.parameterIndex(named: "future_cap") == 1)
        #expect(P.policy.decisionIndex(named: "hours") == 1)
        #expect(P.policy.publicDecisionIndices == [0])
    }

    @Test("a timeline is sorted by date whatever the order written")
    func timelineOrder() {
        #expect(P.policy.parameters[0].timeline.map(\.from.description) == ["2019-01-01", "2026-01-01"])
    }

    @Test("change dates are every date a parameter changes, ascending and once each")
    func changeDates() {
        #expect(P.policy.parameterChangeDates.map(\.description) == ["2019-01-01", "2026-01-01", "2030-01-01"])
    }

    @Test("values in force on a date; nil before a parameter starts", arguments: [
        ("2018-12-31", [nil, nil]),
        ("2019-01-01", [Value.decimal(ExactDecimal(8)), nil]),
        ("2026-01-01", [Value.decimal(ExactDecimal(10)), nil]),
        ("2030-01-01", [Value.decimal(ExactDecimal(10)), .integer(5)]),
    ] as [(String, [Value?])])
    func valuesOnDate(_ date: String, _ values: [Value?]) {
        #expect(P.policy.parameterValues(on: CivilDate(date)!) == values)
    }

    @Test("the period in force carries its own place")
    func periodSpan() {
        #expect(P.policy.parameters[0].period(on: CivilDate("2027-01-01")!)?.span == P.span(11, 7))
        #expect(P.policy.parameters[0].period(on: CivilDate("2020-01-01")!)?.span == P.span(10, 7))
        #expect(P.policy.parameters[0].period(on: CivilDate("2018-12-31")!) == nil)
    }

    @Test("a decision lists its rules with the else row last, and every expression it evaluates")
    func decisionRules() {
        let tier = P.policy.decisions[0]
        #expect(tier.rules.map(\.id) == ["old", "else"])
        #expect(tier.expressions.count == 3)
        #expect(P.policy.decisions[1].rules.map(\.id) == ["hours"])
        #expect(P.policy.decisions[1].expressions.count == 1)
    }
}
