import Foundation
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// How a what-if run reads and groups.
package struct WhatIfOptions: Sendable {
    package var asOf: CivilDate
    package var workers: Int
    /// Facts to break totals down by (`residence`, `subsistence`, `age:10`).
    package var by: [String]
    /// Also write both policies' full traces of every changed person (`changed_traces.jsonl`).
    package var traces: Bool
    package var inputFormat: RecordFormat?
    package var blockSize: Int
    /// The longest record, in bytes; a longer one goes to `errors.csv` (`--max-record-bytes`).
    package var recordLimit: Int

    package init(asOf: CivilDate, workers: Int = 2, by: [String] = [], traces: Bool = false, inputFormat: RecordFormat? = nil, blockSize: Int = 1 << 20,
                 recordLimit: Int = RecordLimit.defaultBytes) {
        self.asOf = asOf
        self.workers = workers
        self.by = by
        self.traces = traces
        self.inputFormat = inputFormat
        self.blockSize = blockSize
        self.recordLimit = recordLimit
    }
}

/// Evaluates one population under a baseline policy and a variant of it in one pass, and
/// writes what changes: who, in which decisions, with counts, transitions and totals.
///
/// ```swift
/// let report = try WhatIfAnalysis.run(baseline: anqing, variant: raised, input: "population.csv",
///                                     reportDirectory: "report", options: WhatIfOptions(asOf: CivilDate("2026-06-01")!))
/// print(report.changedPersons)
/// ```
/// The directory gets `summary.json`, `report.html`, `changed.csv` (one row per changed
/// decision of each changed person), `errors.csv` when records failed, and with
/// `traces`, `changed_traces.jsonl`.
package enum WhatIfAnalysis {
    /// Refuses a variant that is not built on the baseline: it must `extends:` the
    /// baseline's policy id, or be the baseline itself with `--set` overrides.
    package static func checkVariant(_ variant: LoadedPolicy, of baseline: LoadedPolicy) throws(RecordFileError) {
        let base = baseline.metadata, other = variant.metadata
        if other.extends == base.id { return }
        if other.id == base.id && other.contentHash != base.contentHash && other.file == base.file { return }
        let what = other.extends.map { "it extends `\($0)`" } ?? "it extends no policy"
        throw RecordFileError("`\(other.file)` (policy `\(other.id)`) is not a variant of `\(base.file)` (policy `\(base.id)`): \(what); "
                              + "a variant starts with `extends: <path to \((base.file as NSString).lastPathComponent)>`, or use the baseline itself with --set name=value")
    }

    package static func run(baseline: LoadedPolicy, variant: LoadedPolicy, input: String, reportDirectory: String, options: WhatIfOptions,
                           progress: ((BatchProgress) -> Void)? = nil) throws(RecordFileError) -> WhatIfReport {
        try checkVariant(variant, of: baseline)
        try BatchEvaluation.checkInForce(baseline, on: options.asOf)
        try BatchEvaluation.checkInForce(variant, on: options.asOf)
        let grouping = try Grouping(options.by, policy: baseline.checked)
        let source = try RecordSource(path: input, format: options.inputFormat, blockSize: options.blockSize, recordLimit: options.recordLimit)
        let baselineDecoder = try source.decoder(for: baseline.checked)
        let variantDecoder = try source.decoder(for: variant.checked)
        let shared = baselineDecoder.decodesLike(variantDecoder)
        let plan = ComparisonPlan(baseline: baseline.checked, variant: variant.checked)
        do {
            try FileManager.default.createDirectory(atPath: reportDirectory, withIntermediateDirectories: true)
        } catch {
            throw RecordFileError("cannot create the report directory `\(reportDirectory)`: \(error.localizedDescription)")
        }
        let changedOutput = try ByteOutput(path: reportDirectory + "/changed.csv")
        changedOutput.write(options.traces ? "line,id,decision,baseline,variant,baseline_rules,variant_rules\n" : "line,id,decision,baseline,variant\n")
        let traceOutput = options.traces ? try ByteOutput(path: reportDirectory + "/changed_traces.jsonl") : nil
        let errorOutput = try ByteOutput(path: reportDirectory + "/errors.csv")
        errorOutput.write("line,id,error\n")

        let start = DispatchTime.now().uptimeNanoseconds
        let date = options.asOf
        let context = Context(baseline: baseline, variant: variant, plan: plan, grouping: grouping, baselineDecoder: baselineDecoder,
                              variantDecoder: variantDecoder, sharedDecoding: shared, date: date, traces: options.traces)
        var total = WhatIfTally(columnCount: plan.columns.count)
        ChunkPipeline.run(reader: source.reader, first: source.first, workers: options.workers, makeWorker: { Worker(context) },
                          process: { worker, chunk in worker.compare(chunk) }, consume: { result, _ in
            changedOutput.write(result.changed)
            traceOutput?.write(result.traces)
            errorOutput.write(result.errors)
            total.merge(result.tally)
            progress?(BatchProgress(records: total.records, bytesRead: source.reader.bytesRead, totalBytes: source.reader.totalBytes,
                                    seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        }, flush: {
            changedOutput.flush()
            traceOutput?.flush()
            errorOutput.flush()
        })
        try changedOutput.close()
        try traceOutput?.close()
        try errorOutput.close()
        if let failure = source.reader.failure {
            throw RecordFileError("\(failure); what the records before it changed is in `\(reportDirectory)`")
        }
        if total.failed == 0 { try? FileManager.default.removeItem(atPath: reportDirectory + "/errors.csv") }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let report = WhatIfReport(baseline: baseline, variant: variant, input: input, asOf: date, plan: plan, grouping: grouping, tally: total,
                                  traces: options.traces, seconds: seconds)
        try write(JSONText.write(report.json, pretty: true) + "\n", to: reportDirectory + "/summary.json")
        try write(WhatIfHTML.render(report), to: reportDirectory + "/report.html")
        return report
    }

    package static func write(_ text: String, to path: String) throws(RecordFileError) {
        let output = try ByteOutput(path: path)
        output.write(text)
        try output.close()
    }

    /// What every worker shares.
    package struct Context: Sendable {
        package let baseline: LoadedPolicy
        package let variant: LoadedPolicy
        package let plan: ComparisonPlan
        package let grouping: Grouping
        package let baselineDecoder: RecordDecoder
        package let variantDecoder: RecordDecoder
        package let sharedDecoding: Bool
        package let date: CivilDate
        package let traces: Bool
    }

    package struct ChunkResult: Sendable {
        package var tally: WhatIfTally
        package var changed: [UInt8] = []
        package var traces: [UInt8] = []
        package var errors: [UInt8] = []
    }
}
