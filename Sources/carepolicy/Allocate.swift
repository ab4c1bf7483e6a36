import ArgumentParser
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// `carepolicy allocate POLICY --program NAME --population FILE.jsonl`: give out a program's places.
struct Allocate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank the eligible by the program's priority order and say who gets a place.",
        discussion: """
        The population is JSON Lines of facts, each with an `id`. Ranking uses the policy's priority \
        keys, then `id`, so the result does not depend on the order of the file. A line with bad facts \
        is listed under `problems` and left out (exit 1 at the end).
        """)

    @OptionGroup var lang: LanguageOption

    @Argument(help: "The policy file.")
    var policy: String

    @Option(help: "The program, as named under `programs:` in the policy (e.g. smart_bracelet).")
    var program: String

    @Option(help: "A .jsonl file of persons' facts, or - for standard input.")
    var population: String

    @Option(help: "The number of places (default: the policy's).")
    var places: Int?

    @Option(name: .customLong("as-of"), help: "The evaluation date, YYYY-MM-DD (default: today).")
    var asOf: String?

    func validate() throws {
        if let places, places < 0 { throw ValidationError("--places must be 0 or more") }
    }

    func run() throws {
        let date = try parseDate(asOf)
        let loaded = try loadPolicyOrExit(policy, language: lang.language)
        let text = try readTextInput(population, what: "population")
        let allocation: ProgramAllocation
        do {
            allocation = try loaded.allocate(program: program, population: text, places: places, on: date)
        } catch {
            Output.err("error: \(error)")
            throw ExitCode(1)
        }
        for problem in allocation.problems {
            Output.err("\(population):\(problem.line): error: \(problem.message)")
        }
        Output.out(JSONText.write(allocation.json, pretty: true))
        if !allocation.problems.isEmpty { throw ExitCode(1) }
    }
}
