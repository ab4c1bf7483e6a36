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
        try replayLedger(events: text, asOf: asOf, people: nil, months: nil)
    }

    /// Replays ledger events as above, and on the first day of each of `months` issues
    /// the events the ledger's `scheduled:` entries make for each person of `people`
    /// (JSON Lines of facts), from their facts and decisions on that day. A month's
    /// events go before the first file event dated on or after its first day (or after
    /// the file's last event); months after `asOf` are not issued.
    public func replayLedger(events text: String?, asOf: CivilDate? = nil, people: String?, months: LedgerMonths?) throws(LedgerError) -> LedgerReport {
        var replay = try LedgerReplay(policy: checked, asOf: asOf)
        var days: ArraySlice<CivilDate> = []
        var persons: [(line: Int, facts: Facts)] = []
        if let months {
            guard !replay.ledger.schedules.isEmpty else {
                throw LedgerError("policy `\(metadata.id)` schedules no events; add `scheduled:` to its `ledger:` to issue them from the decisions")
            }
            guard let people else { throw LedgerError("issuing scheduled events needs the people they are for") }
            persons = readPeople(people, into: &replay)
            days = ArraySlice(replay.scheduleDays(months.days))
        }
        for (line, event) in NumberedLines.nonBlank(text ?? "") {
            let json: JSONValue
            do {
                json = try JSONValue.parse(event.utf8)
            } catch {
                replay.apply(line: line, json: event)
                continue
            }
            if case .object(let object) = json, case .string(let written)? = object["date"], let date = CivilDate(written) {
                while let day = days.first, day <= date {
                    replay.applySchedules(on: day, persons: persons, evaluator: evaluator)
                    days.removeFirst()
                }
            }
            replay.apply(line: line, json: json)
        }
        for day in days { replay.applySchedules(on: day, persons: persons, evaluator: evaluator) }
        return replay.report()
    }

    /// The persons of a JSON Lines text of facts, with their lines; a line that does not
    /// decode, or repeats an id, is refused once for each schedule and left out.
    func readPeople(_ text: String, into replay: inout LedgerReplay) -> [(line: Int, facts: Facts)] {
        var persons: [(line: Int, facts: Facts)] = []
        var seen: [String: Int] = [:]
        for (line, record) in NumberedLines.nonBlank(text) {
            var problem: String?
            do {
                switch decoder.decode(try JSONValue.parse(record.utf8)) {
                case .success(let facts):
                    if let id = facts.id, let first = seen[id] {
                        problem = "the id \(id) was already given on line \(first)"
                    } else {
                        if let id = facts.id { seen[id] = line }
                        persons.append((line, facts))
                    }
                case .failure(let error): problem = EvaluationError.invalidFacts(error).description
                }
            } catch {
                problem = EvaluationError.invalidFacts(FactsError(problems: [FactProblem(json: error)])).description
            }
            guard let problem else { continue }
            for schedule in replay.ledger.schedules {
                _ = replay.refuse(LedgerRefusalRecord(line: line, eventType: replay.ledger.events[schedule.eventType].name, date: nil,
                                                      reason: "the person's facts cannot be read: \(problem)", scheduled: schedule.name))
            }
        }
        return persons
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
