import CarePolicy
import Testing
import PolicySimulation
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// A session reuses its memory between persons and gives exactly what a one-off
/// evaluation gives, across parameter periods.
@Suite struct EvaluationSessionTests {
    @Test(arguments: ["anqing", "dongxihu", "rural-pilot"])
    func aSessionAgreesWithOneOffEvaluations(name: String) throws {
        let policy = try SamplePerson.policy(name)
        let session = EvaluationSession(policy.evaluator)
        let people = RandomPersons(policy: policy.checked)
        var generator = SeededGenerator(seed: 7)
        for number in 0..<500 {
            let date = RandomPersons.randomDate(using: &generator)
            let facts = people.person(number: number, on: date, using: &generator)
            let once = try? policy.evaluator.evaluate(facts, on: date)
            let again = try? session.evaluate(facts, on: date)
            #expect(once?.results == again?.results, "person \(number) on \(date)")
        }
    }
}
