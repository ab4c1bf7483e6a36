/// Counts and totals over the persons of one run of lines, merged in file order into
/// the whole run's. Everything a what-if report shows comes from here.
struct WhatIfTally: Sendable {
    /// A value before and after.
    struct Pair: Hashable, Sendable {
        let from: Value
        let to: Value
    }

    /// Up to three dimensions' codes.
    struct GroupKey: Hashable, Sendable {
        var codes: (Int64, Int64, Int64) = (0, 0, 0)
        static func == (lhs: GroupKey, rhs: GroupKey) -> Bool { lhs.codes == rhs.codes }
        func hash(into hasher: inout Hasher) {
            hasher.combine(codes.0)
            hasher.combine(codes.1)
            hasher.combine(codes.2)
        }
    }

    struct Column: Sendable {
        var baseline: [Value: Int] = [:]
        var variant: [Value: Int] = [:]
        var transitions: [Pair: Int] = [:]
        /// Persons whose pair did not fit in the table (too many distinct values).
        var transitionsOmitted = 0
        var changed = 0
        var baselineTotal = ExactDecimal.zero
        var variantTotal = ExactDecimal.zero
        /// Persons with a value above zero.
        var baselinePositive = 0
        var variantPositive = 0
        var overflow = false

        static let maximumPairs = 200
        static let maximumValues = 200
    }

    struct Group: Sendable {
        var persons = 0
        var changed = 0
        /// One total per column (zero for columns that are not numbers).
        var baseline: [ExactDecimal]
        var variant: [ExactDecimal]
    }

    var records = 0
    var evaluated = 0
    var failed = 0
    var errors: [RecordError] = []
    var changedPersons = 0
    var columns: [Column]
    var groups: [GroupKey: Group] = [:]
    var overflow = false

    init(columnCount: Int) {
        columns = Array(repeating: Column(), count: columnCount)
    }

    static func add(_ total: inout ExactDecimal, _ value: Value, overflow: inout Bool) {
        guard let amount = value.decimalValue else { return }
        do { total = try total.adding(amount) } catch { overflow = true }
    }

    static func count(_ value: Value, in counts: inout [Value: Int]) {
        if let existing = counts[value] {
            counts[value] = existing + 1
        } else if counts.count < Column.maximumValues {
            counts[value] = 1
        }
    }

    /// Records one person evaluated under both policies.
    mutating func add(baseline: [DecisionResult], variant: [DecisionResult], plan: ComparisonPlan, group: GroupKey?, changed: [Bool]) {
        evaluated += 1
        var anyChange = false
        for (position, column) in plan.columns.enumerated() {
            let before = ComparisonPlan.value(baseline[column.baselineDecision].value, field: column.field)
            let after = ComparisonPlan.value(variant[column.variantDecision].value, field: column.field)
            if column.decidesChange && changed[position] { anyChange = true }
            // In place: a copy of the column would copy its dictionaries on every write.
            WhatIfTally.record(before, after, changed: changed[position], kind: column.kind, into: &columns[position])
        }
        if anyChange { changedPersons += 1 }
        guard let group else { return }
        let count = plan.columns.count
        WhatIfTally.record(baseline: baseline, variant: variant, plan: plan, changed: anyChange,
                           into: &groups[group, default: Group(baseline: Array(repeating: .zero, count: count), variant: Array(repeating: .zero, count: count))],
                           overflow: &overflow)
    }

    static func record(_ before: Value, _ after: Value, changed: Bool, kind: ComparisonPlan.Kind, into tally: inout Column) {
        if changed { tally.changed += 1 }
        switch kind {
        case .categorical, .numeric:
            count(before, in: &tally.baseline)
            count(after, in: &tally.variant)
            let pair = Pair(from: before, to: after)
            if let existing = tally.transitions[pair] {
                tally.transitions[pair] = existing + 1
            } else if tally.transitions.count < Column.maximumPairs {
                tally.transitions[pair] = 1
            } else {
                tally.transitionsOmitted += 1
            }
            if kind == .numeric {
                add(&tally.baselineTotal, before, overflow: &tally.overflow)
                add(&tally.variantTotal, after, overflow: &tally.overflow)
                if let amount = before.decimalValue, amount > .zero { tally.baselinePositive += 1 }
                if let amount = after.decimalValue, amount > .zero { tally.variantPositive += 1 }
            }
        case .list:
            if case .list(let items) = before { for item in Set(items) { count(item, in: &tally.baseline) } }
            if case .list(let items) = after { for item in Set(items) { count(item, in: &tally.variant) } }
        case .other:
            break
        }
    }

    static func record(baseline: [DecisionResult], variant: [DecisionResult], plan: ComparisonPlan, changed: Bool, into entry: inout Group,
                       overflow: inout Bool) {
        entry.persons += 1
        if changed { entry.changed += 1 }
        for (position, column) in plan.columns.enumerated() where column.kind == .numeric {
            add(&entry.baseline[position], ComparisonPlan.value(baseline[column.baselineDecision].value, field: column.field), overflow: &overflow)
            add(&entry.variant[position], ComparisonPlan.value(variant[column.variantDecision].value, field: column.field), overflow: &overflow)
        }
    }

    /// Adds a later run's tally to this one.
    mutating func merge(_ other: WhatIfTally) {
        records += other.records
        evaluated += other.evaluated
        failed += other.failed
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
