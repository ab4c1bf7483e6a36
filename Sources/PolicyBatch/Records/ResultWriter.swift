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
                cases = enumType.cases.map { format == .jsonl ? Array(JSONText.quote($0).utf8) : Array(CSVLine.escaped($0).utf8) }
            }
            return Field(decision: index, type: decision.type, key: Array((JSONText.quote(decision.name) + ":").utf8), cases: cases)
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
            if let id { appendJSONString(id, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
            bytes.append(contentsOf: #","decisions":{"#.utf8)
            for (position, field) in fields.enumerated() {
                if position > 0 { bytes.append(44) }
                bytes.append(contentsOf: field.key)
                appendJSON(value(field.decision), field: field, type: field.type, to: &bytes)
            }
            bytes.append(contentsOf: "}}\n".utf8)
        case .csv:
            if let id { bytes.append(contentsOf: CSVLine.escaped(id).utf8) }
            for field in fields {
                bytes.append(44)
                appendCSV(value(field.decision), field: field, type: field.type, to: &bytes)
            }
            bytes.append(contentsOf: ",\n".utf8)
        }
    }

    /// A person who could not be evaluated: the line, the id if known, and why.
    package func appendError(line: Int, id: String?, message: String, problems: [FactProblem], to bytes: inout [UInt8]) {
        switch format {
        case .jsonl:
            bytes.append(contentsOf: #"{"line":"#.utf8)
            bytes.append(contentsOf: String(line).utf8)
            if let id {
                bytes.append(contentsOf: #","id":"#.utf8)
                appendJSONString(id, to: &bytes)
            }
            bytes.append(contentsOf: #","error":"#.utf8)
            appendJSONString(message, to: &bytes)
            if !problems.isEmpty {
                bytes.append(contentsOf: #","problems":["#.utf8)
                for (position, problem) in problems.enumerated() {
                    if position > 0 { bytes.append(44) }
                    bytes.append(contentsOf: #"{"field":"#.utf8)
                    appendJSONString(problem.field, to: &bytes)
                    bytes.append(contentsOf: #","message":"#.utf8)
                    appendJSONString(problem.message, to: &bytes)
                    bytes.append(125)
                }
                bytes.append(93)
            }
            bytes.append(contentsOf: "}\n".utf8)
        case .csv:
            if let id { bytes.append(contentsOf: CSVLine.escaped(id).utf8) }
            bytes.append(contentsOf: [UInt8](repeating: 44, count: csvColumnCount + 1))
            bytes.append(contentsOf: CSVLine.escaped("line \(line): \(message)").utf8)
            bytes.append(10)
        }
    }

    package func appendJSON(_ value: Value, field: Field, type: ValueType, to bytes: inout [UInt8]) {
        switch value {
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): ResultWriter.appendInteger(number, to: &bytes)
        case .decimal(let number):
            bytes.append(34)
            ResultWriter.appendMoney(number, to: &bytes)
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
            bytes.append(contentsOf: JSONText.write(JSONText.value(value, type: type)).utf8)
        }
    }

    package func appendCSV(_ value: Value, field: Field, type: ValueType, to bytes: inout [UInt8]) {
        switch value {
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): ResultWriter.appendInteger(number, to: &bytes)
        case .decimal(let number): ResultWriter.appendMoney(number, to: &bytes)
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
        case .string(let text): bytes.append(contentsOf: CSVLine.escaped(text).utf8)
        default:
            bytes.append(contentsOf: CSVLine.escaped(value.display(as: type)).utf8)
        }
    }

    package func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte == 34 || byte == 92 { plain = false; break }
        if plain {
            bytes.append(34)
            bytes.append(contentsOf: text.utf8)
            bytes.append(34)
        } else {
            bytes.append(contentsOf: JSONText.quote(text).utf8)
        }
    }

    package static func appendInteger(_ number: Int64, to bytes: inout [UInt8]) {
        if number >= 0 && number < 10 {
            bytes.append(48 + UInt8(number))
            return
        }
        if number < 0 { bytes.append(45) }
        appendDigits(number.magnitude, to: &bytes)
    }

    /// The decimal digits of `number`, without allocating.
    @inline(__always)
    package static func appendDigits(_ number: UInt64, to bytes: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var rest = number
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = 48 + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// An amount with exactly two decimals, rounded half away from zero (as `JSONText`).
    package static func appendMoney(_ number: ExactDecimal, to bytes: inout [UInt8]) {
        var mantissa = number.mantissa
        var scale = Int(number.scale)
        if scale > 2 {
            var divisor: Int64 = 1
            for _ in 0..<(scale - 2) { divisor &*= 10 }
            let quotient = mantissa / divisor
            let remainder = mantissa % divisor
            mantissa = quotient + (remainder.magnitude * 2 >= divisor.magnitude ? (mantissa < 0 ? -1 : 1) : 0)
            scale = 2
        }
        guard case let (widened, overflow) = mantissa.multipliedReportingOverflow(by: scale == 2 ? 1 : (scale == 1 ? 10 : 100)), !overflow else {
            bytes.append(contentsOf: number.formatted(places: 2).utf8)
            return
        }
        let negative = widened < 0
        let magnitude = widened.magnitude
        if negative { bytes.append(45) }
        appendDigits(magnitude / 100, to: &bytes)
        bytes.append(46)
        let cents = magnitude % 100
        bytes.append(48 + UInt8(cents / 10))
        bytes.append(48 + UInt8(cents % 10))
    }
}
