import ArgumentParser
import Foundation
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// `carepolicy verify`: the decision trees against the reference interpreter, on random persons.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate random valid persons on random dates with the decision trees, the flat machine and the reference interpreter; report any disagreement.")

    @OptionGroup var lang: LanguageOption

    @Argument(help: "Policy files or directories (default: policies/).")
    var paths: [String] = []

    @Option(help: "How many random persons per policy.")
    var count = 100_000

    @Option(help: "The random seed (the same seed gives the same persons).")
    var seed: UInt64 = 1

    @Flag(help: "Print progress on standard error even when it is not a terminal (by default, only on a terminal).")
    var progress = false

    func run() throws {
        let files = (paths.isEmpty ? ["policies"] : paths).flatMap(PolicyFiles.policyFiles(under:))
        var disagreements = 0
        // Progress lines in a pipe or a log are noise: a terminal sees them, or whoever asks.
        let showProgress = progress || isatty(2) != 0
        for file in files {
            let policy = try loadPolicyOrExit(file, language: lang.language)
            // Progress on standard error about every tenth of a long run.
            let step = max(10_000, count / 10 / 10_000 * 10_000)
            let report = EvaluatorAgreement.check(policy, count: count, seed: seed) { done in
                if showProgress, count >= 100_000, done % step == 0 { Output.err("\(file): \(done) of \(count) persons checked") }
            }
            disagreements += report.disagreements
            Output.out("\(file): \(report.persons) persons, \(report.disagreements) disagreements, \(report.faults) evaluated to a fault in both (seed \(seed))")
            if let reason = policy.evaluator.flatUnsupported {
                Output.out("  flat machine: not used here (\(reason)); the trees evaluate this policy")
            } else {
                Output.out("  flat machine: checked on all \(report.flatPersons) persons")
            }
            for mismatch in report.mismatches { Output.out("  " + mismatch) }
        }
        if disagreements > 0 { throw ExitCode(1) }
    }
}
