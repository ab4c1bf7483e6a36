import Foundation
import PolicyModel
import PolicySyntax
import PolicyCheck
import PolicyCompiler
import PolicyAnalysis
import RecordFormats
import PolicyRuntime

extension LoadedPolicy {
    /// Replays a JSON Lines text of ledger events in order and reports as of `asOf`
    /// (events dated after it are refused), or as of the latest event.
    public func replayLedger(events text: String, asOf: CivilDate? = nil) throws(LedgerError) -> LedgerReport {
        var replay = try LedgerReplay(policy: checked, asOf: asOf)
        for (line, event) in NumberedLines.nonBlank(text) { replay.apply(line: line, json: event) }
        return replay.report()
    }

    /// Follows an application's history (JSON Lines of steps) along the approval path.
    public func followApproval(history text: String) throws(LedgerError) -> ApprovalReplay {
        var path = try ApprovalReplay(policy: checked)
        for (line, step) in NumberedLines.nonBlank(text) { path.apply(line: line, json: step) }
        return path
    }

    /// Ranks a population (JSON Lines of facts) for a program's places on `date`.
    /// A line whose facts do not decode is reported as a problem and left out.
    public func allocate(program name: String, population text: String, places: Int? = nil, on date: CivilDate) throws(LedgerError) -> ProgramAllocation {
        var records: [(line: Int, json: JSONValue)] = []
        var problems: [ProgramAllocation.Problem] = []
        for (line, record) in NumberedLines.nonBlank(text) {
            do {
                records.append((line, try JSONValue.parse(record.utf8)))
            } catch {
                let problem = FactProblem(json: error)
                problems.append(.init(line: line, message: EvaluationError.invalidFacts(FactsError(problems: [problem])).description))
            }
        }
        return try allocate(program: name, records: records, places: places, on: date).adding(problems: problems)
    }

    /// Ranks already-parsed persons (each with the line or position it came from) for a
    /// program's places on `date`; a record whose facts do not decode is a problem.
    package func allocate(program name: String, records: [(line: Int, json: JSONValue)], places: Int? = nil, on date: CivilDate) throws(LedgerError) -> ProgramAllocation {
        guard let program = checked.programs.first(where: { $0.name == name }) else {
            let names = checked.programs.map(\.name)
            throw LedgerError(names.isEmpty ? "policy `\(metadata.id)` declares no programs"
                              : "policy `\(metadata.id)` has no program `\(name)`; its programs are " + names.map { "`\($0)`" }.joined(separator: ", ")
                                + (NameSuggestion.closest(to: name, in: names).map { "; did you mean `\($0)`?" } ?? ""))
        }
        var persons: [(line: Int, facts: Facts)] = []
        var problems: [ProgramAllocation.Problem] = []
        for (line, json) in records {
            switch decoder.decode(json) {
            case .success(let facts): persons.append((line, facts))
            case .failure(let error): problems.append(.init(line: line, message: EvaluationError.invalidFacts(error).description))
            }
        }
        let allocation = ProgramAllocation.allocate(program, places: places, persons: persons, evaluator: evaluator, on: date)
        return allocation.adding(problems: problems)
    }
}
