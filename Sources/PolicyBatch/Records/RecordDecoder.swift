import Foundation
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Turns the lines of a CSV or JSON Lines file into typed `Facts` for one policy.
///
/// A CSV file's header names the facts; a column the policy does not read, a repeated
/// column or a missing required column stops the run before any row is read. A bad row
/// becomes a `RecordProblem` naming its line and field, and the rows after it are read
/// as usual. An empty CSV cell counts as a fact not given (the input's default, or an
/// error when it has none). Bools are `true`/`false` (also `TRUE`/`FALSE`, `1`/`0`);
/// a list is its items joined by `|`.
///
/// ```swift
/// let decoder = try RecordDecoder(policy: policy.checked, format: .csv, header: "id,birth_date,…", file: "population.csv")
/// ```
package struct RecordDecoder: Sendable {
    /// How one CSV column is read.
    package struct Column: Sendable {
        package let input: Int
        package let name: String
        package let type: ValueType
        /// For an enum column: each case's UTF-8 bytes.
        package let cases: [[UInt8]]
        /// The input's default, for an empty cell.
        package var defaultValue: Value? = nil
        /// Whether the input has a minimum, maximum or decimal places to check.
        package var checksRange = false
        /// For an integer input whose bounds are integers: the allowed values, checked without the declaration.
        package var integerRange: ClosedRange<Int64>? = nil
    }

    /// What the hot path needs of a column, as plain values (no reference counting).
    package struct ColumnPlan: Sendable {
        package enum Kind: UInt8, Sendable { case bool, integer, date, enumeration, other }
        package let input: Int
        package let kind: Kind
        package let hasDefault: Bool
        package let checksRange: Bool
        package let low: Int64
        package let high: Int64
    }

    package let format: RecordFormat
    package let factsDecoder: FactsDecoder
    package let columns: [Column]
    package let plans: [ColumnPlan]
    /// One value per input: the default of an input with no column (nil: has a column).
    package let fixed: [Value?]
    package let idColumn: Int?
    package let idInput: Int?

    /// A decoder for `format`. For CSV, `header` is the file's first line; its problems are
    /// reported against `file`, line 1.
    package init(policy: CheckedPolicy, format: RecordFormat, header: String?, file: String) throws(RecordFileError) {
        self.format = format
        factsDecoder = FactsDecoder(policy: policy)
        idInput = policy.inputIndex(named: "id")
        guard format == .csv else {
            columns = []
            plans = []
            fixed = []
            idColumn = nil
            return
        }
        guard let header, !header.allSatisfy(\.isWhitespace) else {
            throw RecordFileError("\(file): the file is empty; a CSV file of facts starts with a header row naming its columns (\(policy.inputs.map(\.name).prefix(4).joined(separator: ","))…)")
        }
        var names: [String] = []
        var fields: [CSVField] = []
        let bytes = Array(header.utf8)
        let closed = bytes.withUnsafeBufferPointer { line in
            let ok = CSVLine.split(line, into: &fields)
            names = fields.map { CSVLine.text($0, in: line).trimmingCharacters(in: .whitespaces) }
            return ok
        }
        if !closed { throw RecordFileError("\(file):1: the header has a quote that is not closed") }
        if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
        var columns: [Column] = []
        var seen: [String: Int] = [:]
        let inputNames = policy.inputs.map(\.name)
        for (position, name) in names.enumerated() {
            if let earlier = seen[name] {
                throw RecordFileError("\(file):1: column `\(name)` appears twice (columns \(earlier + 1) and \(position + 1))")
            }
            seen[name] = position
            guard let input = policy.inputIndex(named: name) else {
                let hint = NameSuggestion.closest(to: name, in: inputNames).map { "did you mean `\($0)`? " } ?? ""
                let shown = name.isEmpty ? "column \(position + 1) has no name" : "unknown column `\(name)` (column \(position + 1))"
                throw RecordFileError("\(file):1: \(shown): it is not a fact of policy `\(policy.metadata.id)`; \(hint)remove the column, or rename it to one of: \(inputNames.joined(separator: ", "))")
            }
            let type = policy.inputs[input].type
            var cases: [[UInt8]] = []
            if case .enumeration(let enumType) = type { cases = enumType.cases.map { Array($0.utf8) } }
            let declaration = policy.inputs[input]
            var integerRange: ClosedRange<Int64>?
            if type == .integer, declaration.decimalPlaces == nil {
                let low = declaration.minimum.map { $0.integerValue } ?? Int64.min
                let high = declaration.maximum.map { $0.integerValue } ?? Int64.max
                if let low, let high, low <= high { integerRange = low...high }
            }
            columns.append(Column(input: input, name: name, type: type, cases: cases, defaultValue: declaration.defaultValue,
                                  checksRange: declaration.minimum != nil || declaration.maximum != nil || declaration.decimalPlaces != nil,
                                  integerRange: integerRange))
        }
        var fixed: [Value?] = Array(repeating: nil, count: policy.inputs.count)
        var missing: [String] = []
        for (slot, input) in policy.inputs.enumerated() where seen[input.name] == nil {
            if let value = input.defaultValue {
                fixed[slot] = value
            } else {
                missing.append("`\(input.name)` (\(input.label))")
            }
        }
        if !missing.isEmpty {
            throw RecordFileError("\(file):1: no column for \(missing.joined(separator: ", ")); policy `\(policy.metadata.id)` needs \(missing.count == 1 ? "it" : "them") and has no default; add the column\(missing.count == 1 ? "" : "s") to the header")
        }
        self.columns = columns
        plans = columns.map { column in
            let kind: ColumnPlan.Kind
            switch column.type {
            case .bool: kind = .bool
            case .integer: kind = column.checksRange && column.integerRange == nil ? .other : .integer
            case .date: kind = column.checksRange ? .other : .date
            case .enumeration: kind = .enumeration
            default: kind = .other
            }
            return ColumnPlan(input: column.input, kind: kind, hasDefault: column.defaultValue != nil, checksRange: column.checksRange,
                              low: column.integerRange?.lowerBound ?? .min, high: column.integerRange?.upperBound ?? .max)
        }
        self.fixed = fixed
        idColumn = seen["id"]
    }

    /// Whether two decoders read the same file into the same facts (the same inputs, in the
    /// same order, with the same types and defaults): then one decoding serves both policies.
    package func decodesLike(_ other: RecordDecoder) -> Bool {
        let a = factsDecoder.policy.inputs, b = other.factsDecoder.policy.inputs
        return a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && $0.type == $1.type && $0.defaultValue == $1.defaultValue
            && $0.minimum == $1.minimum && $0.maximum == $1.maximum && $0.decimalPlaces == $1.decimalPlaces }
    }
}

