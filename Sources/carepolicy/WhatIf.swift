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

/// `carepolicy whatif BASELINE VARIANT --input POP --as-of DATE --report DIR`: compare a variant with its baseline.
struct WhatIf: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Evaluate a population under a baseline policy and a variant in one pass; report who changes, how, and what it costs.",
        discussion: """
        VARIANT must extend BASELINE (`extends:`), or be BASELINE itself with --set overrides. The report \
        directory gets summary.json, report.html (Chinese, self-contained), changed.csv (one row per \
        changed decision of each changed person), errors.csv when records failed, and with --traces \
        changed_traces.jsonl. A short summary is printed on standard output.
        """)

    @OptionGroup var lang: LanguageOption

    @Argument(help: "The baseline policy file.")
    var baseline: String

    @Argument(help: "The variant policy file (extends the baseline), or the baseline again with --set.")
    var variant: String

    @Option(help: "The population: .csv or .jsonl.")
    var input: String

    @Option(name: .customLong("as-of"), help: "The evaluation date, YYYY-MM-DD.")
    var asOf: String

    @Option(help: "Break totals down by these facts, comma-separated (inputs or definitions; an integer may be banded: age:10).")
    var by: String?

    @Option(help: "The report directory (created if needed).")
    var report: String

    @Option(name: .customLong("set"), help: "Override a parameter of the variant: name=value or name=value@YYYY-MM-DD. Repeatable.")
    var overrides: [String] = []

    @Flag(help: "Also write both policies' full rule traces for every changed person (changed_traces.jsonl).")
    var traces = false

    @Option(help: "Worker threads (the report is the same for any number).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("input-format"), help: "csv or jsonl, when the input's name does not say.")
    var inputFormat: RecordFormat?

    @Option(name: .customLong("max-record-bytes"), help: "The longest record (one line), in bytes; a longer one gets an error row without being read (default: 1 MiB).")
    var maxRecordBytes: Int = RecordLimit.defaultBytes

    func validate() throws {
        if workers < 1 { throw ValidationError("--workers must be 1 or more") }
        if maxRecordBytes < 1 { throw ValidationError("--max-record-bytes must be 1 or more") }
    }

    func run() throws {
        let date = try parseDate(asOf)
        let base = try loadPolicyOrExit(baseline, language: lang.language)
        let other = try applyOverrides(overrides, to: try loadPolicyOrExit(variant, language: lang.language))
        let names = by.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
        let bar = ProgressBar(label: "whatif")
        let result: WhatIfReport
        do {
            result = try WhatIfAnalysis.run(baseline: base, variant: other, input: input, reportDirectory: report,
                                            options: WhatIfOptions(asOf: date, workers: workers, by: names, traces: traces, inputFormat: inputFormat, recordLimit: maxRecordBytes),
                                            progress: bar.update)
        } catch {
            bar.finish()
            Output.err("error: \(error)")
            throw ExitCode(1)
        }
        bar.finish()
        Output.out(WhatIfSummaryText.render(result, directory: report))
    }
}
