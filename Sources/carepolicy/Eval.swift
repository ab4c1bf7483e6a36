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
        run goes on (exit 1 at the end). `-` reads standard input (JSON Lines if it has several lines). \
        JSON Lines are answered as they are read; a record longer than --max-record-bytes gets an error \
        row without being read.
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

    @Option(name: .customLong("max-record-bytes"), help: "The longest record (a .json file, or one line), in bytes; a longer one is an error without being read (default: 1 MiB).")
    var maxRecordBytes: Int = RecordLimit.defaultBytes

    func validate() throws {
        if maxRecordBytes < 1 { throw ValidationError("--max-record-bytes must be 1 or more") }
    }

    /// One record of the input: its text, or the line that was too long to read.
    enum Record {
        case text(String, line: Int)
        case tooLong(SkippedLine)
    }

    func run() throws {
        let date = try parseDate(asOf)
        let loaded = try loadPolicyOrExit(policy, engine: engine, language: lang.language)
        let session = loaded.session()
        var failures = 0
        func emit(_ record: Record, lines isLines: Bool) {
            switch record {
            case .text(let text, let lineNumber):
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
                    report(error.description, line: lineNumber, lines: isLines)
                }
            case .tooLong(let skipped):
                failures += 1
                report(skipped.message, line: skipped.line, lines: isLines)
            }
        }
        if facts.hasSuffix(".jsonl") || facts == "-" {
            // Streamed: each line is answered as it is read, and a line over the limit is
            // skipped without being kept. From standard input, one record alone is one
            // person (pretty-printed); a second makes it JSON Lines.
            let reader: LineChunkReader
            do { reader = try LineChunkReader(path: facts, recordLimit: maxRecordBytes) } catch { throw ValidationError(error.description) }
            var isLines = facts.hasSuffix(".jsonl")
            var held: Record?
            func take(_ record: Record) {
                if isLines { return emit(record, lines: true) }
                guard let first = held else { held = record; return }
                isLines = true
                held = nil
                emit(first, lines: true)
                emit(record, lines: true)
            }
            while let chunk = reader.next() {
                chunk.forEachLine({ line, number in
                    guard !NumberedLines.isBlank(line) else { return }
                    take(.text(String(decoding: line, as: UTF8.self), line: number))
                }, tooLong: { skipped in
                    take(.tooLong(skipped))
                })
            }
            if let first = held { emit(first, lines: false) }
            if let failure = reader.failure {
                Output.err("error: \(failure)")
                failures += 1
            }
        } else {
            if let text = try readSingle(facts) {
                emit(.text(text, line: 1), lines: false)
            } else {
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// A located error on standard error, and for JSON Lines an error row in the output.
    func report(_ message: String, line: Int, lines isLines: Bool) {
        Output.err("\(facts):\(isLines ? "\(line):" : "") error: \(message)")
        if isLines {
            Output.out(JSONText.write(.object([("line", .integer(Int64(line))), ("error", .string(message))])))
        }
    }

    /// A `.json` file of one person; nil (with the error reported) when it is over the
    /// record limit, which is found without reading it.
    func readSingle(_ path: String) throws -> String? {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxRecordBytes {
            report(RecordLimit.tooLarge(bytes: size, limit: maxRecordBytes), line: 1, lines: false)
            return nil
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
