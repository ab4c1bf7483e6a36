import PolicyModel
import PolicyRuntime
import RecordFormats

/// What one line of a records file comes to.
package enum RecordOutcome: Sendable, Equatable {
    case blank
    /// A record of elder `elder` on day `day` (an offset in the period), counted by the
    /// requirements whose bits are set.
    case counted(elder: Int, day: Int, requirements: UInt64)
    /// A valid record that counts for nothing judged here: dated outside the period, or
    /// no requirement counts it.
    case ignored
    /// Refused, with the reason: malformed JSON, an unknown elder or kind, a value not
    /// allowed, a date that does not exist.
    case refused(String)
}

/// Decides, for one record, its elder, its day and the requirements that count it — the
/// general way, from a parsed JSON value, naming what is wrong with a refused record.
/// `RecordLineReader` is the fast way for the usual records, with the same outcomes.
/// Shared by every thread.
package final class RecordCounter: Sendable {
    /// One kind of record and the requirements that count it.
    package struct KindPlan: Sendable {
        package let kind: ComplianceRecordKind
        /// The requirements of this kind, as bits.
        package let requirements: UInt64
        /// Which requirements count a record, by its enum and bool fields; nil when some
        /// requirement's `counts` reads anything else (then it is evaluated per record).
        package let table: CountTable?
    }

    package let policy: CheckedPolicy
    package let compliance: ComplianceDeclaration
    package let roster: ElderRoster
    package let period: CompliancePeriod
    package let kinds: [KindPlan]
    let interpreter: ReferenceInterpreter

    package init(policy: CheckedPolicy, compliance: ComplianceDeclaration, roster: ElderRoster, period: CompliancePeriod) {
        self.policy = policy
        self.compliance = compliance
        self.roster = roster
        self.period = period
        let interpreter = ReferenceInterpreter(program: policy.program)
        self.interpreter = interpreter
        kinds = compliance.records.indices.map { kindIndex in
            let kind = compliance.records[kindIndex]
            let requirements = compliance.requirements.indices.filter { compliance.requirements[$0].recordKind == kindIndex }
            let bits = requirements.reduce(UInt64(0)) { $0 | (UInt64(1) << UInt64($1)) }
            let table = CountTable(kind: kind, requirements: requirements.map { ($0, compliance.requirements[$0].counts) },
                                   policy: policy, date: period.from, interpreter: interpreter)
            return KindPlan(kind: kind, requirements: bits, table: table)
        }
    }

    /// The outcome of one line of JSON text.
    package func count(line: UnsafeBufferPointer<UInt8>) -> RecordOutcome {
        var blank = true
        for byte in line where byte != 32 && byte != 9 && byte != 13 { blank = false; break }
        if blank { return .blank }
        do {
            return count(try JSONValue.parse(line))
        } catch {
            return .refused("the line is not valid JSON (column \(error.column): \(error.message))")
        }
    }

    /// The outcome of one record given as a JSON value.
    package func count(_ json: JSONValue) -> RecordOutcome {
        guard case .object(let object) = json else { return .refused("a record must be a JSON object, not \(json.describe)") }
        let kindIndex: Int
        switch (object["record"], kinds.count) {
        case (nil, 1), (.null?, 1):
            kindIndex = 0
        case (.string(let name)?, _):
            guard let index = compliance.records.firstIndex(where: { $0.name == name }) else {
                let names = compliance.records.map(\.name)
                let hint = NameSuggestion.closest(to: name, in: names).map { "; did you mean `\($0)`?" } ?? ""
                return .refused("unknown record kind `\(name)`; the kinds are " + names.map { "`\($0)`" }.joined(separator: ", ") + hint)
            }
            kindIndex = index
        default:
            return .refused("the record does not name its kind in `record`; the kinds are " + compliance.records.map { "`\($0.name)`" }.joined(separator: ", "))
        }
        let plan = kinds[kindIndex]
        var values: [Value] = []
        values.reserveCapacity(plan.kind.fields.count)
        for field in plan.kind.fields {
            guard let raw = object[field.name], raw != .null else {
                return .refused("field `\(field.name)` is missing; expected \(FactsDecoder.expectation(field.type))")
            }
            switch FactsDecoder.value(raw, as: field.type) {
            case .success(let value): values.append(value)
            case .failure(let message): return .refused("field `\(field.name)`: \(message.text)")
            }
        }
        guard case .string(let id) = values[plan.kind.elderField] else { return .refused("field `\(plan.kind.fields[plan.kind.elderField].name)` must be text") }
        guard let elder = roster.index(of: id) else { return .refused("unknown elder `\(id)`: not among the elders judged") }
        guard case .date(let date) = values[0] else { return .refused("field `date` is missing") }
        guard let day = period.offset(ofDayNumber: date.dayNumber) else { return .ignored }
        let bits: UInt64
        if let table = plan.table {
            bits = table.requirements(for: values)
        } else {
            switch evaluate(plan, values: values, on: date) {
            case .success(let counted): bits = counted
            case .failure(let reason): return .refused(reason.text)
            }
        }
        return bits == 0 ? .ignored : .counted(elder: elder, day: day, requirements: bits)
    }

    /// Each requirement's `counts` for a record, evaluated in full.
    func evaluate(_ plan: KindPlan, values: [Value], on date: CivilDate) -> Result<UInt64, ReasonText> {
        let frame = EvaluationFrame(program: policy.program, inputs: values, parameters: policy.parameterValues(on: date), date: date, decisions: interpreter)
        var bits: UInt64 = 0
        for (index, requirement) in compliance.requirements.enumerated() where plan.requirements & (UInt64(1) << UInt64(index)) != 0 {
            guard let condition = requirement.counts else {
                bits |= UInt64(1) << UInt64(index)
                continue
            }
            do {
                if try condition.evaluateBool(in: frame) { bits |= UInt64(1) << UInt64(index) }
            } catch {
                return .failure(ReasonText("the `counts` of requirement `\(requirement.name)` cannot be evaluated: \(error.message)"))
            }
        }
        return .success(bits)
    }
}

/// A reason a record is refused, as an error value.
package struct ReasonText: Error, Sendable {
    package let text: String
    package init(_ text: String) { self.text = text }
}