extension RecordDecoder.Column {
    /// Whether a value is within the bounds known without the declaration (false: check it fully).
    @inline(__always)
    package func allows(_ value: Value) -> Bool {
        if let integerRange, case .integer(let number) = value { return integerRange.contains(number) }
        return false
    }
}

/// One CSV field read as a typed value, or what is wrong with it.
package enum FieldOutcome {
    case success(Value)
    case failure(FactProblem)
}

/// What one line of a records file holds.
package enum DecodedRecord: Sendable {
    /// A blank line: no record.
    case blank
    case facts(Facts)
    /// The record cannot be evaluated; the id is the record's `id` field, when it could be read.
    case invalid(id: String?, FactsError)
}

extension RecordDecoder {
    /// Working memory for decoding, reused from line to line by one thread.
    package struct Scratch {
        package var fields: [CSVField] = []
        package var values: [Value] = []
        package init() {}
    }

    /// Decodes one line (without its line break).
    package func decode(_ line: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> DecodedRecord {
        if NumberedLines.isBlank(line) { return .blank }
        switch format {
        case .jsonl: return decodeJSON(line)
        case .csv: return decodeCSV(line, scratch: &scratch)
        }
    }

    package func decodeJSON(_ line: UnsafeBufferPointer<UInt8>) -> DecodedRecord {
        let value: JSONValue
        do {
            value = try JSONValue.parse(line)
        } catch {
            return .invalid(id: nil, FactsError(problems: [FactProblem(field: "(record)", message: "not valid JSON at column \(error.column): \(error.message)", column: error.column)]))
        }
        switch factsDecoder.decode(value) {
        case .success(let facts): return .facts(facts)
        case .failure(let error):
            var id: String?
            if case .object(let object) = value, case .string(let text)? = object["id"] { id = text }
            return .invalid(id: id, error)
        }
    }

    package func decodeCSV(_ line: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> DecodedRecord {
        guard CSVLine.split(line, into: &scratch.fields) else {
            return .invalid(id: nil, FactsError(problems: [FactProblem(field: "(record)", message: "a quoted field is not closed")]))
        }
        let fields = scratch.fields
        let id = idColumn.flatMap { $0 < fields.count ? CSVLine.text(fields[$0], in: line) : nil }
        guard fields.count == columns.count else {
            return .invalid(id: id, FactsError(problems: [FactProblem(field: "(record)", message: "has \(fields.count) fields, but the header has \(columns.count) columns")]))
        }
        var values: [Value] = []
        values.reserveCapacity(fixed.count)
        for value in fixed { values.append(value ?? .bool(false)) }
        var problems: [FactProblem] = []
        columns.withUnsafeBufferPointer { columns in
            plans.withUnsafeBufferPointer { plans in
                for position in 0..<plans.count {
                    let field = fields[position]
                    let plan = plans[position]
                    if field.end == field.start && !field.quoted {
                        if plan.hasDefault, let value = columns[position].defaultValue {
                            values[plan.input] = value
                        } else {
                            problems.append(factsDecoder.missingProblem(forInput: plan.input))
                        }
                        continue
                    }
                    if let value = RecordDecoder.fastValue(of: field, in: line, plan: plan, cases: plan.kind == .enumeration ? columns[position].cases : []) {
                        values[plan.input] = value
                        continue
                    }
                    // The slow path: text, decimals, lists, values out of range, and every error message.
                    switch RecordDecoder.value(of: field, in: line, column: columns[position]) {
                    case .success(let value):
                        if plan.checksRange, !columns[position].allows(value), let problem = factsDecoder.problem(with: value, forInput: plan.input) {
                            problems.append(problem)
                        } else {
                            values[plan.input] = value
                        }
                    case .failure(let problem):
                        problems.append(problem)
                    }
                }
            }
        }
        if !problems.isEmpty { return .invalid(id: id, FactsError(problems: problems)) }
        var personID: String?
        if let idInput, case .string(let text) = values[idInput] { personID = text }
        return .facts(Facts(values: values, id: personID))
    }

    /// A bool, an in-range integer, a date or an enum case read without allocating; nil
    /// when the field needs the slow path (another type, or a value that is not valid).
    @inline(__always)
    package static func fastValue(of field: CSVField, in line: UnsafeBufferPointer<UInt8>, plan: ColumnPlan, cases: [[UInt8]]) -> Value? {
        guard !field.quoted else { return nil }
        let bytes = UnsafeBufferPointer(rebasing: line[field.start..<field.end])
        switch plan.kind {
        case .bool:
            if equals(bytes, "true") { return .bool(true) }
            if equals(bytes, "false") { return .bool(false) }
            return nil
        case .integer:
            guard let number = integer(bytes), number >= plan.low, number <= plan.high else { return nil }
            return .integer(number)
        case .date:
            return date(bytes).map(Value.date)
        case .enumeration:
            for index in 0..<cases.count where cases[index].count == bytes.count && cases[index].elementsEqual(bytes) {
                return .enumCase(index)
            }
            return nil
        case .other:
            return nil
        }
    }

    package static func value(of field: CSVField, in line: UnsafeBufferPointer<UInt8>, column: Column) -> FieldOutcome {
        let bytes = UnsafeBufferPointer(rebasing: line[field.start..<field.end])
        func failure(_ expected: String? = nil) -> FieldOutcome {
            let text = CSVLine.text(field, in: line)
            return .failure(FactProblem(field: column.name, message: "expected \(expected ?? FactsDecoder.expected(column.type)), found \"\(text)\""))
        }
        switch column.type {
        case .bool:
            if equals(bytes, "true") || equals(bytes, "TRUE") || equals(bytes, "1") || equals(bytes, "True") { return .success(.bool(true)) }
            if equals(bytes, "false") || equals(bytes, "FALSE") || equals(bytes, "0") || equals(bytes, "False") { return .success(.bool(false)) }
            return failure()
        case .integer:
            guard let number = integer(bytes) else { return failure() }
            return .success(.integer(number))
        case .date:
            guard let date = date(bytes) else { return failure("a date \"YYYY-MM-DD\" that exists in the calendar") }
            return .success(.date(date))
        case .enumeration(let enumType):
            for (index, name) in column.cases.enumerated() where name.count == bytes.count && name.elementsEqual(bytes) {
                return .success(.enumCase(index))
            }
            let text = CSVLine.text(field, in: line)
            let hint = NameSuggestion.closest(to: text, in: enumType.cases).map { "; did you mean \"\($0)\"?" } ?? ""
            return .failure(FactProblem(field: column.name, message: "\"\(text)\" is not allowed; expected \(FactsDecoder.expected(column.type))\(hint)"))
        case .decimal:
            let read = field.quoted ? ExactDecimal(CSVLine.text(field, in: line)) : DigitReader.decimal(line, field.start, field.end)
            guard let number = read else { return failure() }
            return .success(.decimal(number))
        case .string:
            return .success(.string(CSVLine.text(field, in: line)))
        case .list(let element):
            let text = CSVLine.text(field, in: line)
            var items: [Value] = []
            for part in text.split(separator: "|", omittingEmptySubsequences: true) {
                let item = Array(part.utf8)
                let result = item.withUnsafeBufferPointer { buffer in
                    value(of: CSVField(start: 0, end: buffer.count, quoted: false), in: buffer,
                          column: Column(input: column.input, name: column.name, type: element,
                                         cases: { if case .enumeration(let e) = element { return e.cases.map { Array($0.utf8) } } else { return [] } }()))
                }
                switch result {
                case .success(let value): items.append(value)
                case .failure(let problem): return .failure(FactProblem(field: column.name, message: "an item: " + problem.message))
                }
            }
            return .success(.list(items))
        case .record:
            return failure()
        }
    }

    @inline(__always)
    package static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        let pointer = text.utf8Start
        for index in 0..<bytes.count where bytes[index] != pointer[index] { return false }
        return true
    }

    @inline(__always)
    package static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        DigitReader.integer(bytes, 0, bytes.count)
    }

    @inline(__always)
    package static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        DigitReader.date(bytes, 0, bytes.count).map(CivilDate.init(packed:))
    }
}
