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

/// `carepolicy population --size N --seed S --out FILE [--description FILE]`: a synthetic population.
struct Population: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic population of older people (the facts a description file names, drawn as it says) as CSV or JSON Lines.",
        discussion: """
        The description (default policies/common/population.yaml) names the vocabulary whose facts \
        it draws, relative to itself as an `include` is, and gives each fact's distribution: \
        `probability`, `weights`, `shares`, `bands`, `age`, `numbered` or `value`, each case \
        under a `when` on the facts drawn before it. The same seed gives the same file; person N \
        is the same whatever the size. The default description draws the shared facts of every \
        district policy, which accepts the records as they are (its own extra facts have \
        defaults). docs/what-if.md describes the format and every distribution.
        """)

    @OptionGroup var lang: LanguageOption

    @Option(help: "How many persons.")
    var size: Int

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "The output file, .csv or .jsonl (- for standard output, CSV).")
    var out: String

    @Option(name: .customLong("as-of"), help: "Ages are drawn, and conditions evaluated, for this date, YYYY-MM-DD.")
    var asOf: String = "2026-06-01"

    @Option(name: .customLong("description"), help: "The population description file.")
    var descriptionFile: String = PopulationGenerator.defaultDescription

    func validate() throws {
        if size < 0 { throw ValidationError("--size must be 0 or more") }
    }

    func run() throws {
        let date = try parseDate(asOf)
        let generator: PopulationGenerator
        do {
            generator = try PopulationGenerator(description: descriptionFile, seed: seed, referenceDate: date)
        } catch {
            Output.err(error.rendered(lang.language))
            throw ExitCode(1)
        }
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
