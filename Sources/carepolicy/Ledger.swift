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

/// `carepolicy ledger POLICY --events FILE.jsonl [--people FILE.jsonl --issue-monthly FROM..TO]`: replay ledger events.
struct Ledger: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay ledger events (JSON Lines) against the policy's `ledger:` rules.",
        discussion: """
        Events are applied in file order. Each is accepted whole or refused whole: a refused event \
        changes no balance and is listed under `refused` with its line and reason. Prints one JSON \
        document: balances, settlements, expired amounts, held events, aggregate checks, refusals. \
        With --people and --issue-monthly, the ledger also makes the events its `scheduled:` entries \
        describe, on the first day of each month, for each person, from their facts and decisions \
        on that day; a month's events go before the first event of the file dated on or after it.
        """)

    @OptionGroup var lang: LanguageOption

    @Argument(help: "The policy file.")
    var policy: String

    @Option(help: "A .jsonl file of events, one per line, or - for standard input.")
    var events: String?

    @Option(help: "A .jsonl file of persons' facts, one per line: whom the scheduled events are made for.")
    var people: String?

    @Option(name: .customLong("issue-monthly"), help: "Issue the scheduled events on the first day of each month from FROM to TO (YYYY-MM..YYYY-MM, or one YYYY-MM).")
    var issueMonthly: String?

    @Option(name: .customLong("as-of"), help: "Report as of this date (YYYY-MM-DD): later events are refused, earlier years' vouchers lapse. Default: the date of the last event, or today when there is none.")
    var asOf: String?

    @Option(name: .customLong("set"), help: "Override a parameter: name=value, or name=value@YYYY-MM-DD from that date on; the parameters linked to it (same_as) follow. Repeatable.")
    var overrides: [String] = []

    func validate() throws {
        if (people == nil) != (issueMonthly == nil) {
            throw ValidationError("--people and --issue-monthly go together: the persons, and the months to issue their scheduled events for")
        }
        if events == nil && people == nil {
            throw ValidationError("give --events FILE, or --people FILE with --issue-monthly FROM..TO, or both")
        }
        if let issueMonthly, LedgerMonths(issueMonthly) == nil {
            throw ValidationError("--issue-monthly `\(issueMonthly)` is not a range of months; write YYYY-MM..YYYY-MM, e.g. 2025-01..2025-12")
        }
    }

    func run() throws {
        let date = try asOf.map { try parseDate($0) }
        let loaded = try applyOverrides(overrides, to: try loadPolicyOrExit(policy, language: lang.language))
        let text = try events.map { try readTextInput($0, what: "events") }
        let persons = try people.map { try readTextInput($0, what: "people") }
        do {
            let report = try loaded.replayLedger(events: text, asOf: date, people: persons, months: issueMonthly.flatMap(LedgerMonths.init))
            for refusal in report.state.refused {
                if let scheduled = refusal.scheduled {
                    Output.err("\(people ?? "-"):\(refusal.line): refused: scheduled `\(scheduled)`\(refusal.date.map { " on \($0)" } ?? ""): \(refusal.reason)")
                } else {
                    Output.err("\(events ?? "-"):\(refusal.line): refused: \(refusal.reason)")
                }
            }
            Output.out(JSONText.write(report.json, pretty: true))
        } catch {
            Output.err("error: \(error)")
            throw ExitCode(1)
        }
    }
}

/// Reads a whole input file, or standard input for `-`.
func readTextInput(_ path: String, what: String) throws -> String {
    if path == "-" {
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        Output.err("error: cannot read the \(what) file `\(path)`: no such file, or not readable")
        throw ExitCode(1)
    }
    return String(decoding: data, as: UTF8.self)
}
