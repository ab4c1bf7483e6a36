import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

extension WhatIfAnalysis {
    /// The fast way through a what-if run: each line read once into the baseline's flat
    /// machine, its facts copied to the variant's, both run, and the person's outcome —
    /// group and every compared decision before and after — counted as a key. At the end
    /// of a run of lines each distinct outcome is tallied once, weighted by its count,
    /// in the order first seen: the same tally as person by person. Changed persons are
    /// also evaluated the general way, to write their rows of `changed.csv`.
    package final class FlatPath {
        package let baselineSession: EvaluationSession
        package let variantSession: EvaluationSession
        /// The sessions' machines for the run's date.
        package let baseline: FlatMachine
        package let variant: FlatMachine
        package let decoder: FlatRecordDecoder.Reader
        package let plan: ComparisonPlan
        package let inputCount: Int
        /// Per column: the decisions and, for `collect` decisions, each leaf's value.
        package let baselineDecisions: [Int]
        package let variantDecisions: [Int]
        package let baselineLeaves: [[Value]]
        package let variantLeaves: [[Value]]
        package let baselineKinds: [FlatKind]
        package let variantKinds: [FlatKind]
        package let dimensions: [(source: Grouping.Dimension.Source, width: Int64, kind: FlatKind?)]
        package let key: UnsafeMutablePointer<Int64>
        var counter: SignatureCounter

        /// Per column: the record field it compares, if any.
        package let fields: [Int?]
        /// Per column that compares a whole record: the columns of its fields, in field
        /// order (the record is rebuilt from them); empty for other columns.
        package let recordParts: [[Int]]

        /// Nil when either policy has no flat form on the date, the file's columns cannot be
        /// read straight into it, or a record is compared whose every field is not also a column.
        package init?(_ context: Context, baselineSession: EvaluationSession, variantSession: EvaluationSession) {
            guard context.sharedDecoding,
                  let baselineMachine = baselineSession.flatMachine(on: context.date),
                  let variantMachine = variantSession.flatMachine(on: context.date) else { return nil }
            let baselineProgram = baselineMachine.program, variantProgram = variantMachine.program
            guard
                  baselineProgram.layout.count == variantProgram.layout.count,
                  let decoder = FlatRecordDecoder(context.baselineDecoder, layout: baselineProgram.layout) else { return nil }
            let columns = context.plan.columns
            var recordParts: [[Int]] = []
            for column in columns {
                let baselineKind = baselineProgram.decisionKinds[column.baselineDecision]
                let variantKind = variantProgram.decisionKinds[column.variantDecision]
                guard (baselineKind == .record) == (variantKind == .record) else { return nil }
                guard baselineKind == .record else {
                    recordParts.append([])
                    continue
                }
                let width = baselineProgram.recordWidth(of: column.baselineDecision)
                guard width == variantProgram.recordWidth(of: column.variantDecision) else { return nil }
                if let field = column.field {
                    guard field < width else { return nil }
                    recordParts.append([])
                    continue
                }
                var parts: [Int] = []
                for field in 0..<width {
                    guard let part = columns.firstIndex(where: { $0.baselineDecision == column.baselineDecision && $0.field == field }) else { return nil }
                    parts.append(part)
                }
                recordParts.append(parts)
            }
            self.recordParts = recordParts
            fields = columns.map(\.field)
            self.baselineSession = baselineSession
            self.variantSession = variantSession
            baseline = baselineMachine
            variant = variantMachine
            self.decoder = FlatRecordDecoder.Reader(decoder)
            decoder.prepare(baseline.facts)
            plan = context.plan
            inputCount = baselineProgram.layout.count
            baselineDecisions = plan.columns.map(\.baselineDecision)
            variantDecisions = plan.columns.map(\.variantDecision)
            let baselineAll = baselineProgram.decisionKinds, variantAll = variantProgram.decisionKinds
            baselineKinds = baselineDecisions.map { baselineAll[$0] }
            variantKinds = variantDecisions.map { variantAll[$0] }
            baselineLeaves = baselineDecisions.map { baselineProgram.collectValues(of: $0) }
            variantLeaves = variantDecisions.map { variantProgram.collectValues(of: $0) }
            let inputs = context.baseline.checked.inputs
            dimensions = context.grouping.dimensions.map { dimension in
                switch dimension.source {
                case .input(let slot): return (dimension.source, dimension.width, FlatKind(inputs[slot].type))
                case .definition: return (dimension.source, dimension.width, nil)
                }
            }
            if dimensions.contains(where: { if case .input = $0.source { return $0.kind == nil } else { return false } }) { return nil }
            counter = SignatureCounter(width: 3 + 4 * plan.columns.count)
            key = .allocate(capacity: counter.width)
        }

        deinit { key.deallocate() }

        /// Where the last person's id is in its line (nil without an id column).
        var lastID: Range<Int>?

        /// The last person's rows of `changed.csv` (line, id, decision, before, after for each
        /// changed decision), as the general way writes them without traces.
        package func changedRows(line: UnsafeBufferPointer<UInt8>, number: Int, into bytes: inout [UInt8]) {
            let key = UnsafeBufferPointer(start: self.key, count: counter.width)
            let (before, after) = values(of: key)
            let changed = changes(key: key).columns
            // The flat decoder takes only ids of valid UTF-8, written as they are.
            let id = UnsafeBufferPointer(rebasing: line[lastID ?? (0..<0)])
            for (position, column) in plan.columns.enumerated() where changed[position] && column.decidesChange {
                WhatIfAnalysis.appendChangedRow(line: number, id: id, column: column, before: before[position], after: after[position], to: &bytes)
                bytes.append(10)
            }
        }

        /// Evaluates and counts `line`: whether the person changed, or nil when the line
        /// needs the general way (nothing counted).
        package func evaluate(_ line: UnsafeBufferPointer<UInt8>, on date: CivilDate) -> Bool? {
            var id: Range<Int>?
            let inputCount = self.inputCount, decoder = self.decoder
            guard let baseline = baselineSession.evaluateInPlace(on: date, reading: { machine in
                      id = decoder.decode(line, into: machine.facts)
                      return id != nil
                  }),
                  let variant = variantSession.evaluateInPlace(on: date, reading: { machine in
                      machine.facts.update(from: baseline.facts, count: inputCount)
                      return true
                  }) else { return nil }
            lastID = decoder.decoder.hasID ? id : nil
            do {
                key[0] = 0; key[1] = 0; key[2] = 0
                for (position, dimension) in dimensions.enumerated() {
                    let value: Value
                    switch dimension.source {
                    case .input(let slot): value = dimension.kind!.value(of: baseline.facts[slot])
                    case .definition(let index): value = try baseline.definitionValue(index)
                    }
                    key[position] = Grouping.code(value, width: dimension.width)
                }
            } catch {
                return nil
            }
            for position in 0..<baselineDecisions.count {
                let field = fields[position]
                FlatPath.write(baseline, baselineDecisions[position], kind: baselineKinds[position], field: field, to: key + 3 + 4 * position)
                FlatPath.write(variant, variantDecisions[position], kind: variantKinds[position], field: field, to: key + 5 + 4 * position)
            }
            let width = counter.width, key = self.key
            let entry = counter.count(key) { changes(key: UnsafeBufferPointer(start: key, count: width)).any }
            return counter.flags[entry]
        }

        @inline(__always)
        package static func write(_ machine: FlatMachine, _ decision: Int, kind: FlatKind, field: Int?, to key: UnsafeMutablePointer<Int64>) {
            if kind == .collectLeaf {
                key[0] = Int64(machine.collectLeaf(of: decision))
                key[1] = 0
            } else if kind == .record {
                // A field's word; a whole record is rebuilt from its fields' columns.
                let word = field.map { machine.recordField($0, of: decision) } ?? .zero
                key[0] = word.bits
                key[1] = Int64(word.scale)
            } else {
                let word = machine.word(of: decision).0
                key[0] = word.bits
                key[1] = Int64(word.scale)
            }
        }

        /// The compared values of a key, before and after, column by column.
        package func values<Key: RandomAccessCollection>(of key: Key) -> (before: [Value], after: [Value]) where Key.Element == Int64, Key.Index == Int {
            var before: [Value] = [], after: [Value] = []
            let base = key.startIndex
            for position in 0..<baselineDecisions.count {
                let offset = base + 3 + 4 * position
                // A record's field is a decimal; a whole record is filled in below.
                let baselineKind = baselineKinds[position] == .record ? FlatKind.decimal : baselineKinds[position]
                let variantKind = variantKinds[position] == .record ? FlatKind.decimal : variantKinds[position]
                before.append(FlatPath.value(key[offset], key[offset + 1], kind: baselineKind, leaves: baselineLeaves[position]))
                after.append(FlatPath.value(key[offset + 2], key[offset + 3], kind: variantKind, leaves: variantLeaves[position]))
            }
            for (position, parts) in recordParts.enumerated() where !parts.isEmpty {
                before[position] = .record(parts.map { before[$0] })
                after[position] = .record(parts.map { after[$0] })
            }
            return (before, after)
        }

        package static func value(_ bits: Int64, _ scale: Int64, kind: FlatKind, leaves: [Value]) -> Value {
            kind == .collectLeaf ? leaves[Int(bits)] : kind.value(of: FlatWord(bits: bits, scale: Int8(truncatingIfNeeded: scale)))
        }

        /// Which columns differ for a key, the way the general path decides it.
        package func changes<Key: RandomAccessCollection>(key: Key) -> (columns: [Bool], any: Bool) where Key.Element == Int64, Key.Index == Int {
            let (before, after) = values(of: key)
            var columns: [Bool] = []
            var any = false
            for (position, column) in plan.columns.enumerated() {
                let a = before[position], b = after[position]
                let differs = column.sameType ? a != b : a.display(as: column.baselineType) != b.display(as: column.variantType)
                columns.append(differs)
                if differs && column.decidesChange { any = true }
            }
            return (columns, any)
        }

        /// Tallies every distinct outcome counted since the last flush, in the order first seen.
        package func flush(into tally: inout WhatIfTally, grouped: Bool) {
            for entry in 0..<counter.distinct {
                let key = counter.key(entry)
                let (before, after) = values(of: key)
                let changed = changes(key: key).columns
                let group = grouped ? WhatIfTally.GroupKey(codes: (key[key.startIndex], key[key.startIndex + 1], key[key.startIndex + 2])) : nil
                tally.add(before: before, after: after, plan: plan, group: group, changed: changed, weight: counter.counts[entry])
            }
            counter = SignatureCounter(width: counter.width)
        }
    }
}
