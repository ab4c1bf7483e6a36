import ArgumentParser
import CarePolicy

/// `carepolicy`: check, evaluate, picture and test elderly-care policies.
@main
struct CarePolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carepolicy",
        abstract: "Check, evaluate, picture and test elderly-care policy files.",
        subcommands: [Check.self, Eval.self, Tree.self, TestPolicies.self, Verify.self, Population.self, Batch.self, WhatIf.self]
    )
}
