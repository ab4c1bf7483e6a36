import ArgumentParser
import CarePolicy
import Foundation
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// `carepolicy population --size N --seed S --out FILE`: a synthetic population.
struct Population: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic population of older people (the shared facts of every district policy) as CSV or JSON Lines.",
        discussion: """
        The same seed gives the same file; person N is the same whatever the size. Every district \
        policy accepts the records (their own extra facts have defaults). Distributions (about):
          age on --as-of: 4% 50–59, 45% 60–69, 32% 70–79, 15.5% 80–89, 3.3% 90–99, 0.2% 100–104
          subsistence: 85% none, 8% dibao, 4% marginal, 3% tekun; 三无 people are mostly tekun
          ability_level: mostly 0–1, higher with age (80+: 40% 0, 28% 1, 15% 2, 10% 3, 7% 4)
          residence 60% urban; children_in_district 70%; lives_alone 12%; hukou_local 92%
          left_behind: half of rural people whose children live elsewhere
        docs/what-if.md lists every distribution and correlation.
        """)

    @Option(help: "How many persons.")
    var size: Int

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "The output file, .csv or .jsonl (- for standard output, CSV).")
    var out: String

    @Option(name: .customLong("as-of"), help: "Ages are drawn for this date, YYYY-MM-DD.")
    var asOf: String = "2026-06-01"

    func validate() throws {
        if size < 0 { throw ValidationError("--size must be 0 or more") }
    }

    func run() throws {
        let date = try parseDate(asOf)
        let generator = PopulationGenerator(seed: seed, referenceDate: date)
        let bar = ProgressBar(label: "population")
        let start = Date()
        let total = size
        do {
            try generator.write(size: size, to: out) { done in
                bar.update(BatchProgress(records: done, bytesRead: done, totalBytes: total, seconds: Date().timeIntervalSince(start)))
            }
        } catch {
            bar.finish()
            Output.err("error: \(error)")
            throw ExitCode(1)
        }
        bar.finish()
        if out != "-" { Output.err("wrote \(size) persons to \(out) (seed \(seed), ages on \(date))") }
    }
}
