import CarePolicy
import Foundation
import PolicyCompliance
import PolicyModel
import PolicySimulation
import Testing
import TestSupport

/// The synthetic township behind the compliance benchmark: the same files for the same
/// seed, elders every run accepts, records of the declared shape at about the asked rate,
/// every one judged (but the few naming an unknown elder), and requirements mostly met.
@Suite struct SyntheticTownshipTests {
    static let from = CivilDate(year: 2025, month: 1, day: 1)!
    static let to = CivilDate(year: 2025, month: 3, day: 31)!

    static func township(elders: Int = 40, seed: UInt64 = 7, unknownElderEvery: Int = 1_000) throws -> SyntheticTownship {
        let policy = try LoadedPolicy.load(path: ScaleTestFiles.policy("sunhe.yaml"))
        let population = try PopulationGenerator(description: ScaleTestFiles.population, seed: seed, referenceDate: from)
        return try SyntheticTownship(policy: policy, population: population, elders: elders, from: from, to: to, unknownElderEvery: unknownElderEvery, seed: seed)
    }

    @Test func theSameSeedGivesTheSameFiles() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try Self.township().writeRecords(to: directory + "/a.jsonl")
        let second = try Self.township().writeRecords(to: directory + "/b.jsonl")
        #expect(first == second)
        #expect(ScaleTestFiles.read(directory + "/a.jsonl") == ScaleTestFiles.read(directory + "/b.jsonl"))
        _ = try Self.township(seed: 8).writeRecords(to: directory + "/c.jsonl")
        #expect(ScaleTestFiles.read(directory + "/a.jsonl") != ScaleTestFiles.read(directory + "/c.jsonl"))
    }

    @Test func eldersAreTheDescriptionsPersonsWithThePolicysOtherFacts() throws {
        let township = try Self.township()
        #expect(township.elders.count == 40)
        let first = township.elders[0].line
        #expect(first.hasPrefix(#"{"id":"P00000001","birth_date":"#))
        // Sunhe's own facts: resides_local (a bool, drawn), village (the group: 村 and a number); card_issued_on has a default.
        #expect(first.contains(#""resides_local":"#))
        #expect(first.range(of: #""village":"村(0[1-9]|1[0-9]|20)""#, options: .regularExpression) != nil)
        #expect(!first.contains("card_issued_on"))
        let villages = Set(township.elders.compactMap { line -> String? in
            guard let range = line.line.range(of: #"村[0-9]{2}"#, options: .regularExpression) else { return nil }
            return String(line.line[range])
        })
        #expect(villages.count > 10 && villages.count <= 20)
    }

    @Test func recordsAreJudgedAndMostlyMeetTheRequirements() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let township = try Self.township()
        let written = try township.writeRecords(to: directory + "/records.jsonl")
        let text = ScaleTestFiles.read(directory + "/records.jsonl")
        let lines = text.split(separator: "\n")
        #expect(lines.count == written.records)
        // About 3 a day for 40 elders over 90 days.
        #expect(Double(written.records) > 2.8 * 40 * 90 && Double(written.records) < 3.2 * 40 * 90, "\(written.records)")
        #expect(written.unknownElders == written.records / 1_000)
        #expect(lines[0].range(of: #"^\{"elder":"P[0-9]{8}","provider":"p[0-9]+","provider_kind":"[a-z_]+","kind":"[a-z_]+","date":"2025-01-01"\}$"#,
                               options: .regularExpression) != nil, "\(lines[0])")
        #expect(lines.last?.hasSuffix(#""date":"2025-03-31"}"#) == true)

        let policy = try LoadedPolicy.load(path: ScaleTestFiles.policy("sunhe.yaml"))
        let elders = township.elders.enumerated().map { (line: $0.offset + 1, facts: $0.element.facts) }
        let run = try ComplianceRun(evaluator: policy.evaluator, elders: elders, from: Self.from, to: Self.to)
        let report = try run.judge(recordsAt: directory + "/records.jsonl", workers: 2)
        #expect(report.records.read == written.records)
        #expect(report.records.refused == written.unknownElders)
        #expect(report.refused.allSatisfy { $0.reason == "unknown elder `unknown-elder`: not among the elders judged" })
        let knock = try #require(report.compliance.requirements.firstIndex { $0.name == "daily_knock" })
        let judged = report.outcomes.filter { $0.tallies[knock].windows > 0 }
        #expect(judged.count > 20)
        let windows = judged.reduce(0) { $0 + $1.tallies[knock].windows }, met = judged.reduce(0) { $0 + $1.tallies[knock].met }
        #expect(Double(met) / Double(windows) > 0.93 && met < windows, "\(met) of \(windows)")
        // Every requirement is met in about 96% of its windows, the festival ones included.
        for (index, requirement) in report.compliance.requirements.enumerated() {
            let windows = report.outcomes.reduce(0) { $0 + $1.tallies[index].windows }, met = report.outcomes.reduce(0) { $0 + $1.tallies[index].met }
            #expect(windows > 0 && Double(met) / Double(windows) > 0.85, "\(requirement.name): \(met) of \(windows)")
        }
    }

    @Test("the chance a day that meets a requirement in 96% of its windows", arguments: [
        (1, 1, 0.96), (2, 7, 0.540), (1, 15, 0.193), (1, 30, 0.102), (1, 91, 0.035), (1, 7, 0.369), (3, 2, 0.99),
    ])
    func chance(_ least: Int, _ days: Int, _ expected: Double) {
        #expect(abs(SyntheticTownship.dailyChance(least: least, of: days, met: 0.96) - expected) < 0.001)
    }

    @Test func aPolicyWithoutRequirementsHasNoTownship() throws {
        let policy = try LoadedPolicy.load(path: ScaleTestFiles.policy("anqing.yaml"))
        let population = try PopulationGenerator(description: ScaleTestFiles.population, seed: 1)
        #expect(throws: SyntheticTownshipError.self) {
            try SyntheticTownship(policy: policy, population: population, elders: 1, from: Self.from, to: Self.to, seed: 1)
        }
    }
}
