import ArgumentParser
import CarePolicy

/// `carepolicy`: check, evaluate, picture and test elderly-care policies.
@main
struct CarePolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carepolicy",
        abstract: "Check, evaluate, picture, test and serve elderly-care policy files.",
        subcommands: [Check.self, Eval.self, Tree.self, TestPolicies.self, Verify.self, Serve.self, Log.self]
    )
}
