import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// A horizontal bar chart as inline SVG: one row per category, one bar per series
/// (baseline and variant), each bar labelled with its exact figure. No script, no network.
package struct BarChart {
    package struct Row {
        package let label: String
        /// One bar length per series (drawing only); negative values draw to the left.
        package let values: [Double]
        /// The exact figure printed beside each bar.
        package let texts: [String]

        package init(label: String, values: [Double], texts: [String]) {
            self.label = label
            self.values = values
            self.texts = texts
        }
    }

    package let series: [String]
    package let rows: [Row]

    package init(series: [String], rows: [Row]) {
        self.series = series
        self.rows = rows
    }
    package static let colors = ["#5b7aa6", "#e07b39", "#3c9d5d", "#a05195"]

    /// The widest a row label may be drawn; a longer one is cut with `…` (its whole text stays in a tooltip).
    package static let maximumLabelWidth = 420.0

    /// About how wide `text` is drawn at 12 px: a full-width (CJK) character is as wide as
    /// the font is high, other characters a little over half that.
    package static func textWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 12 : 7) }
    }

    /// The label as drawn: whole, or cut to fit `maximumLabelWidth`.
    package static func fitted(_ label: String) -> String {
        guard textWidth(label) > maximumLabelWidth else { return label }
        var kept = ""
        for character in label {
            if textWidth(kept + String(character) + "…") > maximumLabelWidth { break }
            kept.append(character)
        }
        return kept + "…"
    }

    package func svg() -> String {
        // The label column is as wide as the widest label, so that none is cut off on the left.
        let labelWidth = max(80, (rows.map { BarChart.textWidth(BarChart.fitted($0.label)) }.max() ?? 0) + 16)
        let barArea = 360.0, textWidth = 120.0
        let barHeight = 16.0, gap = 4.0, rowGap = 10.0
        let rowHeight = Double(series.count) * (barHeight + gap) + rowGap
        let legendHeight = 24.0
        let height = legendHeight + Double(rows.count) * rowHeight + 4
        let width = labelWidth + barArea + textWidth
        let largest = max(rows.flatMap { $0.values.map(abs) }.max() ?? 0, 1e-9)
        let hasNegative = rows.contains { $0.values.contains { $0 < 0 } }
        let zero = hasNegative ? labelWidth + barArea / 2 : labelWidth
        let scale = (hasNegative ? barArea / 2 : barArea) / largest
        var parts: [String] = []
        parts.append(##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(Int(width))" height="\##(Int(height))" viewBox="0 0 \##(Int(width)) \##(Int(height))" role="img" font-size="12" font-family="sans-serif">"##)
        for (index, name) in series.enumerated() {
            let x = labelWidth + Double(index) * 120
            parts.append(##"<rect x="\##(x)" y="4" width="12" height="12" fill="\##(BarChart.colors[index % BarChart.colors.count])"/><text x="\##(x + 16)" y="14">\##(HTMLText.escape(name))</text>"##)
        }
        parts.append(##"<line x1="\##(zero)" y1="\##(legendHeight)" x2="\##(zero)" y2="\##(height)" stroke="#999"/>"##)
        for (rowIndex, row) in rows.enumerated() {
            let top = legendHeight + Double(rowIndex) * rowHeight
            let middle = top + Double(series.count) * (barHeight + gap) / 2
            let shown = BarChart.fitted(row.label)
            let tooltip = shown == row.label ? "" : "<title>\(HTMLText.escape(row.label))</title>"
            parts.append(##"<text x="\##(labelWidth - 6)" y="\##(middle + 4)" text-anchor="end">\##(tooltip)\##(HTMLText.escape(shown))</text>"##)
            for (index, value) in row.values.enumerated() {
                let y = top + Double(index) * (barHeight + gap)
                let length = abs(value) * scale
                let x = value < 0 ? zero - length : zero
                let color = BarChart.colors[index % BarChart.colors.count]
                parts.append(##"<rect x="\##(x)" y="\##(y)" width="\##(max(length, 0.5))" height="\##(barHeight)" fill="\##(color)"><title>\##(HTMLText.escape(series[index])): \##(HTMLText.escape(row.texts[index]))</title></rect>"##)
                let textX = value < 0 ? zero + 4 : zero + length + 4
                parts.append(##"<text x="\##(textX)" y="\##(y + barHeight - 4)">\##(HTMLText.escape(row.texts[index]))</text>"##)
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
