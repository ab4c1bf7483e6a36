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

/// `carepolicy explain POLICY --facts F --why-not decision=value`: what would have to change.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer why a person does not get a value: the smallest changes of facts that would give it, in Chinese, with the rule that would fire.",
        discussion: """
        Facts that record the past (a birth date) never change; only the evaluation date moves, \
        so an age is reached by waiting ("自 2026-03-01 起，年龄满 70"). Every answer is evaluated again to confirm it.
        """)

    @OptionGroup var lang: LanguageOption

    @Argument(help: "The policy file.")
    var policy: String

    @Option(help: "A .json file with one object of facts, or - for standard input.")
    var facts: String

    @Option(name: .customLong("why-not"), help: "The value wanted, as DECISION=VALUE (e.g. service_tier=free).")
    var whyNot: String

    @Option(name: .customLong("as-of"), help: "The evaluation date, YYYY-MM-DD (default: today).")
    var asOf: String?

    func run() throws {
        let date = try parseDate(asOf)
        let loaded = try loadPolicyOrExit(policy, language: lang.language)
        let question: (decision: Int, value: Value)
        do {
            question = try WhyNotAnswer.parse(whyNot, in: loaded.checked)
        } catch {
            throw ValidationError(error.description)
        }
        let text: String
        if facts == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: facts) else { throw ValidationError("cannot read facts file `\(facts)`") }
            text = String(decoding: data, as: UTF8.self)
        }
        let person: Facts
        do {
            person = try loaded.decodeFacts(json: text)
        } catch {
            Output.err("\(facts): error: \(error)")
            throw ExitCode(1)
        }
        let answer = WhyNotAnswer(policy: loaded, facts: person, on: date, decision: question.decision, target: question.value)
        Output.out(answer.text)
    }
}
