import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

extension WhatIfReport {
    /// `summary.json`: everything in the report, for machines. Amounts are strings with two
    /// decimals; yearly figures appear for monthly decisions.
    package var json: JSONText.Node {
        func money(_ amount: ExactDecimal) -> JSONText.Node { .string(amount.formatted(places: 2)) }
        func policy(_ metadata: PolicyMetadata) -> JSONText.Node {
            .object([("id", .string(metadata.id)), ("title", .string(metadata.title)), ("version", .string(metadata.version)),
                     ("file", .string(metadata.file)), ("hash", .string(metadata.contentHash))])
        }
        let decisionNodes: [JSONText.Node] = decisions.map { decision in
            var entries: [(String, JSONText.Node)] = [
                ("name", .string(decision.name)), ("label", .string(decision.label)), ("kind", .string(decision.kind)),
                ("changed", .integer(Int64(decision.changed))),
                ("values", .array(decision.values.map { count in
                    var item: [(String, JSONText.Node)] = [("value", .string(count.value))]
                    if let label = count.label { item.append(("label", .string(label))) }
                    item += [("baseline", .integer(Int64(count.baseline))), ("variant", .integer(Int64(count.variant))),
                             ("difference", .integer(Int64(count.difference)))]
                    return .object(item)
                })),
            ]
            if decision.kind != "list" {
                entries.append(("transitions", .array(decision.transitions.map {
                    .object([("from", .string($0.from)), ("to", .string($0.to)), ("count", .integer(Int64($0.count)))])
                })))
                if decision.transitionsOmitted > 0 { entries.append(("transitions_omitted", .integer(Int64(decision.transitionsOmitted)))) }
            }
            if let totals = decision.totals {
                var total: [(String, JSONText.Node)] = [
                    ("baseline", money(totals.baseline)), ("variant", money(totals.variant)), ("difference", money(totals.difference)),
                    ("baseline_above_zero", .integer(Int64(totals.baselinePositive))), ("variant_above_zero", .integer(Int64(totals.variantPositive))),
                    ("period", .string(totals.monthly ? "month" : "evaluation")),
                ]
                if let yearBaseline = totals.yearly(totals.baseline), let yearVariant = totals.yearly(totals.variant), let yearDifference = totals.yearly(totals.difference) {
                    total.append(("yearly", .object([("baseline", money(yearBaseline)), ("variant", money(yearVariant)), ("difference", money(yearDifference))])))
                }
                if totals.overflow { total.append(("overflow", .bool(true))) }
                entries.append(("totals", .object(total)))
            }
            return .object(entries)
        }
        let groupNodes: [JSONText.Node] = groups.map { group in
            .object([
                ("group", .object(zip(groupedBy, group.values).map { ($0.name, .string($1)) })),
                ("persons", .integer(Int64(group.persons))),
                ("changed", .integer(Int64(group.changed))),
                ("totals", .object(group.totals.map { total in
                    let difference = (try? total.variant.subtracting(total.baseline)) ?? .zero
                    var entries: [(String, JSONText.Node)] = [("baseline", money(total.baseline)), ("variant", money(total.variant)), ("difference", money(difference))]
                    if total.monthly, let yearly = try? difference.multiplied(by: ExactDecimal(12)) { entries.append(("yearly_difference", money(yearly))) }
                    return (total.name, .object(entries))
                })),
            ])
        }
        return .object([
            ("baseline", policy(baseline)),
            ("variant", policy(variant)),
            ("input", .string(input)),
            ("as_of", .string(asOf.description)),
            ("records", .integer(Int64(records))),
            ("evaluated", .integer(Int64(evaluated))),
            ("failed", .integer(Int64(failed))),
            ("changed_persons", .integer(Int64(changedPersons))),
            ("decisions", .array(decisionNodes)),
            ("by", .array(groupedBy.map { .string($0.name) })),
            ("groups", .array(groupNodes)),
            ("only_in_baseline", .array(onlyInBaseline.map(JSONText.Node.string))),
            ("only_in_variant", .array(onlyInVariant.map(JSONText.Node.string))),
            ("errors", .array(firstErrors.map { error in
                .object([("line", .integer(Int64(error.line))), ("id", error.id.map(JSONText.Node.string) ?? .null), ("error", .string(error.message))])
            })),
        ])
    }
}
