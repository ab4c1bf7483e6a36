import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

extension WhatIfAnalysis {
    /// One row of `changed.csv` — line, id, decision, value before and after — without the
    /// rule columns and the line end. `id` is the id's UTF-8 bytes, escaped here.
    package static func appendChangedRow(line: Int, id: UnsafeBufferPointer<UInt8>, column: ComparisonPlan.Column, before: Value, after: Value,
                                         to bytes: inout [UInt8]) {
        bytes.appendInteger(Int64(line))
        bytes.append(44)
        CSVLine.appendEscaped(utf8: id, to: &bytes)
        bytes.append(44)
        bytes.appendUTF8(column.name)
        bytes.append(44)
        appendCell(before, type: column.baselineType, to: &bytes)
        bytes.append(44)
        appendCell(after, type: column.variantType, to: &bytes)
    }

    /// A value as a CSV cell: a number, an amount or a boolean as the engine writes it (so
    /// `-5` stays a number), anything else as a text cell (`CSVLine.appendEscaped`, which
    /// neutralises formulas).
    package static func appendCell(_ value: Value, type: ValueType, to bytes: inout [UInt8]) {
        switch value {
        case .integer, .decimal, .bool: bytes.appendUTF8(value.display(as: type))
        default: CSVLine.appendEscaped(value.display(as: type), to: &bytes)
        }
    }

