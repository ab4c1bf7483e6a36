import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Writes evaluation results as bytes, one record per person, in the documented encoding:
/// JSON Lines (`{"id":…,"decisions":{…}}`, decimals as two-decimal strings) or CSV (one
/// column per public decision; a list's items joined by `|`; a record's fields as
/// `decision.field` columns; an `error` column, empty when the row was evaluated).
///
/// ```swift
/// let writer = ResultWriter(policy: policy.checked, format: .jsonl)
/// var bytes: [UInt8] = []
/// writer.appendResult(id: "P1", results: evaluation.results, to: &bytes)
/// ```
package struct ResultWriter: Sendable {
    /// One public decision: where its value is, and how it is written.
    package struct Field: Sendable {
        package let decision: Int
        package let type: ValueType
        /// `"name":` for JSON.
        package let key: [UInt8]
        /// Each enum case's written form (quoted for JSON), by case index.
        package let cases: [[UInt8]]
    }

    package let format: RecordFormat
    package let fields: [Field]
    package let csvColumnCount: Int

    package init(policy: CheckedPolicy, format: RecordFormat) {
        self.format = format
        fields = policy.publicDecisionIndices.map { index in
            let decision = policy.decisions[index]
            var cases: [[UInt8]] = []
            var enumType: EnumType?
            if case .enumeration(let type) = decision.type { enumType = type }
            if case .list(.enumeration(let type)) = decision.type { enumType = type }
            if let enumType {
                cases = enumType.cases.map { name in
                    var bytes: [UInt8] = []
                    if format == .jsonl { JSONString.appendQuoted(name, to: &bytes) } else { CSVLine.appendEscaped(name, to: &bytes) }
                    return bytes
                }
            }
            return Field(decision: index, type: decision.type, key: ResultWriter.key(decision.name), cases: cases)
        }
        csvColumnCount = fields.reduce(0) { count, field in
            if case .record(let record) = field.type { return count + record.fields.count }
            return count + 1
        }
    }

    /// The CSV header row (`id,service_tier,…,error`); empty for JSON Lines.
    package func header(policy: CheckedPolicy) -> [UInt8] {
        guard format == .csv else { return [] }
        var names = ["id"]
        for field in fields {
            let name = policy.decisions[field.decision].name
            if case .record(let record) = field.type {
                names += record.fields.map { "\(name).\($0.name)" }
            } else {
                names.append(name)
            }
        }
        names.append("error")
        return Array((names.joined(separator: ",") + "\n").utf8)
    }

    /// One evaluated person.
    package func appendResult(id: String?, results: [DecisionResult], to bytes: inout [UInt8]) {
        appendResult(id: id, value: { results[$0].value }, to: &bytes)
    }

    /// One evaluated person, each decision's value given by `value(decisionIndex)`.
    package func appendResult(id: String?, value: (Int) -> Value, to bytes: inout [UInt8]) {
        switch format {
        case .jsonl:
            bytes.append(contentsOf: #"{"id":"#.utf8)
            if let id { JSONString.appendQuoted(id, to: &bytes) } else { bytes.appendASCII("null") }
            bytes.append(contentsOf: #","decisions":{"#.utf8)
            for (position, field) in fields.enumerated() {
                if position > 0 { bytes.append(44) }
                bytes.append(contentsOf: field.key)
                appendJSON(value(field.decision), field: field, type: field.type, to: &bytes)
            }
            bytes.append(contentsOf: "}}\n".utf8)
        case .csv:
            if let id { CSVLine.appendEscaped(id, to: &bytes) }
            for field in fields {
                bytes.append(44)
                appendCSV(value(field.decision), field: field, type: field.type, to: &bytes)
            }
            bytes.append(contentsOf: ",\n".utf8)
        }
    }

    /// A person who could not be evaluated: the line (and the column, for a record that is
    /// not JSON), the id if known, and why.
    package func appendError(line: Int, column: Int? = nil, id: String?, message: String, problems: [FactProblem], to bytes: inout [UInt8]) {
        switch format {
        case .jsonl:
            bytes.append(contentsOf: #"{"line":"#.utf8)
            bytes.appendInteger(Int64(line))
            if let column {
                bytes.append(contentsOf: #","column":"#.utf8)
                bytes.appendInteger(Int64(column))
            }
            if let id {
                bytes.append(contentsOf: #","id":"#.utf8)
                JSONString.appendQuoted(id, to: &bytes)
            }
            bytes.append(contentsOf: #","error":"#.utf8)
            JSONString.appendQuoted(message, to: &bytes)
            if !problems.isEmpty {
                bytes.append(contentsOf: #","problems":["#.utf8)
                for (position, problem) in problems.enumerated() {
                    if position > 0 { bytes.append(44) }
                    bytes.append(contentsOf: #"{"field":"#.utf8)
                    JSONString.appendQuoted(problem.field, to: &bytes)
                    bytes.append(contentsOf: #","message":"#.utf8)
                    JSONString.appendQuoted(problem.message, to: &bytes)
                    bytes.append(125)
                }
                bytes.append(93)
            }
            bytes.append(contentsOf: "}\n".utf8)
        case .csv:
            if let id { CSVLine.appendEscaped(id, to: &bytes) }
            bytes.append(contentsOf: repeatElement(44, count: csvColumnCount + 1))
            CSVLine.appendEscaped("line \(line)\(column.map { ", column \($0)" } ?? ""): \(message)", to: &bytes)
            bytes.append(10)
        }
    }

    package func appendJSON(_ value: Value, field: Field, type: ValueType, to bytes: inout [UInt8]) {
        switch value {
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): bytes.appendInteger(number)
        case .decimal(let number):
            bytes.append(34)
            bytes.appendMoney(number)
            bytes.append(34)
        case .enumCase(let index) where index < field.cases.count: bytes.append(contentsOf: field.cases[index])
        case .list(let items):
            bytes.append(91)
            let element: ValueType
            if case .list(let inner) = type { element = inner } else { element = .string }
            for (position, item) in items.enumerated() {
                if position > 0 { bytes.append(44) }
                appendJSON(item, field: field, type: element, to: &bytes)
            }
            bytes.append(93)
        default:
            JSONText.writeCompact(JSONText.value(value, type: type), into: &bytes)
        }
    }

    package func appendCSV(_ value: Value, field: Field, type: ValueType, to bytes: inout [UInt8]) {
        switch value {
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): bytes.appendInteger(number)
        case .decimal(let number): bytes.appendMoney(number)
        case .enumCase(let index) where index < field.cases.count: bytes.append(contentsOf: field.cases[index])
        case .list(let items):
            let element: ValueType
            if case .list(let inner) = type { element = inner } else { element = .string }
            for (position, item) in items.enumerated() {
                if position > 0 { bytes.append(124) }
                appendCSV(item, field: field, type: element, to: &bytes)
            }
        case .record(let parts):
            guard case .record(let record) = type else { return }
            for (position, part) in parts.enumerated() {
                if position > 0 { bytes.append(44) }
                appendCSV(part, field: field, type: record.fields[position].type, to: &bytes)
            }
        case .string(let text): CSVLine.appendEscaped(text, to: &bytes)
        default:
            CSVLine.appendEscaped(value.display(as: type), to: &bytes)
        }
    }

    /// `"name":`, a JSON member's key.
    package static func key(_ name: String) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONString.appendQuoted(name, to: &bytes)
        bytes.append(58)
        return bytes
    }
}
