import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// How `ResultWriter` writes a flat machine's results: every constant piece of the
/// output (keys, enum cases, the lists of `collect` leaves) as bytes in one table, so a
/// row is written with copies and digits, nothing allocated.
package struct FlatResultPlan: Sendable {
    package struct Field: Sendable {
        package let decision: Int
        package let kind: FlatKind
        /// The key (JSON) in `table`.
        package let key: Range<Int>
        /// Enum cases, `collect` leaves or a record's keys, written out, in `pieces`: `firstPiece + n`.
        package let firstPiece: Int
        /// For a record: its number of fields.
        package let width: Int
    }

    package let fields: [Field]
    package let table: [UInt8]
    package let pieces: [Range<Int>]
    /// The fixed pieces of every row, in `table`.
    let open: Range<Int>, decisions: Range<Int>, close: Range<Int>, null: Range<Int>, yes: Range<Int>, no: Range<Int>

    package init(writer: ResultWriter, program: FlatProgram) {
        var table: [UInt8] = []
        func piece(_ text: String) -> Range<Int> {
            let start = table.count
            table += Array(text.utf8)
            return start..<table.count
        }
        open = piece(#"{"id":"#)
        decisions = piece(#","decisions":{"#)
        close = piece(writer.format == .jsonl ? "}}\n" : ",\n")
        null = piece("null")
        yes = piece("true")
        no = piece("false")
        var pieces: [Range<Int>] = []
        var fields: [Field] = []
        let kinds = program.decisionKinds
        for field in writer.fields {
            let keyStart = table.count
            table += field.key
            let key = keyStart..<table.count
            let firstPiece = pieces.count
            var written: [[UInt8]] = []
            if kinds[field.decision] == .collectLeaf {
                for value in program.collectValues(of: field.decision) {
                    var bytes: [UInt8] = []
                    if writer.format == .jsonl {
                        writer.appendJSON(value, field: field, type: field.type, to: &bytes)
                    } else {
                        writer.appendCSV(value, field: field, type: field.type, to: &bytes)
                    }
                    written.append(bytes)
                }
            } else if kinds[field.decision] == .record, case .record(let record) = field.type {
                // Each field's key, for JSON.
                written = record.fields.map { ResultWriter.key($0.name) }
            } else {
                written = field.cases
            }
            for bytes in written {
                let start = table.count
                table += bytes
                pieces.append(start..<table.count)
            }
            var width = 0
            if kinds[field.decision] == .record, case .record(let record) = field.type { width = record.fields.count }
            fields.append(Field(decision: field.decision, kind: kinds[field.decision], key: key, firstPiece: firstPiece, width: width))
        }
        self.fields = fields
        self.table = table
        self.pieces = pieces
    }
}

extension ResultWriter {
    /// One person evaluated by `machine`, whose id is `line[id]` (plain bytes; no id
    /// column: `nil`), written exactly as `appendResult` writes the same values.
    package func appendFlatResult(id: UnsafeBufferPointer<UInt8>?, machine: FlatMachine, plan: FlatResultPlan, to bytes: inout [UInt8]) {
        plan.table.withUnsafeBufferPointer { table in
            plan.pieces.withUnsafeBufferPointer { pieces in
                plan.fields.withUnsafeBufferPointer { fields in
                    switch format {
                    case .jsonl:
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: table[plan.open]))
                        if let id {
                            JSONString.appendQuoted(utf8: id, to: &bytes)
                        } else {
                            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: table[plan.null]))
                        }
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: table[plan.decisions]))
                        appendJSONMembers(machine: machine, plan: plan, fields: fields, table: table, pieces: pieces, to: &bytes)
                    case .csv:
                        if let id { CSVLine.appendEscaped(utf8: id, to: &bytes) }
                        for position in 0..<fields.count {
                            bytes.append(44)
                            appendFlat(fields[position], machine: machine, quoted: false, plan: plan, table: table, pieces: pieces, to: &bytes)
                        }
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: table[plan.close]))
                }
            }
        }
    }

    /// `"name":value` for every public decision, comma-separated (JSON, no braces).
    @inline(__always)
    package func appendJSONMembers(machine: FlatMachine, plan: FlatResultPlan, fields: UnsafeBufferPointer<FlatResultPlan.Field>,
                           table: UnsafeBufferPointer<UInt8>, pieces: UnsafeBufferPointer<Range<Int>>, to bytes: inout [UInt8]) {
        for position in 0..<fields.count {
            let field = fields[position]
            if position > 0 { bytes.append(44) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: table[field.key]))
            appendFlat(field, machine: machine, quoted: true, plan: plan, table: table, pieces: pieces, to: &bytes)
        }
    }

    @inline(__always)
    package func appendFlat(_ field: FlatResultPlan.Field, machine: FlatMachine, quoted: Bool, plan: FlatResultPlan, table: UnsafeBufferPointer<UInt8>,
                    pieces: UnsafeBufferPointer<Range<Int>>, to bytes: inout [UInt8]) {
        let (word, kind) = machine.word(of: field.decision)
        switch kind {
        case .bool:
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: table[word.bits != 0 ? plan.yes : plan.no]))
        case .integer:
            bytes.appendInteger(word.bits)
        case .decimal:
            if quoted { bytes.append(34) }
            bytes.appendMoney(word.decimal)
            if quoted { bytes.append(34) }
        case .enumeration:
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: table[pieces[field.firstPiece + Int(word.bits)]]))
        case .collectLeaf:
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: table[pieces[field.firstPiece + machine.collectLeaf(of: field.decision)]]))
        case .record:
            // `{"a":"1.00","b":"2.00"}` in JSON; `1.00,2.00` (one column each) in CSV.
            let count = field.width
            if quoted { bytes.append(123) }
            for part in 0..<count {
                if part > 0 { bytes.append(44) }
                if quoted {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: table[pieces[field.firstPiece + part]]))
                    bytes.append(34)
                }
                bytes.appendMoney(machine.recordField(part, of: field.decision).decimal)
                if quoted { bytes.append(34) }
            }
            if quoted { bytes.append(125) }
        case .date:
            let date = CivilDate(packed: Int32(truncatingIfNeeded: word.bits))
            if quoted { bytes.append(34) }
            bytes.append(contentsOf: date.description.utf8)
            if quoted { bytes.append(34) }
        }
    }
}

/// Writes a flat machine's public decisions as one JSON object in the brief's encoding
/// (`{"service_tier":"free",…,"monthly_subsidy_cny":"160.00"}`), byte for byte what the
/// general writers give for the same values: for the service's batch endpoint.
package struct FlatDecisionsWriter: Sendable {
    package let writer: ResultWriter
    package let plan: FlatResultPlan

    package init(policy: CheckedPolicy, program: FlatProgram) {
        writer = ResultWriter(policy: policy, format: .jsonl)
        plan = FlatResultPlan(writer: writer, program: program)
    }

    /// Appends `{…}` with every public decision of the last `run` of `machine`.
    package func appendDecisions(of machine: FlatMachine, to bytes: inout [UInt8]) {
        plan.table.withUnsafeBufferPointer { table in
            plan.pieces.withUnsafeBufferPointer { pieces in
                plan.fields.withUnsafeBufferPointer { fields in
                    bytes.append(123)
                    writer.appendJSONMembers(machine: machine, plan: plan, fields: fields, table: table, pieces: pieces, to: &bytes)
                    bytes.append(125)
                }
            }
        }
    }
}