    /// One worker thread's sessions and scratch memory.
    package final class Worker {
        package let context: Context
        package let baselineSession: EvaluationSession
        package let variantSession: EvaluationSession
        var scratch = RecordDecoder.Scratch()
        var changed: [Bool]
        package let flat: FlatPath?

        package init(_ context: Context) {
            self.context = context
            baselineSession = EvaluationSession(context.baseline.evaluator)
            variantSession = EvaluationSession(context.variant.evaluator)
            changed = Array(repeating: false, count: context.plan.columns.count)
            flat = FlatPath(context, baselineSession: baselineSession, variantSession: variantSession)
        }

        package func compare(_ chunk: LineChunkReader.Chunk) -> ChunkResult {
            var result = ChunkResult(tally: WhatIfTally(columnCount: context.plan.columns.count))
            let before = baselineSession.counts
            chunk.forEachLine({ line, number in
                var tally = true
                if let flat, let changed = flat.evaluate(line, on: context.date) {
                    result.tally.records += 1
                    guard changed else { return }
                    // Counted; a changed person's rows come from the machines, or with traces
                    // (which need the trees' reading of every rule) the general way.
                    guard context.traces else {
                        flat.changedRows(line: line, number: number, into: &result.changed)
                        return
                    }
                    tally = false
                }
                let baselineRecord = context.baselineDecoder.decode(line, scratch: &scratch)
                if case .blank = baselineRecord { return }
                if tally { result.tally.records += 1 }
                guard case .facts(let facts) = baselineRecord else {
                    if case .invalid(let id, let error) = baselineRecord {
                        fail(&result, RecordError(line: number, id: id, message: "invalid facts: \(error)", problems: error.problems))
                    }
                    return
                }
                var variantFacts = facts
                if !context.sharedDecoding {
                    switch context.variantDecoder.decode(line, scratch: &scratch) {
                    case .facts(let decoded): variantFacts = decoded
                    case .invalid(let id, let error):
                        fail(&result, RecordError(line: number, id: id, message: "invalid facts for the variant: \(error)", problems: error.problems))
                        return
                    case .blank: return
                    }
                }
                let before: Evaluation, after: Evaluation
                do throws(EvaluationError) {
                    before = try baselineSession.evaluate(facts, on: context.date)
                } catch {
                    fail(&result, RecordError(error, line: number, id: facts.id))
                    return
                }
                do throws(EvaluationError) {
                    after = try variantSession.evaluate(variantFacts, on: context.date)
                } catch {
                    fail(&result, RecordError(line: number, id: facts.id, message: "variant: \(error)", problems: []))
                    return
                }
                record(before, after, facts: facts, variantFacts: variantFacts, line: number, tally: tally, into: &result)
            }, tooLong: { skipped in
                result.tally.records += 1
                fail(&result, RecordError(line: skipped.line, id: nil, message: skipped.message, problems: []))
            })
            flat?.flush(into: &result.tally, grouped: !context.grouping.dimensions.isEmpty)
            result.tally.ways = baselineSession.counts - before
            return result
        }

        /// Writes a changed person's rows (and traces), and unless the flat path counted the
        /// person already, tallies them.
        package func record(_ before: Evaluation, _ after: Evaluation, facts: Facts, variantFacts: Facts, line: Int, tally: Bool, into result: inout ChunkResult) {
            let plan = context.plan
            var anyChange = false
            for (position, column) in plan.columns.enumerated() {
                let a = ComparisonPlan.value(before.results[column.baselineDecision].value, field: column.field)
                let b = ComparisonPlan.value(after.results[column.variantDecision].value, field: column.field)
                let differs = column.sameType ? a != b : a.display(as: column.baselineType) != b.display(as: column.variantType)
                changed[position] = differs
                if differs && column.decidesChange { anyChange = true }
            }
            if tally { result.tally.add(baseline: before.results, variant: after.results, plan: plan, group: groupKey(facts), changed: changed) }
            guard anyChange else { return }
            var id = facts.id ?? ""
            id.withUTF8 { id in
                for (position, column) in plan.columns.enumerated() where changed[position] && column.decidesChange {
                    WhatIfAnalysis.appendChangedRow(line: line, id: id, column: column, before: before.results[column.baselineDecision].value,
                                                    after: after.results[column.variantDecision].value, to: &result.changed)
                    if context.traces {
                        result.changed.append(44)
                        CSVLine.appendEscaped(ruleIDs(before.results[column.baselineDecision], policy: context.baseline.checked), to: &result.changed)
                        result.changed.append(44)
                        CSVLine.appendEscaped(ruleIDs(after.results[column.variantDecision], policy: context.variant.checked), to: &result.changed)
                    }
                    result.changed.append(10)
                }
            }
            if context.traces {
                let beforeTrace = before.json(policy: context.baseline.checked, traces: context.baseline.evaluator.trace(before, facts: facts))
                let afterTrace = after.json(policy: context.variant.checked, traces: context.variant.evaluator.trace(after, facts: variantFacts))
                let node = JSONText.Node.object([("line", .integer(Int64(line))), ("id", facts.id.map(JSONText.Node.string) ?? .null),
                                                 ("baseline", beforeTrace), ("variant", afterTrace)])
                JSONText.write(node, into: &result.traces)
                result.traces.append(10)
            }
        }

        package func ruleIDs(_ result: DecisionResult, policy: CheckedPolicy) -> String {
            let rules = policy.decisions[result.decision].rules
            return result.firedRules.map { $0 < rules.count ? rules[$0].id : "?" }.joined(separator: "|")
        }

        package func groupKey(_ facts: Facts) -> WhatIfTally.GroupKey? {
            let dimensions = context.grouping.dimensions
            guard !dimensions.isEmpty else { return nil }
            var codes: [Int64] = [0, 0, 0]
            for (position, dimension) in dimensions.enumerated() {
                let value: Value
                switch dimension.source {
                case .input(let slot): value = facts.values[slot]
                case .definition(let index): value = ((try? baselineSession.definitionValue(index)) ?? nil) ?? .integer(0)
                }
                codes[position] = Grouping.code(value, width: dimension.width)
            }
            return WhatIfTally.GroupKey(codes: (codes[0], codes[1], codes[2]))
        }

        package func fail(_ result: inout ChunkResult, _ error: RecordError) {
            result.tally.failed += 1
            if result.tally.errors.count < BatchSummary.keptErrors { result.tally.errors.append(error) }
            result.errors.appendInteger(Int64(error.line))
            result.errors.append(44)
            CSVLine.appendEscaped(error.id ?? "", to: &result.errors)
            result.errors.append(44)
            CSVLine.appendEscaped(error.message, to: &result.errors)
            result.errors.append(10)
        }
    }
}
