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

/// `carepolicy batch POLICY --input FILE --as-of DATE --out FILE`: evaluate a whole file.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate every record of a CSV or JSON Lines file and write one result per record, in order, streaming.",
        discussion: """
        Memory stays the same whatever the input's size. A bad record becomes an error row (its line, \
        id and the field at fault) and the run goes on; the summary on standard error lists the first \
        errors. Exit status 1 when any record failed. A progress bar is shown when standard error is a \
        terminal. CSV output: one column per public decision (list items joined by `|`), then `error`; \
        a text cell starting with =, +, -, @, tab or CR is written with a leading ' so that a spreadsheet \
        does not run it. A record longer than --max-record-bytes gets an error row without being read.
        """)

    @OptionGroup var lang: LanguageOption

    @Argument(help: "The policy file.")
    var policy: String

    @Option(help: "The records: .csv (a header row naming the facts) or .jsonl; - for standard input (with --input-format).")
    var input: String

    @Option(name: .customLong("as-of"), help: "The evaluation date, YYYY-MM-DD.")
    var asOf: String

    @Option(help: "The results: .jsonl or .csv; - for standard output (JSON Lines).")
    var out: String

    @Option(help: "Worker threads (the output is the same for any number).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("set"), help: "Override a parameter: name=value, or name=value@YYYY-MM-DD from that date on. Repeatable.")
    var overrides: [String] = []

    @Option(name: .customLong("input-format"), help: "csv or jsonl, when the input's name does not say.")
    var inputFormat: RecordFormat?

    @Option(name: .customLong("max-record-bytes"), help: "The longest record (one line), in bytes; a longer one gets an error row without being read (default: 1 MiB).")
    var maxRecordBytes: Int = RecordLimit.defaultBytes

    @Flag(help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        if workers < 1 { throw ValidationError("--workers must be 1 or more") }
        if maxRecordBytes < 1 { throw ValidationError("--max-record-bytes must be 1 or more") }
    }

    func run() throws {
        let date = try parseDate(asOf)
        let loaded = try applyOverrides(overrides, to: try loadPolicyOrExit(policy, language: lang.language))
        let bar = ProgressBar(label: "batch")
        let summary: BatchSummary
        do {
            summary = try BatchEvaluation.run(loaded, input: input, output: out,
                                              options: BatchOptions(asOf: date, workers: workers, inputFormat: inputFormat, recordLimit: maxRecordBytes),
                                              progress: bar.update)
        } catch {
            bar.finish()
            Output.err("error: \(error)")
            throw ExitCode(1)
        }
        bar.finish()
        if !quiet {
            let rate = summary.seconds > 0 ? Double(summary.records) / summary.seconds : 0
            Output.err("\(input): \(summary.records) records, \(summary.evaluated) evaluated, \(summary.failed) failed; "
                       + String(format: "%.2f s, %.0f records/s", summary.seconds, rate)
                       + " (\(loaded.metadata.id) \(loaded.metadata.version), as of \(date), \(workers) worker\(workers == 1 ? "" : "s"))")
            Output.err("\(input): \(summary.ways.fast) read in place (the fast way), \(summary.ways.general) decoded (the general way), "
                       + "\(summary.ways.trees) of them on the decision trees")
            for error in summary.firstErrors {
                Output.err("\(input):\(error.line)\(error.column.map { ":\($0)" } ?? ""): error: \(error.id.map { "`\($0)`: " } ?? "")\(error.message)")
            }
            if summary.failed > summary.firstErrors.count { Output.err("… and \(summary.failed - summary.firstErrors.count) more errors (see the error rows in \(out))") }
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

extension RecordFormat: ExpressibleByArgument {}
