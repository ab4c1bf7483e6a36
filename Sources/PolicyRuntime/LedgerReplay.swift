import Foundation
import PolicyModel
import PolicyCompiler
import RecordFormats

/// Replays ledger events, one at a time and in the order given, against the ledger a
/// policy declares. An event is accepted whole or refused whole: a refused event
/// changes no balance. The same events always give the same state.
///
/// ```swift
/// var replay = try LedgerReplay(policy: loaded.checked)
/// replay.apply(line: 1, json: #"{"type":"issue","person":"p1","date":"2025-03-01","hours":20}"#)
/// let report = replay.report(asOf: nil)
/// ```
package struct LedgerReplay: Sendable {
    package let policy: CheckedPolicy
    package let ledger: LedgerDeclaration
    /// Events dated after this date are refused (the `--as-of` of a replay).
    package let asOf: CivilDate?
    package internal(set) var state: LedgerState
    package let interpreter: ReferenceInterpreter

    /// Fails when the policy has no `ledger:` section.
    package init(policy: CheckedPolicy, asOf: CivilDate? = nil) throws(LedgerError) {
        guard let ledger = policy.ledger else { throw LedgerError("policy `\(policy.metadata.id)` has no `ledger:` section") }
        self.policy = policy
        self.ledger = ledger
        self.asOf = asOf
        state = LedgerState(ledger)
        interpreter = ReferenceInterpreter(program: policy.program)
    }

    /// Applies one line of JSON text. Returns the refusal, or nil when accepted.
    @discardableResult
    package mutating func apply(line: Int, json text: String) -> LedgerRefusalRecord? {
        let json: JSONValue
        do {
            json = try JSONValue.parse(text.utf8)
        } catch {
            return refuse(LedgerRefusalRecord(line: line, eventType: nil, date: nil, reason: "the line is not valid JSON (column \(error.column): \(error.message))"))
        }
        return apply(line: line, json: json)
    }

    /// Applies one decoded event. Returns the refusal, or nil when accepted.
    @discardableResult
    package mutating func apply(line: Int, json: JSONValue) -> LedgerRefusalRecord? {
        switch stage(line: line, json: json) {
        case .success(let staged):
            state = staged
            state.accepted += 1
            return nil
        case .failure(let refusal):
            return refuse(refusal)
        }
    }

    package mutating func refuse(_ refusal: LedgerRefusalRecord) -> LedgerRefusalRecord {
        state.refused.append(refusal)
        return refusal
    }

    /// The state the event would leave, computed on a copy; nothing is changed here.
    package func stage(line: Int, json: JSONValue) -> Result<LedgerState, LedgerRefusalRecord> {
        guard case .object(let object) = json else {
            return .failure(.init(line: line, eventType: nil, date: nil, reason: "an event must be a JSON object, not \(json.describe)"))
        }
        let typeNames = ledger.events.map(\.name)
        guard case .string(let typeName)? = object["type"] else {
            return .failure(.init(line: line, eventType: nil, date: nil,
                                  reason: "the event has no `type`; the types are " + typeNames.map { "`\($0)`" }.joined(separator: ", ")))
        }
        guard let typeIndex = ledger.eventIndex(named: typeName) else {
            let hint = NameSuggestion.closest(to: typeName, in: typeNames).map { "; did you mean `\($0)`?" } ?? ""
            return .failure(.init(line: line, eventType: typeName, date: nil,
                                  reason: "unknown event type `\(typeName)`; the types are " + typeNames.map { "`\($0)`" }.joined(separator: ", ") + hint))
        }
        let eventType = ledger.events[typeIndex]
        var values: [Value] = []
        for field in eventType.fields {
            guard let raw = object[field.name], raw != .null else {
                return .failure(.init(line: line, eventType: typeName, date: values.first?.dateValue,
                                      reason: "field `\(field.name)` is missing; expected \(FactsDecoder.expectation(field.type))"))
            }
            switch FactsDecoder.value(raw, as: field.type) {
            case .success(let value): values.append(value)
            case .failure(let message):
                return .failure(.init(line: line, eventType: typeName, date: values.first?.dateValue, reason: "field `\(field.name)`: \(message.text)"))
            }
        }
        return stage(line: line, eventType: typeIndex, values: values)
    }

    /// The state an event of type `typeIndex` with these field values (`date` first, as
    /// the type declares them) would leave, computed on a copy; nothing is changed here.
    package func stage(line: Int, eventType typeIndex: Int, values: [Value]) -> Result<LedgerState, LedgerRefusalRecord> {
        let eventType = ledger.events[typeIndex]
        let typeName = eventType.name
        var values = values
        guard case .date(let date) = values[0] else {
            return .failure(.init(line: line, eventType: typeName, date: nil, reason: "field `date` is missing"))
        }
        func refusal(_ reason: String, source: String? = nil) -> Result<LedgerState, LedgerRefusalRecord> {
            .failure(.init(line: line, eventType: typeName, date: date, reason: reason, source: source))
        }
        if let asOf, date > asOf {
            return refusal("dated \(date), after the replay's as-of date \(asOf)")
        }
        var staged = state
        for take in eventType.takes {
            guard case .string(let id) = values[take.field] else { continue }
            let takenType = ledger.events[take.eventType]
            guard let record = staged.held[take.eventType][id] else {
                if let takenAt = staged.taken[take.eventType][id] {
                    return refusal("the `\(takenType.name)` event \(id) was already taken by the event on line \(takenAt); it can be taken once")
                }
                return refusal("no `\(takenType.name)` event \(id) awaits this event (\(takenType.label))")
            }
            if case .date(let heldDate) = record[0], heldDate > date {
                return refusal("dated \(date), before the `\(takenType.name)` event \(id) it takes (\(heldDate))")
            }
            values.append(.record(record))
            staged.held[take.eventType][id] = nil
            staged.taken[take.eventType][id] = line
        }
        let frame = EvaluationFrame(program: policy.program, inputs: values, parameters: policy.parameterValues(on: date), date: date, decisions: interpreter)
        for rule in eventType.refusals {
            do {
                if case .bool(true) = try rule.condition.evaluate(in: frame) {
                    return refusal(rule.reason.isEmpty ? "refused: \(rule.text)" : rule.reason, source: rule.provenance.source)
                }
            } catch {
                return refusal("the refusal `\(rule.text)` cannot be evaluated: \(error.message)")
            }
        }
        if let holdField = eventType.holdField, case .string(let id) = values[holdField] {
            if staged.held[typeIndex][id] != nil || staged.taken[typeIndex][id] != nil {
                return refusal("a `\(typeName)` event with \(eventType.fields[holdField].name) \(id) was already recorded")
            }
            staged.held[typeIndex][id] = Array(values[0..<eventType.fields.count])
        }
        for effect in eventType.effects {
            let account = ledger.accounts[effect.account]
            let key: String, amount: ExactDecimal
            do {
                guard case .string(let k) = try effect.key.evaluate(in: frame), case .decimal(let a) = try effect.amount.evaluate(in: frame) else {
                    return refusal("an effect on `\(account.name)` did not give a key and an amount")
                }
                key = k
                // Stored without trailing zeros: a quotient such as minutes / 60 carries
                // eighteen places that would otherwise crowd out the integer digits.
                amount = a.normalized
            } catch {
                return refusal("an effect on `\(account.name)` cannot be evaluated: \(error.message)")
            }
            if amount < .zero {
                return refusal("the amount \(amount) for `\(account.name)` of \(key) is negative")
            }
            guard let remainder = try? amount.floored(toMultipleOf: account.unit), remainder == amount else {
                return refusal("\(amount) is not a multiple of \(account.unit.formatted(places: nil)), the unit of \(account.label) (`\(account.name)`)")
            }
            // Lapses are worked out as time passes, so an account that expires must see
            // its events in date order; other accounts take them in any order.
            if account.expiry != nil, let last = staged.lastDates[effect.account][key], last > date {
                return refusal("dated \(date), before an earlier event of \(key) in `\(account.name)` (\(last)); events of an account that expires must come in date order")
            }
            staged.lastDates[effect.account][key] = max(date, staged.lastDates[effect.account][key] ?? date)
            if account.expiry == .endOfYear {
                Self.expire(&staged, account: effect.account, key: key, before: date.year)
            }
            let lotYear = account.expiry == nil ? 0 : date.year
            var lots = staged.lots[effect.account][key] ?? [:]
            if effect.isCredit {
                guard let sum = try? (lots[lotYear] ?? .zero).adding(amount) else { return refusal("the balance of \(key) in `\(account.name)` would be too large") }
                lots[lotYear] = sum
            } else {
                let balance = staged.balance(account: effect.account, key: key)
                guard balance >= amount else {
                    let detail = "\(key) has \(balance.formatted(places: 2)) in `\(account.name)`, the event needs \(amount.formatted(places: 2))"
                    return refusal(account.insufficientReason.map { "\($0)：\(detail)" } ?? "not enough in \(account.label): \(detail)")
                }
                var owed = amount
                for year in lots.keys.sorted() where owed > .zero {
                    let available = lots[year] ?? .zero
                    let used = min(available, owed)
                    lots[year] = (try? available.subtracting(used)) ?? .zero
                    owed = (try? owed.subtracting(used)) ?? .zero
                }
            }
            staged.lots[effect.account][key] = lots
        }
        for (index, check) in ledger.checks.enumerated() where check.eventType == typeIndex {
            staged.groups[index][Self.plain(values[check.groupField], eventType.fields[check.groupField].type), default: []]
                .insert(Self.plain(values[check.countField], eventType.fields[check.countField].type))
        }
        if staged.latestDate.map({ $0 < date }) ?? true { staged.latestDate = date }
        return .success(staged)
    }

    /// A field's value as plain text: an id as written, not quoted.
    package static func plain(_ value: Value, _ type: ValueType) -> String {
        if case .string(let text) = value { return text }
        return value.display(as: type)
    }

    /// Moves the lots of years before `year` into `expired`.
    package static func expire(_ state: inout LedgerState, account: Int, key: String, before year: Int) {
        guard var lots = state.lots[account][key] else { return }
        for lotYear in lots.keys where lotYear < year {
            let amount = lots.removeValue(forKey: lotYear) ?? .zero
            if amount > .zero {
                state.expired[account][key] = (try? (state.expired[account][key] ?? .zero).adding(amount)) ?? amount
            }
        }
        state.lots[account][key] = lots
    }

    /// Balances, settlements, lapsed amounts, held events, checks and refusals, as of
    /// `date` (default: the replay's as-of date, else the latest event read, else — no
    /// event at all — today, so that the report and its checks' thresholds have a date).
    package func report(asOf date: CivilDate? = nil) -> LedgerReport {
        var view = state
        // Without a date, as of the latest event read, refused or not: a refused event in a
        // new year still means the old year's vouchers have lapsed.
        let latestRead = ([state.latestDate] + state.refused.map(\.date)).compactMap { $0 }.max()
        let reportDate = date ?? asOf ?? latestRead ?? CivilDate.today()
        for (index, account) in ledger.accounts.enumerated() where account.expiry == .endOfYear {
            for key in view.lots[index].keys { Self.expire(&view, account: index, key: key, before: reportDate.year) }
        }
        let frame = EvaluationFrame(program: policy.program, inputs: [], parameters: policy.parameterValues(on: reportDate), date: reportDate,
                                    decisions: interpreter)
        let checks = ledger.checks.enumerated().map { index, check -> LedgerReport.CheckResult in
            let threshold = (try? check.atLeast.evaluate(in: frame))?.integerValue
            let groups = view.groups[index].keys.sorted().map { group in
                let count = view.groups[index][group]?.count ?? 0
                return LedgerReport.CheckResult.Group(group: group, count: count, passes: threshold.map { Int64(count) >= $0 } ?? false)
            }
            return LedgerReport.CheckResult(check: check, atLeast: threshold, groups: groups)
        }
        return LedgerReport(ledger: ledger, policy: policy.metadata, asOf: reportDate, state: view, checks: checks)
    }
}

/// A ledger that cannot be replayed at all (the policy has none).
public struct LedgerError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
