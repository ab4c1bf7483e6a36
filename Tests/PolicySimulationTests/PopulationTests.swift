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

/// The synthetic population is drawn as `policies/common/population.yaml` says: the
/// same file as the generator wrote when its distributions were Swift, deterministic,
/// of the documented shape, and accepted by every district policy.
@Suite struct PopulationTests {
    static let date = CivilDate(year: 2026, month: 6, day: 1)!

    @Test func theSharedDescriptionDrawsWhatTheFormerGeneratorDrew() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        try PopulationGenerator(description: ScaleTestFiles.population, seed: 1).write(size: 300, to: directory + "/a.csv")
        #expect(ScaleTestFiles.read(directory + "/a.csv") == ScaleTestFiles.read(FixturePaths.fixture("population_former", "seed-1.csv")))
        try PopulationGenerator(description: ScaleTestFiles.population, seed: 123_456_789, referenceDate: CivilDate(year: 2025, month: 3, day: 1)!)
            .write(size: 100, to: directory + "/b.jsonl")
        #expect(ScaleTestFiles.read(directory + "/b.jsonl") == ScaleTestFiles.read(FixturePaths.fixture("population_former", "seed-123456789-2025-03-01.jsonl")))
    }

    @Test func theSameSeedGivesTheSameFile() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        try PopulationGenerator(description: ScaleTestFiles.population, seed: 11).write(size: 500, to: directory + "/a.csv")
        try PopulationGenerator(description: ScaleTestFiles.population, seed: 11).write(size: 500, to: directory + "/b.csv")
        try PopulationGenerator(description: ScaleTestFiles.population, seed: 12).write(size: 500, to: directory + "/c.csv")
        let a = ScaleTestFiles.read(directory + "/a.csv")
        #expect(a == ScaleTestFiles.read(directory + "/b.csv"))
        #expect(a != ScaleTestFiles.read(directory + "/c.csv"))
        #expect(a.split(separator: "\n").count == 501)
        #expect(a.hasPrefix("id,birth_date,hukou_local,residence,no_income_source,no_work_capacity,no_legal_supporter,subsistence,ability_level,"
            + "lives_alone,children_in_district,child_caregiver_nearby,left_behind,severe_disability,family_planning_special,priority_care,five_elders,"
            + "receives_civil_aid,low_income_certified,receives_home_care_subsidy,tekun_dispersed\nP00000001,"))
    }

    @Test func aPersonDoesNotDependOnThePopulationSize() throws {
        let generator = try PopulationGenerator(description: ScaleTestFiles.population, seed: 3)
        #expect(try generator.person(41) == (try PopulationGenerator(description: ScaleTestFiles.population, seed: 3).person(41)))
        #expect(try generator.person(41)[0] == .string("P00000042"))
        #expect(try generator.person(123_456_788)[0] == .string("P123456789"))
    }

    @Test func distributionsAreTheDocumentedOnes() throws {
        let generator = try PopulationGenerator(description: ScaleTestFiles.population, seed: 2026)
        let names = generator.description.fields.map(\.name)
        let people = try (0..<50_000).map { try generator.person($0) }
        func fact(_ person: [Value], _ name: String) -> Value { person[names.firstIndex(of: name)!] }
        func flag(_ person: [Value], _ name: String) -> Bool { fact(person, name) == .bool(true) }
        let subsistence = generator.description.fields[names.firstIndex(of: "subsistence")!].type
        func category(_ person: [Value]) -> String { fact(person, "subsistence").display(as: subsistence) }
        func share(_ test: ([Value]) -> Bool) -> Double { Double(people.filter(test).count) / Double(people.count) }
        func age(_ person: [Value]) -> Int { CivilDate.fullYears(from: fact(person, "birth_date").dateValue!, to: Self.date) }
        #expect((0.83...0.87).contains(share { category($0) == "none" }))
        #expect((0.07...0.09).contains(share { category($0) == "dibao" }))
        #expect((0.035...0.045).contains(share { category($0) == "marginal" }))
        #expect((0.025...0.035).contains(share { category($0) == "tekun" }))
        #expect((0.43...0.47).contains(share { (60...69).contains(age($0)) }))
        #expect((0.30...0.34).contains(share { (70...79).contains(age($0)) }))
        #expect((0.03...0.05).contains(share { age($0) < 60 }))
        #expect(people.allSatisfy { (50...104).contains(age($0)) })
        #expect(share { fact($0, "ability_level").integerValue! <= 1 } > 0.80)
        // 三无 people are mostly 特困.
        let threeNos = people.filter { flag($0, "no_income_source") && flag($0, "no_work_capacity") && flag($0, "no_legal_supporter") }
        #expect(threeNos.count > 20)
        #expect(Double(threeNos.filter { category($0) == "tekun" }.count) / Double(threeNos.count) > 0.75)
        // Only 特困 people are 分散供养.
        #expect(people.allSatisfy { !flag($0, "tekun_dispersed") || category($0) == "tekun" })
    }

    @Test(arguments: ["anqing.yaml", "dongxihu.yaml", "rural-pilot.yaml"])
    func everyDistrictPolicyAcceptsThePopulation(policy: String) throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        try PopulationGenerator(description: ScaleTestFiles.population, seed: 5).write(size: 3_000, to: directory + "/people.csv")
        try PopulationGenerator(description: ScaleTestFiles.population, seed: 5).write(size: 3_000, to: directory + "/people.jsonl")
        let loaded = try LoadedPolicy.load(path: ScaleTestFiles.policy(policy))
        for input in ["people.csv", "people.jsonl"] {
            let summary = try BatchEvaluation.run(loaded, input: directory + "/" + input, output: directory + "/out.jsonl",
                                                  options: BatchOptions(asOf: Self.date))
            #expect(summary.records == 3_000)
            #expect(summary.evaluated == 3_000, "\(summary.firstErrors)")
        }
    }
}
