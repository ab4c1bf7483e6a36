import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// `report.html`: the what-if report as one self-contained page in Chinese — tables and
/// inline SVG bar charts, no script and nothing fetched from the network.
package enum WhatIfHTML {
    package static func render(_ report: WhatIfReport) -> String {
        var page: [String] = []
        let title = "假设情景分析：\(report.variantTitle)（\(report.variant.id)）与 \(report.baselineTitle)（\(report.baseline.id)）对比"
        page.append("""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>\(HTMLText.escape(title))</title>
        <style>
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:1000px;color:#222;line-height:1.5}
        h1{font-size:1.5em}h2{border-bottom:2px solid #5b7aa6;padding-bottom:.2em;margin-top:2em}h3{margin-top:1.5em}
        table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}
        th{background:#eef2f7}td.t,th.t{text-align:left}.up{color:#b03a00}.down{color:#1d6b3a}.muted{color:#777;font-size:.9em}
        code{background:#f3f3f3;padding:0 .2em}
        </style></head><body>
        <h1>\(HTMLText.escape(title))</h1>
        """)
        // Sections are numbered as shown: a report without sums or groups has no gap in its numbers.
        var sections = [overview(report), totals(report), distributions(report), transitions(report)]
        if !report.groupedBy.isEmpty { sections.append(groups(report)) }
        sections.append(changedSection(report))
        for (number, section) in sections.filter({ !$0.isEmpty }).enumerated() {
            page.append(section.replacingOccurrences(of: sectionMark, with: sectionNumber(number + 1)))
        }
        page.append("<p class=\"muted\">由 <code>carepolicy whatif</code> 生成。金额为精确小数，保留两位；“每年”按评估日的每月标准乘以12折算。</p></body></html>")
        return page.joined(separator: "\n")
    }

    /// Where a section heading's number goes, filled in once the shown sections are known.
    static let sectionMark = "\u{1}§"

    /// `一`, `二`, … `十`, `十一`, … for section headings.
    package static func sectionNumber(_ number: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if number < 10 { return digits[number] }
        if number < 20 { return "十" + digits[number - 10] }
        return String(number)
    }

    package static func count(_ value: Int) -> String {
        let text = String(value.magnitude)
        var result = ""
        for (position, character) in text.reversed().enumerated() {
            if position > 0 && position % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + String(result.reversed())
    }

    package static func signed(_ value: Int) -> String {
        let text = (value > 0 ? "+" : "") + count(value)
        return value == 0 ? "0" : "<span class=\"\(value > 0 ? "up" : "down")\">\(text)</span>"
    }

    package static func money(_ amount: ExactDecimal) -> String {
        let text = amount.formatted(places: 2)
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", maxSplits: 1)
        let whole = count(Int(parts[0]) ?? 0)
        return (negative ? "-" : "") + whole + (parts.count > 1 ? "." + parts[1] : "")
    }

    package static func signedMoney(_ amount: ExactDecimal) -> String {
        if amount == .zero { return "0.00" }
        let positive = amount > .zero
        return "<span class=\"\(positive ? "up" : "down")\">\(positive ? "+" : "")\(money(amount))</span>"
    }

    /// A difference with its sign and colour, in the decision's unit.
    package static func signedAmount(_ value: ExactDecimal, unit: String) -> String {
        if unit == "money" { return signedMoney(value) }
        if value == .zero { return "0" }
        return "<span class=\"\(value > .zero ? "up" : "down")\">\(value > .zero ? "+" : "")\(amount(value, unit: unit))</span>"
    }

    package static func amount(_ value: ExactDecimal, unit: String) -> String {
        unit == "money" ? money(value) : (value.isInteger ? count(Int(value.integerPart)) : value.formatted(places: 2))
    }

    package static func double(_ value: ExactDecimal) -> Double { Double(value.description) ?? 0 }

    package static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "0%" : String(format: "%.2f%%", Double(part) * 100 / Double(whole))
    }

    package static func overview(_ report: WhatIfReport) -> String {
        var rows: [String] = []
        func row(_ name: String, _ value: String) { rows.append("<tr><th class=\"t\">\(name)</th><td class=\"t\">\(value)</td></tr>") }
        row("基准政策", "\(HTMLText.escape(report.baselineTitle))　<code>\(HTMLText.escape(report.baseline.id))</code> 版本 \(HTMLText.escape(report.baseline.version))，文件 <code>\(HTMLText.escape(report.baseline.file))</code>，指纹 <code>\(report.baseline.contentHash.prefix(12))</code>")
        row("变体政策", "\(HTMLText.escape(report.variantTitle))　<code>\(HTMLText.escape(report.variant.id))</code> 版本 \(HTMLText.escape(report.variant.version))，文件 <code>\(HTMLText.escape(report.variant.file))</code>，指纹 <code>\(report.variant.contentHash.prefix(12))</code>")
        row("评估日期", report.asOf.description)
        row("人员数据", "<code>\(HTMLText.escape(report.input))</code>")
        row("记录数", count(report.records))
        row("成功评估（两项政策均有结果）", count(report.evaluated))
        row("无法评估的记录", count(report.failed) + (report.failed > 0 ? "（见 <code>errors.csv</code>）" : ""))
        row("结果有变化的人数", "<strong>\(count(report.changedPersons))</strong>（占成功评估的 \(percent(report.changedPersons, of: report.evaluated))），名单见 <code>changed.csv</code>")
        var text = "<h2>\(sectionMark)、概况</h2>\n<table>\n" + rows.joined(separator: "\n") + "\n</table>"
        if !report.onlyInBaseline.isEmpty || !report.onlyInVariant.isEmpty {
            text += "<p class=\"muted\">仅基准政策有的决策：\(report.onlyInBaseline.joined(separator: "、"))；仅变体政策有的决策：\(report.onlyInVariant.joined(separator: "、"))。这些决策不作比较。</p>"
        }
        return text
    }

    package static func totals(_ report: WhatIfReport) -> String {
        let numeric = report.decisions.filter { $0.totals != nil }
        guard !numeric.isEmpty else { return "" }
        var text = "<h2>\(sectionMark)、金额与小时数合计</h2>\n<p>每项数值决策对全部成功评估人员求和。名称以 <code>monthly_</code> 开头或以 <code>_per_month</code> 结尾的决策为每月数额，另列全年（×12）。</p>\n"
        text += "<table><tr><th class=\"t\">决策</th><th>基准</th><th>变体</th><th>差额</th><th>全年基准</th><th>全年变体</th><th>全年差额</th><th>大于零的人数（基准→变体）</th></tr>\n"
        for decision in numeric {
            guard let totals = decision.totals else { continue }
            let yearly = [totals.yearly(totals.baseline), totals.yearly(totals.variant), totals.yearly(totals.difference)]
            let yearCells = yearly.enumerated().map { index, value in
                value.map { index == 2 ? signedAmount($0, unit: decision.unit) : amount($0, unit: decision.unit) } ?? "—"
            }
            text += "<tr><td class=\"t\">\(HTMLText.escape(decision.label))<br><code>\(decision.name)</code></td><td>\(amount(totals.baseline, unit: decision.unit))</td><td>\(amount(totals.variant, unit: decision.unit))</td>"
            text += "<td>\(signedAmount(totals.difference, unit: decision.unit))</td>"
            text += yearCells.map { "<td>\($0)</td>" }.joined()
            text += "<td>\(count(totals.baselinePositive)) → \(count(totals.variantPositive))</td></tr>\n"
        }
        text += "</table>\n"
        // A chart of two equal bars says nothing the table does not: only changed sums are drawn.
        for decision in numeric {
            guard let totals = decision.totals, totals.difference != .zero else { continue }
            let chart = BarChart(series: ["基准", "变体"], rows: [
                BarChart.Row(label: decision.label, values: [double(totals.baseline), double(totals.variant)],
                             texts: [amount(totals.baseline, unit: decision.unit), amount(totals.variant, unit: decision.unit)]),
            ])
            text += "<h3>\(HTMLText.escape(decision.label))（合计\(totals.monthly ? "，每月" : "")）</h3>\n" + chart.svg() + "\n"
        }
        return text
    }

    package static func valueName(_ value: String, _ label: String?) -> String {
        label.map { "\(HTMLText.escape($0))（\(HTMLText.escape(value))）" } ?? HTMLText.escape(value)
    }

    package static func distributions(_ report: WhatIfReport) -> String {
        var text = "<h2>\(sectionMark)、各项决策的结果分布</h2>\n<p>每个结果值在基准和变体下各有多少人；清单类决策为含该项的人数。</p>\n"
        let shown = report.decisions.filter { $0.kind != "other" && !$0.values.isEmpty }
        // Decisions no person's result changed in are one line, not a chart of identical bars each.
        let unchanged = shown.filter { $0.changed == 0 && $0.values.allSatisfy { $0.difference == 0 } }
        for decision in shown where !unchanged.contains(where: { $0.name == decision.name }) {
            text += "<h3>\(HTMLText.escape(decision.label))　<code>\(decision.name)</code>　（\(count(decision.changed)) 人有变化）</h3>\n"
            text += "<table><tr><th class=\"t\">结果</th><th>基准人数</th><th>变体人数</th><th>变化</th></tr>\n"
            for value in decision.values {
                text += "<tr><td class=\"t\">\(valueName(value.value, value.label))</td><td>\(count(value.baseline))</td><td>\(count(value.variant))</td><td>\(signed(value.difference))</td></tr>\n"
            }
            text += "</table>\n"
            let rows = decision.values.prefix(30).map { value in
                BarChart.Row(label: value.label.map { "\($0)（\(value.value)）" } ?? value.value, values: [Double(value.baseline), Double(value.variant)],
                             texts: [count(value.baseline), count(value.variant)])
            }
            text += BarChart(series: ["基准", "变体"], rows: Array(rows)).svg() + "\n"
        }
        if !unchanged.isEmpty {
            let names = unchanged.map { "\(HTMLText.escape($0.label))（<code>\($0.name)</code>）" }.joined(separator: "、")
            text += "<p class=\"unchanged\">结果没有变化的决策（\(unchanged.count) 项，基准与变体下每个结果值的人数相同）：\(names)。</p>\n"
        }
        return text
    }

    package static func transitions(_ report: WhatIfReport) -> String {
        var text = "<h2>\(sectionMark)、结果变化（转移表）</h2>\n<p>从基准的结果变为变体的结果的人数。只列出有变化的组合；结果不变的人数见每表末行。</p>\n"
        var any = false
        for decision in report.decisions where !decision.transitions.isEmpty {
            let moved = decision.transitions.filter { $0.from != $0.to }
            guard !moved.isEmpty else { continue }
            any = true
            let same = decision.transitions.filter { $0.from == $0.to }.reduce(0) { $0 + $1.count }
            text += "<h3>\(HTMLText.escape(decision.label))　<code>\(decision.name)</code></h3>\n<table><tr><th class=\"t\">基准</th><th class=\"t\">→ 变体</th><th>人数</th></tr>\n"
            let labels = Dictionary(decision.values.map { ($0.value, $0.label) }, uniquingKeysWith: { first, _ in first })
            for transition in moved {
                text += "<tr><td class=\"t\">\(valueName(transition.from, labels[transition.from] ?? nil))</td><td class=\"t\">→ \(valueName(transition.to, labels[transition.to] ?? nil))</td><td>\(count(transition.count))</td></tr>\n"
            }
            text += "<tr><td class=\"t muted\" colspan=\"2\">结果不变</td><td class=\"muted\">\(count(same))</td></tr>\n"
            if decision.transitionsOmitted > 0 { text += "<tr><td class=\"t muted\" colspan=\"2\">取值过多未列出</td><td class=\"muted\">\(count(decision.transitionsOmitted))</td></tr>\n" }
            text += "</table>\n"
        }
        if !any { text += "<p>没有任何决策结果发生变化。</p>\n" }
        return text
    }

    package static func groups(_ report: WhatIfReport) -> String {
        let dimensions = report.groupedBy.map { "\(HTMLText.escape($0.label))（<code>\($0.name)</code>）" }.joined(separator: "、")
        var text = "<h2>\(sectionMark)、分组明细（按 \(dimensions)）</h2>\n"
        let numeric = report.decisions.filter { $0.totals != nil }
        text += "<table><tr>" + report.groupedBy.map { "<th class=\"t\">\(HTMLText.escape($0.label))</th>" }.joined() + "<th>人数</th><th>有变化</th>"
        for decision in numeric { text += "<th>\(HTMLText.escape(decision.label))<br>基准 / 变体 / 差额\(decision.totals?.monthly == true ? "（每月）" : "")</th>" }
        text += "</tr>\n"
        for group in report.groups {
            text += "<tr>" + zip(group.values, group.labels).map { "<td class=\"t\">\(valueName($0, $1))</td>" }.joined()
            text += "<td>\(count(group.persons))</td><td>\(count(group.changed))</td>"
            for (position, decision) in numeric.enumerated() {
                guard let total = group.totals.first(where: { $0.name == decision.name }) else { continue }
                _ = position
                let difference = (try? total.variant.subtracting(total.baseline)) ?? .zero
                text += "<td>\(amount(total.baseline, unit: decision.unit)) / \(amount(total.variant, unit: decision.unit)) / \(signedAmount(difference, unit: decision.unit))</td>"
            }
            text += "</tr>\n"
        }
        text += "</table>\n"
        for decision in numeric {
            let rows = report.groups.prefix(40).compactMap { group -> BarChart.Row? in
                guard let total = group.totals.first(where: { $0.name == decision.name }) else { return nil }
                let difference = (try? total.variant.subtracting(total.baseline)) ?? .zero
                let name = zip(group.values, group.labels).map { $1 ?? $0 }.joined(separator: "·")
                return BarChart.Row(label: name, values: [double(difference)], texts: [amount(difference, unit: decision.unit)])
            }
            guard rows.contains(where: { $0.values[0] != 0 }) else { continue }
            text += "<h3>\(HTMLText.escape(decision.label))：各组差额（变体 − 基准）</h3>\n" + BarChart(series: ["差额"], rows: rows).svg() + "\n"
        }
        return text
    }

    package static func changedSection(_ report: WhatIfReport) -> String {
        var text = "<h2>\(sectionMark)、结果有变化的人员</h2>\n<p>共 \(count(report.changedPersons)) 人。逐人逐项的变化（行号、编号、决策、基准值、变体值）见同目录 <code>changed.csv</code>"
        text += report.traces ? "；两项政策的完整规则依据见 <code>changed_traces.jsonl</code>。</p>\n" : "。加 <code>--traces</code> 可同时输出两项政策的规则依据。</p>\n"
        if !report.firstErrors.isEmpty {
            text += "<h3>无法评估的记录（前 \(report.firstErrors.count) 条）</h3>\n<table><tr><th>行</th><th class=\"t\">编号</th><th class=\"t\">原因</th></tr>\n"
            for error in report.firstErrors {
                text += "<tr><td>\(error.line)</td><td class=\"t\">\(HTMLText.escape(error.id ?? ""))</td><td class=\"t\">\(HTMLText.escape(error.message))</td></tr>\n"
            }
            text += "</table>\n"
        }
        return text
    }
}
