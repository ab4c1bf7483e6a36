import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// What a what-if run found, ready to write as `summary.json` or `report.html`.
package struct WhatIfReport: Sendable {
    /// One value of a decision: how many persons had it under each policy.
    package struct ValueCount: Sendable {
        package let value: String
        package let label: String?
        package let baseline: Int
        package let variant: Int
        package var difference: Int { variant - baseline }
    }

    /// How many persons went from one value to another (`from == to`: unchanged).
    package struct Transition: Sendable {
        package let from: String
        package let to: String
        package let count: Int
    }

    /// Sums of a number decision over everyone evaluated.
    package struct Totals: Sendable {
        package let baseline: ExactDecimal
        package let variant: ExactDecimal
        package var difference: ExactDecimal { (try? variant.subtracting(baseline)) ?? .zero }
        /// Persons with a value above zero.
        package let baselinePositive: Int
        package let variantPositive: Int
        /// Whether the values are per month, so that yearly figures are twelve times these.
        package let monthly: Bool
        package let overflow: Bool

        package func yearly(_ amount: ExactDecimal) -> ExactDecimal? {
            monthly ? try? amount.multiplied(by: ExactDecimal(12)) : nil
        }
    }

    /// One compared decision (or numeric field of a record decision).
    package struct DecisionSummary: Sendable {
        package let name: String
        package let label: String
        /// `categorical`, `numeric`, `list` or `other`.
        package let kind: String
        /// `money` (decimal), `count` (integer) or empty.
        package let unit: String
        package let changed: Int
        package let values: [ValueCount]
        package let transitions: [Transition]
        package let transitionsOmitted: Int
        package let totals: Totals?
    }

    /// One group of the `--by` breakdown.
    package struct GroupRow: Sendable {
        package let values: [String]
        package let labels: [String?]
        package let persons: Int
        package let changed: Int
        /// Per numeric decision: name, baseline total, variant total.
        package let totals: [(name: String, baseline: ExactDecimal, variant: ExactDecimal, monthly: Bool)]
    }

    package let baseline: PolicyMetadata
    package let variant: PolicyMetadata
    package let baselineTitle: String
    package let variantTitle: String
    package let input: String
    package let asOf: CivilDate
    package let records: Int
    package let evaluated: Int
    package let failed: Int
    package let changedPersons: Int
    package let firstErrors: [RecordError]
    package let decisions: [DecisionSummary]
    package let groupedBy: [(name: String, label: String)]
    package let groups: [GroupRow]
    package let onlyInBaseline: [String]
    package let onlyInVariant: [String]
    package let traces: Bool
    package let seconds: Double
    /// How the baseline's persons were evaluated: read in place the fast way, or decoded.
    package let ways: EvaluationCounts

    package init(baseline: LoadedPolicy, variant: LoadedPolicy, input: String, asOf: CivilDate, plan: ComparisonPlan, grouping: Grouping,
         tally: WhatIfTally, traces: Bool, seconds: Double) {
        self.baseline = baseline.metadata
        self.variant = variant.metadata
        baselineTitle = baseline.metadata.title
        variantTitle = variant.metadata.title
        self.input = input
        self.asOf = asOf
        records = tally.records
        evaluated = tally.evaluated
        failed = tally.failed
        changedPersons = tally.changedPersons
        ways = tally.ways
        firstErrors = tally.errors
        self.traces = traces
        self.seconds = seconds
        onlyInBaseline = plan.onlyInBaseline
        onlyInVariant = plan.onlyInVariant
        decisions = plan.columns.enumerated().map { position, column in
            WhatIfReport.summary(column, tally.columns[position], baseline: baseline.checked, variant: variant.checked)
        }
        groupedBy = grouping.dimensions.map { ($0.name, $0.label) }
        let numeric = plan.columns.enumerated().filter { $0.element.kind == .numeric }
        groups = tally.groups.sorted { a, b in
            let x = a.key.codes, y = b.key.codes
            return (x.0, x.1, x.2) < (y.0, y.1, y.2)
        }.map { key, group in
            let codes = [key.codes.0, key.codes.1, key.codes.2]
            return GroupRow(values: grouping.dimensions.enumerated().map { grouping.text(of: codes[$0.offset], dimension: $0.element) },
                            labels: grouping.dimensions.enumerated().map { grouping.label(of: codes[$0.offset], dimension: $0.element) },
                            persons: group.persons, changed: group.changed,
                            totals: numeric.map { ($0.element.name, group.baseline[$0.offset], group.variant[$0.offset], $0.element.monthly) })
        }
    }

    package static func summary(_ column: ComparisonPlan.Column, _ tally: WhatIfTally.Column, baseline: CheckedPolicy, variant: CheckedPolicy) -> DecisionSummary {
        let kind: String
        switch column.kind {
        case .categorical: kind = "categorical"
        case .numeric: kind = "numeric"
        case .list: kind = "list"
        case .other: kind = "other"
        }
        var elementType = column.baselineType, variantElement = column.variantType
        if case .list(let inner) = column.baselineType { elementType = inner }
        if case .list(let inner) = column.variantType { variantElement = inner }
        // Counts by the value's text, so that a variant with other enum cases still lines up.
        var counts: [String: (label: String?, baseline: Int, variant: Int, order: Int)] = [:]
        func order(_ value: Value) -> Int {
            switch value {
            case .enumCase(let index): return index
            case .bool(let flag): return flag ? 0 : 1
            default: return Int.max
            }
        }
        for (value, count) in tally.baseline {
            let text = value.display(as: elementType)
            counts[text, default: (label(value, elementType), 0, 0, order(value))].baseline += count
        }
        for (value, count) in tally.variant {
            let text = value.display(as: variantElement)
            counts[text, default: (label(value, variantElement), 0, 0, order(value) == Int.max ? Int.max : 1000 + order(value))].variant += count
        }
        let values = counts.sorted { a, b in
            if a.value.order != b.value.order { return a.value.order < b.value.order }
            if let x = ExactDecimal(a.key), let y = ExactDecimal(b.key) { return x < y }
            return a.key < b.key
        }.map { ValueCount(value: $0.key, label: $0.value.label, baseline: $0.value.baseline, variant: $0.value.variant) }
        let transitions = tally.transitions.map { Transition(from: $0.key.from.display(as: column.baselineType), to: $0.key.to.display(as: column.variantType), count: $0.value) }
            .sorted(by: WhatIfReport.transitionOrder)
        let totals = column.kind == .numeric
            ? Totals(baseline: tally.baselineTotal, variant: tally.variantTotal, baselinePositive: tally.baselinePositive,
                     variantPositive: tally.variantPositive, monthly: column.monthly, overflow: tally.overflow)
            : nil
        let unit = column.baselineType == .decimal ? "money" : (column.baselineType == .integer ? "count" : "")
        return DecisionSummary(name: column.name, label: column.label, kind: kind, unit: unit, changed: tally.changed, values: values,
                               transitions: column.kind == .list ? [] : transitions, transitionsOmitted: tally.transitionsOmitted, totals: totals)
    }

    /// Changes first, the most frequent first; then unchanged values.
    package static func transitionOrder(_ a: Transition, _ b: Transition) -> Bool {
        let aSame = a.from == a.to, bSame = b.from == b.to
        if aSame != bSame { return !aSame }
        if a.count != b.count { return a.count > b.count }
        if a.from != b.from { return a.from < b.from }
        return a.to < b.to
    }

    package static func label(_ value: Value, _ type: ValueType) -> String? {
        switch (value, type) {
        case (.enumCase(let index), .enumeration(let enumType)): return index < enumType.labels.count ? enumType.labels[index] : nil
        case (.bool(let flag), _): return flag ? "是" : "否"
        default: return nil
        }
    }
}
