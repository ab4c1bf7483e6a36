import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicySimulation
import PolicyBatch
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// The synthetic population is deterministic, has the documented shape, and every
/// district policy accepts it.
@Suite struct PopulationTests {
    @Test func theSameSeedGivesTheSameFile() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        try PopulationGenerator(seed: 11).write(size: 500, to: directory + "/a.csv")
        try PopulationGenerator(seed: 11).write(size: 500, to: directory + "/b.csv")
        try PopulationGenerator(seed: 12).write(size: 500, to: directory + "/c.csv")
        let a = ScaleTestFiles.read(directory + "/a.csv")
        #expect(a == ScaleTestFiles.read(directory + "/b.csv"))
        #expect(a != ScaleTestFiles.read(directory + "/c.csv"))
        #expect(a.split(separator: "\n").count == 501)
        #expect(a.hasPrefix(SyntheticPerson.fieldNames.joined(separator: ",") + "\nP00000001,"))
    }

    @Test func aPersonDoesNotDependOnThePopulationSize() {
        let generator = PopulationGenerator(seed: 3)
        #expect(generator.person(41) == PopulationGenerator(seed: 3).person(41))
        #expect(generator.person(41).id == "P00000042")
        #expect(PopulationGenerator.id(123_456_788) == "P123456789")
    }

    @Test func distributionsAreTheDocumentedOnes() {
        let generator = PopulationGenerator(seed: 2026)
        let people = (0..<50_000).map(generator.person)
        func share(_ test: (SyntheticPerson) -> Bool) -> Double { Double(people.filter(test).count) / Double(people.count) }
        let date = PopulationGenerator.defaultReferenceDate
        func age(_ person: SyntheticPerson) -> Int { CivilDate.fullYears(from: person.birthDate, to: date) }
        #expect((0.83...0.87).contains(share { $0.subsistence == "none" }))
        #expect((0.07...0.09).contains(share { $0.subsistence == "dibao" }))
        #expect((0.035...0.045).contains(share { $0.subsistence == "marginal" }))
        #expect((0.025...0.035).contains(share { $0.subsistence == "tekun" }))
        #expect((0.43...0.47).contains(share { (60...69).contains(age($0)) }))
        #expect((0.30...0.34).contains(share { (70...79).contains(age($0)) }))
        #expect((0.03...0.05).contains(share { age($0) < 60 }))
        #expect(people.allSatisfy { (50...104).contains(age($0)) })
        #expect(share { $0.abilityLevel <= 1 } > 0.80)
        // 三无 people are mostly 特困.
        let threeNos = people.filter { $0.noIncomeSource && $0.noWorkCapacity && $0.noLegalSupporter }
        #expect(threeNos.count > 20)
        #expect(Double(threeNos.filter { $0.subsistence == "tekun" }.count) / Double(threeNos.count) > 0.75)
        // Only 特困 people are 分散供养.
        #expect(people.allSatisfy { !$0.tekunDispersed || $0.subsistence == "tekun" })
    }

    @Test(arguments: ["anqing.yaml", "dongxihu.yaml", "rural-pilot.yaml"])
    func everyDistrictPolicyAcceptsThePopulation(policy: String) throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        try PopulationGenerator(seed: 5).write(size: 3_000, to: directory + "/people.csv")
        try PopulationGenerator(seed: 5).write(size: 3_000, to: directory + "/people.jsonl")
        let loaded = try LoadedPolicy.load(path: ScaleTestFiles.policy(policy))
        for input in ["people.csv", "people.jsonl"] {
            let summary = try BatchEvaluation.run(loaded, input: directory + "/" + input, output: directory + "/out.jsonl",
                                                  options: BatchOptions(asOf: CivilDate(year: 2026, month: 6, day: 1)!))
            #expect(summary.records == 3_000)
            #expect(summary.evaluated == 3_000, "\(summary.firstErrors)")
        }
    }
}
