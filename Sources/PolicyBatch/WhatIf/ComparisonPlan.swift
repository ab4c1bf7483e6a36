import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Which decisions a what-if run compares, and how: every public decision the baseline
/// and the variant both have, each record field that is a number as its own column.
package struct ComparisonPlan: Sendable {
    /// How a compared value is tallied.
    package enum Kind: Sendable {
        /// Bool or enum: counts per value and a transition table.
        case categorical
        /// Integer or decimal: counts per value (a transition table) and totals.
        case numeric
        /// A list: how many people have each item.
        case list
        /// Anything else (text, dates, whole records): only whether it changed.
        case other
    }

    package struct Column: Sendable {
        package let name: String
        package let label: String
        package let baselineDecision: Int
        package let variantDecision: Int
        /// A record field, for the numeric parts of a record.
        package let field: Int?
        package let baselineType: ValueType
        package let variantType: ValueType
        package let kind: Kind
        /// Values are per month (the name begins with `monthly_` or ends with `_per_month`):
        /// the report adds yearly figures, twelve times the monthly.
        package let monthly: Bool
        /// Whether the column decides if a person changed (the whole decision, not a field of it).
        package let decidesChange: Bool

        package var sameType: Bool { baselineType == variantType }
    }

    package let columns: [Column]
    /// Public decisions only one of the two policies has.
    package let onlyInBaseline: [String]
    package let onlyInVariant: [String]

    package init(baseline: CheckedPolicy, variant: CheckedPolicy) {
        var columns: [Column] = []
        var onlyInBaseline: [String] = []
        for index in baseline.publicDecisionIndices {
            let decision = baseline.decisions[index]
            guard let other = variant.decisionIndex(named: decision.name), variant.decisions[other].isPublic else {
                onlyInBaseline.append(decision.name)
                continue
            }
            let otherType = variant.decisions[other].type
            let monthly = decision.name.hasPrefix("monthly_") || decision.name.hasSuffix("_per_month")
            let kind: Kind
            switch decision.type {
            case .bool, .enumeration: kind = .categorical
            case .integer, .decimal: kind = .numeric
            case .list: kind = .list
            default: kind = .other
            }
            columns.append(Column(name: decision.name, label: decision.label, baselineDecision: index, variantDecision: other, field: nil,
                                  baselineType: decision.type, variantType: otherType, kind: kind, monthly: monthly, decidesChange: true))
            if case .record(let record) = decision.type, case .record(let otherRecord) = otherType {
                for (position, field) in record.fields.enumerated() where field.type.isNumeric {
                    guard let otherPosition = otherRecord.index(of: field.name), otherRecord.fields[otherPosition].type.isNumeric else { continue }
                    columns.append(Column(name: "\(decision.name).\(field.name)", label: "\(decision.label)·\(field.name)",
                                          baselineDecision: index, variantDecision: other, field: position,
                                          baselineType: field.type, variantType: otherRecord.fields[otherPosition].type,
                                          kind: .numeric, monthly: monthly, decidesChange: false))
                }
            }
        }
        self.columns = columns
        self.onlyInBaseline = onlyInBaseline
        onlyInVariant = variant.publicDecisionIndices.map { variant.decisions[$0].name }.filter { baseline.decisionIndex(named: $0) == nil }
    }

    /// A column's value out of a decision's value.
    @inline(__always)
    package static func value(_ value: Value, field: Int?) -> Value {
        guard let field else { return value }
        if case .record(let parts) = value, field < parts.count { return parts[field] }
        return value
    }
}
