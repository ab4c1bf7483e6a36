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

/// `carepolicy ledger POLICY --events FILE.jsonl`: replay ledger events.
struct Ledger: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay ledger events (JSON Lines) against the policy's `ledger:` rules.",
        discussion: """
        Events are applied in file order. Each is accepted whole or refused whole: a refused event \
        changes no balance and is listed under `refused` with its line and reason. Prints one JSON \
        document: balances, settlements, expired amounts, held events, aggregate checks, refusals.
        """)

    @Argument(help: "The policy file.")
    var policy: String

    @Option(help: "A .jsonl file of events, one per line, or - for standard input.")
    var events: String

    @Option(name: .customLong("as-of"), help: "Report as of this date (YYYY-MM-DD): later events are refused, earlier years' vouchers lapse. Default: the date of the last event.")
    var asOf: String?

    func run() throws {
        let date = try asOf.map { try parseDate($0) }
        let loaded = try loadPolicyOrExit(policy)
        let text = try readTextInput(events, what: "events")
        do {
            let report = try loaded.replayLedger(events: text, asOf: date)
            for refusal in report.state.refused {
                Output.err("\(events):\(refusal.line): refused: \(refusal.reason)")
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
