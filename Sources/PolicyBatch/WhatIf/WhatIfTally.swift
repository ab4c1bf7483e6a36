import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Counts and totals over the persons of one run of lines, merged in file order into
/// the whole run's. Everything a what-if report shows comes from here.
package struct WhatIfTally: Sendable {
    /// A value before and after.
    package struct Pair: Hashable, Sendable {
        package let from: Value
        package let to: Value
    }

    /// Up to three dimensions' codes.
    package struct GroupKey: Hashable, Sendable {
        package var codes: (Int64, Int64, Int64) = (0, 0, 0)
        package static func == (lhs: GroupKey, rhs: GroupKey) -> Bool { lhs.codes == rhs.codes }
        package func hash(into hasher: inout Hasher) {
            hasher.combine(codes.0)
            hasher.combine(codes.1)
            hasher.combine(codes.2)
        }
    }

    package struct Column: Sendable {
        package var baseline: [Value: Int] = [:]
        package var variant: [Value: Int] = [:]
        package var transitions: [Pair: Int] = [:]
        /// Persons whose pair did not fit in the table (too many distinct values).
        package var transitionsOmitted = 0
        package var changed = 0
        package var baselineTotal = ExactDecimal.zero
        package var variantTotal = ExactDecimal.zero
        /// Persons with a value above zero.
        package var baselinePositive = 0
        package var variantPositive = 0
        package var overflow = false

        package static let maximumPairs = 200
        package static let maximumValues = 200
    }

    package struct Group: Sendable {
        package var persons = 0
        package var changed = 0
        /// One total per column (zero for columns that are not numbers).
        package var baseline: [ExactDecimal]
        package var variant: [ExactDecimal]
    }

    package var records = 0
    package var evaluated = 0
    /// How the baseline's persons were evaluated: read in place the fast way, or decoded.
    package var ways = EvaluationCounts()
    package var failed = 0
    package var errors: [RecordError] = []
    package var changedPersons = 0
    package var columns: [Column]
    package var groups: [GroupKey: Group] = [:]
    package var overflow = false

    package init(columnCount: Int) {
        columns = Array(repeating: Column(), count: columnCount)
    }

    /// Adds `value` `weight` times to `total`.
    package static func add(_ total: inout ExactDecimal, _ value: Value, weight: Int = 1, overflow: inout Bool) {
        guard let amount = value.decimalValue else { return }
        do {
            let times = weight == 1 ? amount : try amount.multiplied(by: ExactDecimal(Int64(weight)))
            total = try total.adding(times)
        } catch {
            overflow = true
        }
    }

    package static func count(_ value: Value, weight: Int, in counts: inout [Value: Int]) {
        if let existing = counts[value] {
            counts[value] = existing + weight
        } else if counts.count < Column.maximumValues {
            counts[value] = weight
        }
    }

    /// Records one person evaluated under both policies.
    package mutating func add(baseline: [DecisionResult], variant: [DecisionResult], plan: ComparisonPlan, group: GroupKey?, changed: [Bool]) {
        let before = plan.columns.map { ComparisonPlan.value(baseline[$0.baselineDecision].value, field: $0.field) }
        let after = plan.columns.map { ComparisonPlan.value(variant[$0.variantDecision].value, field: $0.field) }
        add(before: before, after: after, plan: plan, group: group, changed: changed, weight: 1)
    }

    /// Records `weight` persons with the same column values (`before[i]`, `after[i]` for
    /// column `i`) and group: the same as recording each of them in turn.
    package mutating func add(before: [Value], after: [Value], plan: ComparisonPlan, group: GroupKey?, changed: [Bool], weight: Int) {
        evaluated += weight
        var anyChange = false
        for (position, column) in plan.columns.enumerated() {
            if column.decidesChange && changed[position] { anyChange = true }
            // In place: a copy of the column would copy its dictionaries on every write.
            WhatIfTally.record(before[position], after[position], changed: changed[position], kind: column.kind, weight: weight, into: &columns[position])
        }
        if anyChange { changedPersons += weight }
        guard let group else { return }
        let count = plan.columns.count
        WhatIfTally.record(before: before, after: after, plan: plan, changed: anyChange, weight: weight,
                           into: &groups[group, default: Group(baseline: Array(repeating: .zero, count: count), variant: Array(repeating: .zero, count: count))],
                           overflow: &overflow)
    }

    package static func record(_ before: Value, _ after: Value, changed: Bool, kind: ComparisonPlan.Kind, weight: Int, into tally: inout Column) {
        if changed { tally.changed += weight }
        switch kind {
        case .categorical, .numeric:
            count(before, weight: weight, in: &tally.baseline)
            count(after, weight: weight, in: &tally.variant)
            let pair = Pair(from: before, to: after)
            if let existing = tally.transitions[pair] {
                tally.transitions[pair] = existing + weight
            } else if tally.transitions.count < Column.maximumPairs {
                tally.transitions[pair] = weight
            } else {
                tally.transitionsOmitted += weight
            }
            if kind == .numeric {
                add(&tally.baselineTotal, before, weight: weight, overflow: &tally.overflow)
                add(&tally.variantTotal, after, weight: weight, overflow: &tally.overflow)
                if let amount = before.decimalValue, amount > .zero { tally.baselinePositive += weight }
                if let amount = after.decimalValue, amount > .zero { tally.variantPositive += weight }
            }
        case .list:
            if case .list(let items) = before { for item in Set(items) { count(item, weight: weight, in: &tally.baseline) } }
            if case .list(let items) = after { for item in Set(items) { count(item, weight: weight, in: &tally.variant) } }
        case .other:
            break
        }
    }

    package static func record(before: [Value], after: [Value], plan: ComparisonPlan, changed: Bool, weight: Int, into entry: inout Group,
                       overflow: inout Bool) {
        entry.persons += weight
        if changed { entry.changed += weight }
        for (position, column) in plan.columns.enumerated() where column.kind == .numeric {
            add(&entry.baseline[position], before[position], weight: weight, overflow: &overflow)
            add(&entry.variant[position], after[position], weight: weight, overflow: &overflow)
        }
    }

    /// Adds a later run's tally to this one.
    package mutating func merge(_ other: WhatIfTally) {
        records += other.records
        evaluated += other.evaluated
        failed += other.failed
        ways = ways + other.ways
        errors.append(contentsOf: other.errors.prefix(max(0, BatchSummary.keptErrors - errors.count)))
        changedPersons += other.changedPersons
        overflow = overflow || other.overflow
        for position in columns.indices {
            var mine = columns[position]
            let theirs = other.columns[position]
            for (value, count) in theirs.baseline { mine.baseline[value, default: 0] += count }
            for (value, count) in theirs.variant { mine.variant[value, default: 0] += count }
            for (pair, count) in theirs.transitions {
                if mine.transitions[pair] != nil || mine.transitions.count < Column.maximumPairs {
                    mine.transitions[pair, default: 0] += count
                } else {
                    mine.transitionsOmitted += count
                }
            }
            mine.transitionsOmitted += theirs.transitionsOmitted
            mine.changed += theirs.changed
            WhatIfTally.add(&mine.baselineTotal, .decimal(theirs.baselineTotal), overflow: &mine.overflow)
            WhatIfTally.add(&mine.variantTotal, .decimal(theirs.variantTotal), overflow: &mine.overflow)
            mine.baselinePositive += theirs.baselinePositive
            mine.variantPositive += theirs.variantPositive
            mine.overflow = mine.overflow || theirs.overflow
            columns[position] = mine
        }
        for (key, group) in other.groups {
            guard var entry = groups[key] else {
                groups[key] = group
                continue
            }
            entry.persons += group.persons
            entry.changed += group.changed
            for position in entry.baseline.indices {
                WhatIfTally.add(&entry.baseline[position], .decimal(group.baseline[position]), overflow: &overflow)
                WhatIfTally.add(&entry.variant[position], .decimal(group.variant[position]), overflow: &overflow)
            }
            groups[key] = entry
        }
    }
}
