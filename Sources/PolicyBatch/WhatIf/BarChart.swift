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
    }

    package let series: [String]
    package let rows: [Row]
    package static let colors = ["#5b7aa6", "#e07b39", "#3c9d5d", "#a05195"]

    package func svg() -> String {
        let labelWidth = 190.0, barArea = 360.0, textWidth = 120.0
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
            parts.append(##"<text x="\##(labelWidth - 6)" y="\##(middle + 4)" text-anchor="end">\##(HTMLText.escape(row.label))</text>"##)
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
