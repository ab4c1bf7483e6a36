import ArgumentParser
import CarePolicy
import Foundation
import PolicyBatch
import PolicyCompliance
import PolicyModel
import PolicyRuntime
import RecordFormats

/// `carepolicy compliance POLICY --elders FILE --records FILE --from DATE --to DATE`: judge service requirements.
struct Compliance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Judge the policy's service requirements over service records: per elder, per requirement, the windows met and missed.",
        discussion: """
        The elders are CSV or JSON Lines with the policy's facts (each with an `id`); the records are JSON \
        Lines in the shape the policy's `compliance: records:` declares. Records stream on every worker, in \
        memory that does not grow with the file. A bad record is refused (its line and reason on standard \
        error and under `refused`) and the rest are judged; a bad elder stops the run (exit 1). Prints one \
        JSON document; --report DIR also writes report.html (Chinese) and missed.csv.
        """)

    @OptionGroup var lang: LanguageOption

    @Argument(help: "The policy file (with a `compliance:` section).")
    var policy: String

    @Option(help: "The elders: .csv (a header row naming the facts) or .jsonl.")
    var elders: String

    @Option(help: "The service records: .jsonl, or - for standard input.")
    var records: String

    @Option(help: "The first day judged, YYYY-MM-DD.")
    var from: String

    @Option(help: "The last day judged, YYYY-MM-DD: on or after --from, at most ten years on.")
    var to: String

    @Option(help: "Also write report.html and missed.csv into this directory (created if needed).")
    var report: String?

    @Option(name: .customLong("spot-check"), help: "Draw this many elders per spot-check window (the policy's `spot_check: per:`), weighted toward missed windows.")
    var spotCheck: Int?

    @Option(help: "The seed of the spot-check draw (the same seed, the same sample).")
    var seed: UInt64?

    @Option(help: "Worker threads (the output is the same for any number).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("max-record-bytes"), help: "The longest record (one line of either file), in bytes; a longer one is refused without being read (default: 1 MiB).")
    var maxRecordBytes: Int = RecordLimit.defaultBytes

    @Flag(help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        if workers < 1 { throw ValidationError("--workers must be 1 or more") }
        if maxRecordBytes < 1 { throw ValidationError("--max-record-bytes must be 1 or more") }
        if let spotCheck, spotCheck < 0 { throw ValidationError("--spot-check must be 0 or more") }
        if (spotCheck == nil) != (seed == nil) { throw ValidationError("--spot-check and --seed go together: how many elders, and the seed of the draw") }
    }

    func run() throws {
        let first = try Self.day(from, option: "--from"), last = try Self.day(to, option: "--to")
        do {
            _ = try CompliancePeriod(from: first, to: last)
        } catch {
            Output.err("\(lang.language == .en ? "error: " : "错误：")\(error)")
            throw ExitCode(1)
        }
        let loaded = try loadPolicyOrExit(policy, language: lang.language)
        let started = Date()
        let result: ComplianceReport
        do {
            _ = try ComplianceRun.compliance(of: loaded.checked)
            let source = try RecordSource(path: elders, format: nil, blockSize: 1 << 20, recordLimit: maxRecordBytes)
            let (facts, problems) = try source.readAllFacts(for: loaded.checked)
            for problem in problems.prefix(20) {
                Output.err("\(elders):\(problem.line): error: \(problem.id.map { "`\($0)`: " } ?? "")\(problem.message)")
            }
            if problems.count > 20 { Output.err("… and \(problems.count - 20) more elders with errors") }
            if !problems.isEmpty { throw ExitCode(1) }
            let run = try ComplianceRun(evaluator: loaded.evaluator, elders: facts, from: first, to: last)
            result = try run.judge(recordsAt: records, workers: workers, spotCheck: spotCheck.map { SpotCheckRequest(count: $0, seed: seed ?? 0) },
                                   recordLimit: maxRecordBytes)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Output.err("error: \(error)")
            throw ExitCode(1)
        }
        for refusal in result.refused {
            Output.err("\(records):\(refusal.line): refused: \(refusal.reason)")
        }
        do {
            // Streamed: a township's document is written an elder at a time, never whole in memory.
            let output = try ByteOutput(path: "-")
            var bytes: [UInt8] = []
            bytes.reserveCapacity(1 << 21)
            result.writeJSON(pretty: true, into: &bytes) { pending in
                output.write(pending)
                pending.removeAll(keepingCapacity: true)
            }
            bytes.append(10)
            output.write(bytes)
            try output.close()
        } catch {
            Output.err("error: \(error)")
            throw ExitCode(1)
        }
        if let report {
            do {
                try ComplianceReportFiles.write(result, to: report)
            } catch {
                Output.err("error: \(error)")
                throw ExitCode(1)
            }
        }
        if !quiet {
            let seconds = Date().timeIntervalSince(started)
            Output.err("\(records): \(result.records.read) records, \(result.records.counted) counted, \(result.records.refused) refused; "
                       + String(format: "%.2f s, %.0f records/s", seconds, seconds > 0 ? Double(result.records.read) / seconds : 0)
                       + " (\(result.roster.count) elders, \(first) to \(last), \(workers) worker\(workers == 1 ? "" : "s"))")
        }
    }

    /// A day of the period as given on the command line, or a Chinese message naming the
    /// option (a township officer reads it).
    static func day(_ text: String, option: String) throws -> CivilDate {
        guard let date = CivilDate(text) else {
            throw ValidationError("\(option) `\(text)` 不是日历上存在的日期：请写 YYYY-MM-DD，例如 2025-01-01")
        }
        return date
    }
}
