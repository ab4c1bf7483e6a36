import ArgumentParser
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// `carepolicy diff OLD NEW`: where a decision differs between two versions of a policy.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the exact regions of the facts where decisions differ between two versions of a policy, with an example person for each.",
        discussion: """
        Works on the decision trees, not by sampling. Prints nothing when the policies are equivalent. \
        Exit status: 0 equivalent, 1 different, 2 the policies could not be loaded or compared, \
        3 no difference confirmed but some regions could not be decided exactly.
        """)

    @OptionGroup var lang: LanguageOption

    @Argument(help: "The old policy file.")
    var old: String

    @Argument(help: "The new policy file.")
    var new: String

    @Option(help: "Only this decision (default: every public decision).")
    var decision: String?

    @Option(name: .customLong("as-of"), help: "Compare on this date only (default: every period both are in force).")
    var asOf: String?

    func run() throws {
        let date = try asOf.map { try parseDate($0) }
        let before = try loadOrExit(old), after = try loadOrExit(new)
        let comparison: PolicyComparison
        do {
            comparison = try PolicyComparison(old: before, new: after, decision: decision, asOf: date)
        } catch {
            Output.err("error: \(error)")
            throw ExitCode(2)
        }
        let text = comparison.text
        if !text.isEmpty { Output.out(text) }
        throw ExitCode(comparison.status.exitCode)
    }

    func loadOrExit(_ path: String) throws -> LoadedPolicy {
        do {
            return try LoadedPolicy.load(path: path)
        } catch {
            Output.err(error.rendered(lang.language))
            throw ExitCode(2)
        }
    }
}
