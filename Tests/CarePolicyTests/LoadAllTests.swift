import CarePolicy
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// A platform loads the whole policy directory at once, keyed by policy id.
@Suite struct LoadAllTests {
    @Test func theRepositoryPoliciesLoadByID() throws {
        let policies = try LoadedPolicy.loadAll(under: FixturePaths.packageRoot + "/policies")
        #expect(Set(policies.keys).isSuperset(of: ["anqing", "dongxihu", "rural-pilot"]))
        let anqing = try #require(policies["anqing"])
        let facts = try anqing.decodeFacts(json: SamplePerson.json())
        let evaluation = try anqing.evaluate(facts, on: CivilDate(year: 2026, month: 6, day: 1)!)
        #expect(evaluation.json(of: "service_tier", in: anqing) == #""paid""#)
    }

    @Test func aBrokenFileFailsTheLoadWithItsDiagnostics() {
        do {
            _ = try LoadedPolicy.loadAll(under: FixturePaths.fixture("errors_unknown_fact"))
            Issue.record("accepted")
        } catch {
            #expect(FixturePaths.portable(error.rendered(.en)).hasPrefix("Fixtures/errors_unknown_fact/policy.yaml:7:15: error: unknown name `abilty_level`"))
            #expect(FixturePaths.portable(error.rendered).hasPrefix("Fixtures/errors_unknown_fact/policy.yaml:7:15: 错误：未知的名称 `abilty_level`"))
        }
    }
}
