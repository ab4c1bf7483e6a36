import CarePolicy
import Testing
import TestSupport
import PolicyCheck
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// A variant extends a base: it overrides a parameter's timeline, replaces a rule in
/// place by its id and inserts a new rule after another.
@Suite struct VariantTests {
    @Test func variantMergesRulesAndParameters() throws {
        let variant = try LoadedPolicy.load(path: FixturePaths.fixture("good_variant"))
        let checked = variant.checked
        #expect(checked.metadata.id == "fixture-variant")
        #expect(checked.metadata.extends == "fixture-base")
        let tier = try #require(checked.decisionIndex(named: "tier"))
        #expect(checked.decisions[tier].rules.map(\.id) == ["young", "poor", "alone_80", "else"])
        let rate = try #require(checked.parameterIndex(named: "hourly_rate_cny"))
        #expect(checked.parameters[rate].timeline.map(\.value) == [.decimal(ExactDecimal("8.00")!), .decimal(ExactDecimal("10.00")!)])
    }

    @Test func variantChangesOnlyWhatItSays() throws {
        let base = try LoadedPolicy.load(path: FixturePaths.fixtures + "/base.yaml")
        let variant = try LoadedPolicy.load(path: FixturePaths.fixture("good_variant"))
        let facts = #"{"birth_date": "1940-05-01", "ability_level": 0, "subsistence": "tekun", "lives_alone": false}"#
        let date = CivilDate("2026-03-01")!
        let before = try base.evaluate(json: facts, on: date)
        let after = try variant.evaluate(json: facts, on: date)
        func value(_ evaluation: Evaluation, _ policy: LoadedPolicy, _ name: String) -> String {
            let index = policy.checked.decisionIndex(named: name)!
            return evaluation.results[index].value.display(as: policy.checked.decisions[index].type)
        }
        #expect(value(before, base, "tier") == "paid")
        #expect(value(after, variant, "tier") == "free")
        #expect(value(before, base, "subsidy") == "0.00")
        #expect(value(after, variant, "subsidy") == "200.00")
    }

    @Test func contentHashChangesWithTheFiles() throws {
        let base = try LoadedPolicy.load(path: FixturePaths.fixtures + "/base.yaml")
        let variant = try LoadedPolicy.load(path: FixturePaths.fixture("good_variant"))
        #expect(base.metadata.contentHash.count == 64)
        #expect(base.metadata.contentHash != variant.metadata.contentHash)
        #expect(try LoadedPolicy.load(path: FixturePaths.fixtures + "/base.yaml").metadata.contentHash == base.metadata.contentHash)
    }
}

/// A variant replaces only the parts of a citation it writes.
@Suite struct VariantProvenanceTests {
    @Test func aNoteOnlyVariantKeepsTheBaseSource() throws {
        let variant = try LoadedPolicy.load(path: FixturePaths.fixture("good_variant_note"))
        let tier = try #require(variant.checked.decisionIndex(named: "service_tier"))
        let provenance = variant.checked.decisions[tier].provenance
        #expect(provenance.source == "000 服务对象；002 服务原则")
        #expect(provenance.note == "[reading] reviewed 2026-11; unchanged")
    }
}
