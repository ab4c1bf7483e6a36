import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// A short plain-text summary of a what-if report, for the terminal.
package enum WhatIfSummaryText {
    package static func render(_ report: WhatIfReport, directory: String) -> String {
        var lines: [String] = []
        lines.append("\(report.variant.id) \(report.variant.version) vs \(report.baseline.id) \(report.baseline.version), as of \(report.asOf)")
        lines.append("\(report.records) records, \(report.evaluated) evaluated, \(report.failed) failed; \(report.changedPersons) persons changed")
        for decision in report.decisions where decision.changed > 0 || decision.totals != nil {
            var line = "  \(decision.name): \(decision.changed) changed"
            if let totals = decision.totals {
                let places = decision.unit == "money" ? 2 : 0
                line += "; total \(totals.baseline.formatted(places: places)) → \(totals.variant.formatted(places: places)) (\(signed(totals.difference, places: places)))"
                if let yearly = totals.yearly(totals.difference) { line += ", yearly \(signed(yearly, places: places))" }
            }
            lines.append(line)
            for transition in decision.transitions where transition.from != transition.to && decision.totals == nil {
                lines.append("    \(transition.from) → \(transition.to): \(transition.count)")
            }
        }
        lines.append(String(format: "%.2f s; report in %@/ (report.html, summary.json, changed.csv)", report.seconds, directory))
        return lines.joined(separator: "\n")
    }

    package static func signed(_ value: ExactDecimal, places: Int) -> String {
        (value > .zero ? "+" : "") + value.formatted(places: places)
    }
}
