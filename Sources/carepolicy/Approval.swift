import ArgumentParser
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// `carepolicy approval POLICY --history FILE.jsonl`: where an application stands.
struct Approval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Follow an application along the policy's approval path and say the next step and who takes it.",
        discussion: """
        The history is JSON Lines, one step per line: {"step":"community_reviewed","date":"2026-01-10","by":"…"}; \
        a rejection needs a "reason". A step out of order is refused with a message naming the step that \
        should come (exit 1); it changes nothing.
        """)

    @OptionGroup var lang: LanguageOption

    @Argument(help: "The policy file.")
    var policy: String

    @Option(help: "A .jsonl file of steps taken so far, or - for standard input.")
    var history: String

    func run() throws {
        let loaded = try loadPolicyOrExit(policy, language: lang.language)
        let text = try readTextInput(history, what: "history")
        let path: ApprovalReplay
        do {
            path = try loaded.followApproval(history: text)
        } catch {
            Output.err("error: \(error)")
            throw ExitCode(1)
        }
        for refusal in path.refused {
            Output.err("\(history):\(refusal.line): refused: \(refusal.reason)")
        }
        Output.out(JSONText.write(path.json, pretty: true))
        if !path.refused.isEmpty { throw ExitCode(1) }
    }
}
