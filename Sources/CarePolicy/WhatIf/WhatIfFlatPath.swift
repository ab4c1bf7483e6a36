extension WhatIfAnalysis {
    /// The fast way through a what-if run: each line read once into the baseline's flat
    /// machine, its facts copied to the variant's, both run, and the person's outcome —
    /// group and every compared decision before and after — counted as a key. At the end
    /// of a run of lines each distinct outcome is tallied once, weighted by its count,
    /// in the order first seen: the same tally as person by person. Changed persons are
    /// also evaluated the general way, to write their rows of `changed.csv`.
    final class FlatPath {
        let baseline: FlatMachine
        let variant: FlatMachine
        let decoder: FlatRecordDecoder.Reader
        let plan: ComparisonPlan
        let inputCount: Int
        /// Per column: the decisions and, for `collect` decisions, each leaf's value.
        let baselineDecisions: [Int]
        let variantDecisions: [Int]
        let baselineLeaves: [[Value]]
        let variantLeaves: [[Value]]
        let baselineKinds: [FlatKind]
        let variantKinds: [FlatKind]
        let dimensions: [(source: Grouping.Dimension.Source, width: Int64, kind: FlatKind?)]
        let key: UnsafeMutablePointer<Int64>
        var counter: SignatureCounter

        /// Nil when either policy has no flat form on the date, the file's columns cannot be
        /// read straight into it, or a compared column is a field of a record.
        init?(_ context: Context) {
            guard context.sharedDecoding,
                  let baselineProgram = context.baseline.evaluator.flatProgram(on: context.date),
                  let variantProgram = context.variant.evaluator.flatProgram(on: context.date),
                  baselineProgram.layout.count == variantProgram.layout.count,
                  let decoder = FlatRecordDecoder(context.baselineDecoder, layout: baselineProgram.layout),
                  context.plan.columns.allSatisfy({ $0.field == nil }) else { return nil }
            baseline = FlatMachine(baselineProgram)
            variant = FlatMachine(variantProgram)
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

        /// Evaluates and counts `line`: whether the person changed, or nil when the line
        /// needs the general way (nothing counted).
        func evaluate(_ line: UnsafeBufferPointer<UInt8>, on date: CivilDate) -> Bool? {
            guard decoder.decode(line, into: baseline.facts) != nil else { return nil }
            variant.facts.update(from: baseline.facts, count: inputCount)
            do {
                try baseline.run(on: date)
                try variant.run(on: date)
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
                FlatPath.write(baseline, baselineDecisions[position], kind: baselineKinds[position], to: key + 3 + 4 * position)
                FlatPath.write(variant, variantDecisions[position], kind: variantKinds[position], to: key + 5 + 4 * position)
            }
            let width = counter.width, key = self.key
            let entry = counter.count(key) { changes(key: UnsafeBufferPointer(start: key, count: width)).any }
            return counter.flags[entry]
        }

        @inline(__always)
        static func write(_ machine: FlatMachine, _ decision: Int, kind: FlatKind, to key: UnsafeMutablePointer<Int64>) {
            if kind == .collectLeaf {
                key[0] = Int64(machine.collectLeaf(of: decision))
                key[1] = 0
            } else {
                let word = machine.word(of: decision).0
                key[0] = word.bits
                key[1] = Int64(word.scale)
            }
        }

        /// The compared values of a key, before and after, column by column.
        func values<Key: RandomAccessCollection>(of key: Key) -> (before: [Value], after: [Value]) where Key.Element == Int64, Key.Index == Int {
            var before: [Value] = [], after: [Value] = []
            let base = key.startIndex
            for position in 0..<baselineDecisions.count {
                let offset = base + 3 + 4 * position
                before.append(FlatPath.value(key[offset], key[offset + 1], kind: baselineKinds[position], leaves: baselineLeaves[position]))
                after.append(FlatPath.value(key[offset + 2], key[offset + 3], kind: variantKinds[position], leaves: variantLeaves[position]))
            }
            return (before, after)
        }

        static func value(_ bits: Int64, _ scale: Int64, kind: FlatKind, leaves: [Value]) -> Value {
            kind == .collectLeaf ? leaves[Int(bits)] : kind.value(of: FlatWord(bits: bits, scale: Int8(truncatingIfNeeded: scale)))
        }

        /// Which columns differ for a key, the way the general path decides it.
        func changes<Key: RandomAccessCollection>(key: Key) -> (columns: [Bool], any: Bool) where Key.Element == Int64, Key.Index == Int {
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
        func flush(into tally: inout WhatIfTally, grouped: Bool) {
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
