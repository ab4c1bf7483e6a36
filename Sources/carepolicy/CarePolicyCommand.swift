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

/// `carepolicy`: check, evaluate, picture and test elderly-care policies.
@main
struct CarePolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carepolicy",
        abstract: "Check, evaluate, picture, test and serve elderly-care policy files; replay ledgers; run what-if scenarios.",
        subcommands: [Serve.self, Check.self, Eval.self, Tree.self, TestPolicies.self, Verify.self, Diff.self, Explain.self,
                      Ledger.self, Approval.self, Allocate.self, Compliance.self, Population.self, Batch.self, WhatIf.self, Log.self]
    )

    /// As swift-argument-parser's `main`, except that a `ValidationError` thrown while a
    /// subcommand runs (an unknown decision, a missing directory) shows that subcommand's
    /// usage, not the top-level one: the parser only knows the subcommand for errors it
    /// finds itself.
    static func main() async {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError {
            let subcommand = type(of: command)
            let name = subcommand == CarePolicyCommand.self ? "carepolicy" : "carepolicy \(subcommand._commandName)"
            Output.err("Error: \(error.message)\nUsage: \(usageString(for: subcommand))\n  See '\(name) --help' for more information.")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
