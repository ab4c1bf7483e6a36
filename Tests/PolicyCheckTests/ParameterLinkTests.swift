import CarePolicy
import Testing
import TestSupport
import PolicyCheck
import PolicyModel
import PolicyCompiler
import PolicyRuntime

/// `same_as:` links a parameter to another: it takes every value of it, through chains,
/// on every engine; the golden tests cover the broken links.
@Suite struct ParameterLinkTests {
    let policy: LoadedPolicy

    init() throws {
        policy = try LoadedPolicy.load(path: FixturePaths.fixture("good_linked_parameters"))
    }

    func parameter(_ name: String) throws -> ParameterDeclaration {
        try #require(policy.checked.parameters.first { $0.name == name })
    }

    @Test func aLinkedParameterTakesTheWholeTimelineThroughAChain() throws {
        let hourly = try parameter("hourly_rate_cny")
        for name in ["settlement_rate_cny", "audit_rate_cny"] {
            let linked = try parameter(name)
            #expect(linked.timeline.map(\.from) == [CivilDate("2019-01-01")!, CivilDate("2025-01-01")!])
            #expect(linked.timeline.map(\.value) == hourly.timeline.map(\.value))
            #expect(linked.type == .decimal)
            #expect(linked.unit == "元/小时")
        }
        #expect(try parameter("settlement_rate_cny").sameAs == "hourly_rate_cny")
        #expect(try parameter("audit_rate_cny").sameAs == "settlement_rate_cny")
        #expect(try parameter("hourly_rate_cny").sameAs == nil)
        #expect(policy.checked.parameterChangeDates == [CivilDate("2019-01-01")!, CivilDate("2025-01-01")!])
        #expect(ParameterLinks.followers(of: "hourly_rate_cny", in: policy.checked.parameters) == ["settlement_rate_cny", "audit_rate_cny"])
        #expect(ParameterLinks.followers(of: "settlement_rate_cny", in: policy.checked.parameters) == ["audit_rate_cny"])
    }

    @Test(arguments: ["flat", "tree", "reference"])
    func everyEngineReadsTheLinkedValue(engineName: String) throws {
        let engine = try #require(EvaluationEngine(rawValue: engineName))
        let loaded = try LoadedPolicy.load(path: FixturePaths.fixture("good_linked_parameters"), engine: engine)
        for (date, settlement) in [("2024-12-31", "24.00"), ("2025-01-01", "27.00")] {
            let evaluation = try loaded.evaluate(json: #"{"hours_used": 3}"#, on: CivilDate(date)!)
            let values = loaded.checked.decisions.indices.map { evaluation.results[$0].value.display(as: loaded.checked.decisions[$0].type) }
            #expect(values == [settlement, settlement], "\(engine) on \(date)")
        }
    }

    @Test func anqingSettlesVouchersAtTheHourlyRate() throws {
        let anqing = try LoadedPolicy.load(path: FixturePaths.packageRoot + "/policies/anqing.yaml")
        let settlement = try #require(anqing.checked.parameters.first { $0.name == "voucher_settlement_rate_cny" })
        #expect(settlement.sameAs == "hourly_rate_cny")
        #expect(settlement.timeline.map(\.value) == [.decimal(ExactDecimal("8.00")!)])
        // The what-if variant raises only the hourly rate; the settlement rate follows it.
        let raised = try LoadedPolicy.load(path: FixturePaths.packageRoot + "/policies/variants/anqing-hourly-rate-10.yaml")
        let followed = try #require(raised.checked.parameters.first { $0.name == "voucher_settlement_rate_cny" })
        #expect(followed.timeline.map(\.value) == [.decimal(ExactDecimal("8.00")!), .decimal(ExactDecimal("10.00")!)])
    }

    @Test func aVariantThatGivesValuesCutsTheLink() throws {
        let variant = try LoadedPolicy.load(path: FixturePaths.fixture("good_ledger_variant"))
        let settlement = try #require(variant.checked.parameters.first { $0.name == "voucher_settlement_rate_cny" })
        #expect(settlement.sameAs == nil)
        #expect(settlement.timeline.map(\.value) == [.decimal(ExactDecimal("8.00")!), .decimal(ExactDecimal("10.00")!)])
        let hourly = try #require(variant.checked.parameters.first { $0.name == "hourly_rate_cny" })
        #expect(hourly.timeline.map(\.value) == [.decimal(ExactDecimal("8.00")!)])
    }
}
