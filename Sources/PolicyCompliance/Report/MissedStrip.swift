import PolicyModel
import RecordFormats

/// One elder's missed windows on a calendar-like strip (inline SVG): the period from left
/// to right with a mark at each month's first day, one row per requirement with a missed
/// window, a red bar over the days of each run of adjacent missed windows.
///
/// ```swift
/// MissedStrip.render(outcome, report: report)   // "<div class=\"strip\">…<svg …>…</svg></div>"
/// ```
package enum MissedStrip {
    static let labelWidth = 190.0
    static let width = 720.0
    static let rowHeight = 14.0
    static let axisHeight = 16.0

    package static func render(_ outcome: ElderOutcome, report: ComplianceReport) -> String {
        let period = report.period
        let days = Double(period.dayCount)
        let rows = zip(report.compliance.requirements, outcome.tallies).filter { !$0.1.missed.isEmpty }
        let height = axisHeight + Double(rows.count) * rowHeight + 2
        func position(_ day: Int) -> Double { labelWidth + Double(day - period.from.dayNumber) / days * width }
        func x(_ date: CivilDate) -> String { format(position(date.dayNumber)) }
        var parts = ["<div class=\"strip\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(format(labelWidth + width + 4))\" height=\"\(format(height))\" font-size=\"11\">",
                     "<text x=\"0\" y=\"11\" font-weight=\"bold\">\(HTMLText.escape(report.roster.elders[outcome.elder].id))</text>"]
        var month = ComplianceWindowKind.month.window(containing: period.from)
        while let current = month, current.start <= period.to {
            let start = max(current.start, period.from)
            parts.append("<line x1=\"\(x(start))\" y1=\"\(format(axisHeight - 4))\" x2=\"\(x(start))\" y2=\"\(format(height))\" stroke=\"#ddd\"/>")
            parts.append("<text x=\"\(x(start))\" y=\"11\" fill=\"#777\">\(start.month)月</text>")
            month = CivilDate(dayNumber: current.end.dayNumber + 1).flatMap { ComplianceWindowKind.month.window(containing: $0) }
        }
        for (row, (requirement, tally)) in rows.enumerated() {
            let top = axisHeight + Double(row) * rowHeight
            let shown = requirement.label.count > 16 ? requirement.label.prefix(15) + "…" : Substring(requirement.label)
            parts.append("<text x=\"0\" y=\"\(format(top + 10))\"><title>\(HTMLText.escape(requirement.label))</title>\(HTMLText.escape(String(shown)))</text>")
            parts.append("<rect x=\"\(format(labelWidth))\" y=\"\(format(top + 3))\" width=\"\(format(width))\" height=\"6\" fill=\"#eef2f7\"/>")
            for run in runs(tally.missed) {
                let left = position(run.first.start.dayNumber), right = position(run.last.end.dayNumber + 1)
                let title = run.count == 1 ? run.first.label : "\(run.first.label) 至 \(run.last.label)（\(run.count) 个窗口）"
                parts.append("<rect x=\"\(format(left))\" y=\"\(format(top + 1))\" width=\"\(format(max(1.5, right - left)))\" height=\"10\" fill=\"#c0392b\"><title>\(HTMLText.escape(requirement.label))：\(HTMLText.escape(title))</title></rect>")
            }
        }
        parts.append("</svg></div>")
        return parts.joined()
    }

    /// Adjacent missed windows (each starting the day after the last ended) as one run.
    static func runs(_ windows: [ComplianceWindow]) -> [(first: ComplianceWindow, last: ComplianceWindow, count: Int)] {
        var result: [(first: ComplianceWindow, last: ComplianceWindow, count: Int)] = []
        for window in windows {
            if let last = result.last, last.last.end.dayNumber + 1 == window.start.dayNumber {
                result[result.count - 1] = (last.first, window, last.count + 1)
            } else {
                result.append((window, window, 1))
            }
        }
        return result
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)" + (fraction == 0 ? "" : "." + (fraction < 10 ? "0" : "") + String(fraction))
    }
}
