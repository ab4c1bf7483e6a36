import CarePolicy
import Testing
import TestSupport
import PolicyBatch
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// `--set name=value`: checked against the policy's parameters and their types.
@Suite struct ParameterOverrideTests {
    func anqing() throws -> LoadedPolicy { try LoadedPolicy.load(path: ScaleTestFiles.policy("anqing.yaml")) }

    @Test func aRateOverrideChangesTheSubsidyFromItsDate() throws {
        let policy = try anqing()
        let raised = try policy.overriding([try ParameterOverride("hourly_rate_cny=10.00@2026-01-01")])
        let facts = try policy.decodeFacts(json: SamplePerson.json(["birth_date": "1948-07-15", "subsistence": "dibao", "ability_level": 3,
                                                                     "children_in_district": false, "child_caregiver_nearby": false]))
        #expect(try raised.evaluate(facts, on: CivilDate(year: 2026, month: 6, day: 1)!).json(of: "monthly_subsidy_cny", in: raised) == #""200.00""#)
        #expect(try raised.evaluate(facts, on: CivilDate(year: 2025, month: 12, day: 31)!).json(of: "monthly_subsidy_cny", in: raised) == #""160.00""#)
        #expect(raised.metadata.version == "2026.1 --set hourly_rate_cny=10.00@2026-01-01")
        #expect(raised.metadata.contentHash != policy.metadata.contentHash)
        let always = try policy.overriding([try ParameterOverride("free_monthly_hours=25")])
        #expect(try always.evaluate(facts, on: CivilDate(year: 2020, month: 1, day: 1)!).json(of: "monthly_hours", in: always) == "25")
    }

    @Test(arguments: [
        ("hourly_rat=10", "`--set hourly_rat=10`: policy `anqing` has no parameter `hourly_rat`; did you mean `hourly_rate_cny`? its parameters are: self_care_threshold, hourly_rate_cny, free_monthly_hours, low_cost_monthly_hours, voucher_settlement_rate_cny, minimum_age"),
        ("hourly_rate_cny=ten", "`--set hourly_rate_cny=ten`: `hourly_rate_cny` is a parameter of type decimal; expected a decimal amount such as \"12.00\", found \"ten\""),
        ("free_monthly_hours=2.5", "`--set free_monthly_hours=2.5`: `free_monthly_hours` is a parameter of type integer; expected a whole number, found \"2.5\""),
        ("=3", "`--set =3`: write name=value, e.g. --set hourly_rate_cny=10.00 (or name=value@YYYY-MM-DD from a date on)"),
        ("hourly_rate_cny=10@2026-13-01", "`--set hourly_rate_cny=10@2026-13-01`: `2026-13-01` is not a date; write name=value@YYYY-MM-DD"),
    ])
    func aBadOverrideIsAClearError(argument: String, message: String) throws {
        let policy = try anqing()
        do {
            _ = try policy.overriding([try ParameterOverride(argument)])
            Issue.record("accepted \(argument)")
        } catch {
            #expect(error.message == message)
        }
    }

    /// Raising the hourly rate moves the voucher settlement rate linked to it, and the
    /// overridden policy keeps its ledger, approval path and programs.
    @Test func overridingALinkedSourceMovesItsFollowersAndKeepsTheLedger() throws {
        let policy = try LoadedPolicy.load(path: FixturePaths.packageRoot + "/policies/anqing.yaml")
        let raised = try policy.overriding([try ParameterOverride("hourly_rate_cny=10.00@2026-01-01")])
        let settlement = try #require(raised.checked.parameters.first { $0.name == "voucher_settlement_rate_cny" })
        #expect(settlement.sameAs == "hourly_rate_cny")
        #expect(settlement.timeline.map(\.value) == [.decimal(ExactDecimal("8.00")!), .decimal(ExactDecimal("10.00")!)])
        #expect(raised.checked.ledger != nil)
        #expect(raised.checked.approval?.steps.count == policy.checked.approval?.steps.count)
        #expect(raised.checked.programs.count == policy.checked.programs.count)
        let events = [
            #"{"type":"issue","person":"p1","date":"2025-12-01","hours":10}"#,
            #"{"type":"spend","person":"p1","date":"2025-12-31","hours":2,"provider":"prov-9"}"#,
            #"{"type":"issue","person":"p1","date":"2026-01-01","hours":10}"#,
            #"{"type":"spend","person":"p1","date":"2026-01-02","hours":0.5,"provider":"prov-9"}"#,
        ].joined(separator: "\n")
        let report = try raised.replayLedger(events: events)
        #expect(report.state.refused.isEmpty)
        // 2 hours at 8.00 in 2025, half an hour at 10.00 in 2026.
        #expect(report.balances(of: "provider_settlement_cny").mapValues { $0.formatted(places: 2) } == ["prov-9": "21.00"])
    }

    /// Setting a linked parameter itself cuts its link: the source keeps its value.
    @Test func overridingALinkedParameterCutsItsLink() throws {
        let policy = try LoadedPolicy.load(path: FixturePaths.packageRoot + "/policies/anqing.yaml")
        let changed = try policy.overriding([try ParameterOverride("voucher_settlement_rate_cny=9.00")])
        let settlement = try #require(changed.checked.parameters.first { $0.name == "voucher_settlement_rate_cny" })
        #expect(settlement.sameAs == nil)
        #expect(settlement.timeline.map(\.value) == [.decimal(ExactDecimal("9.00")!)])
        let hourly = try #require(changed.checked.parameters.first { $0.name == "hourly_rate_cny" })
        #expect(hourly.timeline.map(\.value) == [.decimal(ExactDecimal("8.00")!)])
    }

}
