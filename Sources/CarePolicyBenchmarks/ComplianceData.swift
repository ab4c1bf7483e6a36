import CarePolicy
import Foundation
import PolicyModel
import PolicySimulation

/// Writes a synthetic township for `carepolicy compliance` at scale (issue 14): elders
/// drawn by the population description and their service records, generated from the
/// policy's own requirements (`SyntheticTownship`). Deterministic: the same arguments give
/// the same files. Nothing is committed; `scripts/compliance-benchmark.sh` makes and
/// judges them.
///
/// `CarePolicyBenchmarks compliance-data POLICY DIR [elders] [from] [to] [records-per-day] [seed]`
/// (defaults: 10000 elders, 2025-01-01 to 2025-12-31, 3 records a day, seed 1) writes
/// `DIR/elders.jsonl` and `DIR/records.jsonl`.
enum ComplianceData {
    static func run(_ arguments: [String]) throws {
        guard arguments.count >= 2 else {
            print("usage: CarePolicyBenchmarks compliance-data POLICY DIR [elders] [from] [to] [records-per-day] [seed]")
            return
        }
        let policy = try LoadedPolicy.load(path: arguments[0])
        let directory = arguments[1]
        func argument<T>(_ index: Int, _ parse: (String) -> T?, _ fallback: T) throws -> T {
            guard index < arguments.count else { return fallback }
            guard let value = parse(arguments[index]) else { throw SyntheticTownshipError("argument \(index + 1) `\(arguments[index])` cannot be read") }
            return value
        }
        let elders = try argument(2, { Int($0) }, 10_000)
        let from = try argument(3, { CivilDate($0) }, CivilDate(year: 2025, month: 1, day: 1)!)
        let to = try argument(4, { CivilDate($0) }, CivilDate(year: 2025, month: 12, day: 31)!)
        let perDay = try argument(5, { Double($0) }, 3.0)
        let seed = try argument(6, { UInt64($0) }, 1)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let start = Benchmark.now()
        let population = try PopulationGenerator(seed: seed, referenceDate: from)
        let township = try SyntheticTownship(policy: policy, population: population, elders: elders, from: from, to: to, recordsPerDay: perDay, seed: seed)
        try township.writeElders(to: directory + "/elders.jsonl")
        let written = try township.writeRecords(to: directory + "/records.jsonl")
        print("wrote \(elders) elders to \(directory)/elders.jsonl and \(written.records) records (\(written.unknownElders) naming an unknown elder) "
              + "to \(directory)/records.jsonl, \(from) to \(to), in " + String(format: "%.1f s", Benchmark.now() - start))
    }
}
