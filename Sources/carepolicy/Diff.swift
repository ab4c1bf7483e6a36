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

/// `carepolicy diff OLD NEW`: where a decision differs between two versions of a policy.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the exact regions of the facts where decisions differ between two versions of a policy, with an example person for each.",
        discussion: """
        Works on the decision trees, not by sampling. Regions are written in the policy's own terms \
        (other decisions' values, derived facts, Chinese labels). The ledger, the approval steps and \
        the programs are compared too. Prints nothing when the policies are equivalent. \
        OLD may be a git revision, `REV:path` (`HEAD:policies/anqing.yaml`), read with its includes \
        as they were at that revision; a saved copy outside the policy directory (either side) resolves \
        its includes from `--policy-dir` (default: the other file's policy directory). \
        Exit status: 0 equivalent, 1 different, 2 the policies could not be loaded or compared, \
        3 no difference confirmed but some regions could not be decided exactly.
        """)

    @OptionGroup var lang: LanguageOption

    @Argument(help: "The old policy: a file, or a git revision `REV:path` such as `HEAD:policies/anqing.yaml`.")
    var old: String

    @Argument(help: "The new policy: a file, or a git revision `REV:path`.")
    var new: String

    @Option(help: "Only this decision (default: every public decision).")
    var decision: String?

    @Option(name: .customLong("as-of"), help: "Compare from this date to the end of its period only (default: every period both are in force).")
    var asOf: String?

    @Option(help: "How to write the report: text for reading, json for programs.")
    var format: DiffFormat = .text

    @Option(name: .customLong("policy-dir"), help: "The policy directory a saved copy resolves its includes from (default: the other file's).")
    var policyDirectory: String?

    func run() throws {
        let date = try asOf.map { try parseDate($0) }
        // Either side may be a saved copy; each resolves its includes from the other's policy directory.
        let besides = FileManager.default.fileExists(atPath: old) ? old : new
        let after = try loadOrExit { () throws(PolicyLoadError) in try LoadedPolicy.load(comparing: new, with: besides, policyDirectory: policyDirectory) }
        let before = try loadOrExit { () throws(PolicyLoadError) in try LoadedPolicy.load(comparing: old, with: new, policyDirectory: policyDirectory) }
        let comparison: PolicyComparison
        do {
            comparison = try PolicyComparison(old: before, new: after, decision: decision, asOf: date)
        } catch {
            Output.err("error: \(error)")
            throw ExitCode(2)
        }
        switch format {
        case .json: Output.out(comparison.json())
        case .text:
            let text = comparison.text
            if !text.isEmpty { Output.out(text) }
        }
        throw ExitCode(comparison.status.exitCode)
    }

    func loadOrExit(_ load: () throws(PolicyLoadError) -> LoadedPolicy) throws -> LoadedPolicy {
        do {
            return try load()
        } catch {
            Output.err(error.rendered(lang.language))
            throw ExitCode(2)
        }
    }
}

/// How `diff` writes its report.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
