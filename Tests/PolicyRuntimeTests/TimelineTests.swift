import CarePolicy
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// A parameter's value changes on a date; evaluation on a date uses the value in force.
@Suite struct TimelineTests {
    let policy: LoadedPolicy

    init() throws { policy = try LoadedPolicy.load(path: FixturePaths.fixture("good_timeline")) }

    func decisions(hours: Int, on date: String, engine: EvaluationEngine = .tree) throws -> (String?, String?) {
        let evaluation = try policy.evaluate(json: "{\"hours\": \(hours)}", on: CivilDate(date)!, engine: engine)
        return (evaluation.json(of: "amount", in: policy), evaluation.json(of: "enough", in: policy))
    }

    @Test(arguments: [EvaluationEngine.tree, .reference])
    func theRateInForceOnTheDateApplies(engine: PolicyRuntime.EvaluationEngine) throws {
        #expect(try decisions(hours: 20, on: "2019-01-01", engine: engine).0 == #""160.00""#)
        #expect(try decisions(hours: 20, on: "2025-12-31", engine: engine).0 == #""160.00""#)
        #expect(try decisions(hours: 20, on: "2026-01-01", engine: engine).0 == #""200.00""#)
    }

    @Test(arguments: [EvaluationEngine.tree, .reference])
    func aThresholdChangeChangesTheTreeFromItsDate(engine: PolicyRuntime.EvaluationEngine) throws {
        #expect(try decisions(hours: 6, on: "2025-06-30", engine: engine).1 == "false")
        #expect(try decisions(hours: 6, on: "2025-07-01", engine: engine).1 == "true")
    }

    @Test func eachPeriodHasItsOwnTrees() {
        #expect(policy.compiled.epochs.map(\.from.description) == ["0001-01-01", "2019-01-01", "2025-07-01", "2026-01-01"])
    }

    @Test func beforeTheFirstValueTheParameterIsNotInForce() throws {
        #expect(throws: EvaluationError.self) { try decisions(hours: 20, on: "2018-12-31") }
    }
}
