import ArgumentParser
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
}
