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

/// `carepolicy eval POLICY --facts FILE`: evaluate one person (`.json`) or many (`.jsonl`).
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a policy for the facts in a JSON file (one object) or a JSON Lines file (one object per line).",
        discussion: """
        Output is JSON: the decisions of each person, with the input's `id`. For `.jsonl`, one line \
        per input line in the same order; a line with bad facts gives `{"line": N, "error": …}` and the \
        run goes on (exit 1 at the end). `-` reads standard input (JSON Lines if it has several lines).
        """)

    @OptionGroup var lang: LanguageOption

    @Argument(help: "The policy file.")
    var policy: String

    @Option(help: "A .json file with one object of facts, a .jsonl file with one per line, or - for standard input.")
    var facts: String

    @Option(name: .customLong("as-of"), help: "The evaluation date, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Flag(help: "Add the trace: the rules that fired, their reasons and citations, and the values read.")
    var explain = false

    @Option(help: "json (default) or text: a readable explanation in Chinese.")
    var format: EvalFormat = .json

    @Option(help: "flat (default): the flat machine, the trees where it cannot; tree: the decision trees; reference: the rule-by-rule reference interpreter.")
    var engine: EvaluationEngine = .flat

    func run() throws {
        let date = try parseDate(asOf)
        let loaded = try loadPolicyOrExit(policy, engine: engine, language: lang.language)
        let session = loaded.session()
        let input = try readInput(facts)
        let numbered = NumberedLines.nonBlank(input)
        let isLines = facts.hasSuffix(".jsonl") || (facts == "-" && numbered.count > 1)
        let lines: [(line: Int, text: String)] = isLines ? numbered : [(1, input)]
        var failures = 0
        for (lineNumber, text) in lines {
            do {
                let facts = try loaded.decodeFacts(json: text)
                let evaluation = try session.evaluate(facts, on: date)
                let traces = explain || format == .text ? loaded.evaluator.trace(evaluation, facts: facts) : nil
                switch format {
                case .json:
                    Output.out(JSONText.write(evaluation.json(policy: loaded.checked, traces: explain ? traces : nil), pretty: !isLines))
                case .text:
                    Output.out(ExplanationText.render(evaluation, traces: traces ?? [], policy: loaded.checked))
                }
            } catch {
                failures += 1
                let where_ = isLines ? "line \(lineNumber): " : ""
                Output.err("\(facts):\(where_.isEmpty ? "" : "\(lineNumber):") error: \(error)")
                if isLines {
                    Output.out(JSONText.write(.object([("line", .integer(Int64(lineNumber))), ("error", .string(error.description))])))
                }
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    func readInput(_ path: String) throws -> String {
        if path == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read facts file `\(path)`")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// How `eval` writes its result.
enum EvalFormat: String, ExpressibleByArgument, CaseIterable {
    case json, text
}

extension EvaluationEngine: ExpressibleByArgument {}

func parseDate(_ text: String?) throws -> CivilDate {
    guard let text else { return CivilDate.today() }
    guard let date = CivilDate(text) else {
        throw ValidationError("`\(text)` is not a date; write YYYY-MM-DD, e.g. 2026-01-01")
    }
    return date
}
