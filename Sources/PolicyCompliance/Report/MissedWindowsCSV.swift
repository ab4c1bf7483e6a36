import PolicyModel
import RecordFormats

/// `missed.csv`: one row per missed window — the elder's group (when the policy groups
/// elders), the elder, the requirement and its label, the window's label, first and last
/// day — in the order of the elders, then requirements, then dates.
///
/// ```text
/// village,elder,requirement,requirement_label,window,start,end
/// 沙子营村,e1,daily_knock,敲门问候每天至少1次,2025-01-05,2025-01-05,2025-01-05
/// ```
package enum MissedWindowsCSV {
    package static func render(_ report: ComplianceReport) -> String {
        let grouping = report.compliance.grouping
        var text = (grouping.map { CSVLine.escaped($0.name) + "," } ?? "") + "elder,requirement,requirement_label,window,start,end\n"
        for outcome in report.outcomes {
            let elder = report.roster.elders[outcome.elder]
            let prefix = (grouping != nil ? CSVLine.escaped(elder.group ?? "") + "," : "") + CSVLine.escaped(elder.id) + ","
            for (requirement, tally) in zip(report.compliance.requirements, outcome.tallies) {
                let middle = CSVLine.escaped(requirement.name) + "," + CSVLine.escaped(requirement.label) + ","
                for window in tally.missed {
                    text += prefix + middle + CSVLine.escaped(window.label) + "," + window.start.description + "," + window.end.description + "\n"
                }
            }
        }
        return text
    }
}
