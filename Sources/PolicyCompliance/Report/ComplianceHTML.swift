import PolicyModel
import RecordFormats

/// `report.html`: a compliance run as one self-contained page in Chinese — the
/// requirements, then each group of elders (each village, as its station checks them)
/// with its totals, each elder's windows met, and the missed windows of each elder on a
/// calendar-like strip; then the refused records and the spot-check sample. No script,
/// nothing fetched; every text from the files is escaped.
package enum ComplianceHTML {
    package static func render(_ report: ComplianceReport) -> String {
        let policy = report.policy
        let title = "服务要求检查报告：\(report.compliance.title)（\(policy.title)，\(policy.id) \(policy.version)）"
        var page: [String] = ["""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>\(HTMLText.escape(title))</title>
        <style>
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:1100px;color:#222;line-height:1.5}
        h1{font-size:1.5em}h2{border-bottom:2px solid #5b7aa6;padding-bottom:.2em;margin-top:2em}h3{margin-top:1.5em}
        table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #ccc;padding:.2em .5em;text-align:right}
        th{background:#eef2f7}td.t,th.t{text-align:left}td.miss{color:#b03a00;font-weight:bold}td.none{color:#999}
        .muted{color:#777;font-size:.9em}code{background:#f3f3f3;padding:0 .2em}.strip{margin:.3em 0}
        </style></head><body>
        <h1>\(HTMLText.escape(title))</h1>
        """]
        page.append(overview(report))
        page.append(requirementsTable(report))
        let groups = report.groups
        if groups.isEmpty {
            page.append(groupSection(report, name: nil, members: report.outcomes))
        } else {
            for group in groups {
                page.append(groupSection(report, name: group.name, members: report.outcomes.filter { report.roster.elders[$0.elder].group ?? "" == group.name }))
            }
        }
        page.append(refusedSection(report))
        if !report.spotCheck.isEmpty { page.append(spotCheckSection(report)) }
        page.append("<p class=\"muted\">由 <code>carepolicy compliance</code> 生成。一个窗口只在其全部日期都在检查期间内、且其第一天老人属于该要求的检查对象时才受检；同一天的多条记录只算一天。</p></body></html>")
        return page.joined(separator: "\n")
    }

    static func overview(_ report: ComplianceReport) -> String {
        let judged = report.outcomes.filter(\.isJudged).count
        let compliant = report.outcomes.filter(\.isFullyCompliant).count
        return """
        <h2>概况</h2>
        <p>检查期间：\(report.period.from) 至 \(report.period.to)（\(report.period.dayCount) 天）。老人 \(report.roster.count) 名，其中受检 \(judged) 名，\
        全部窗口达标 \(compliant) 名。服务记录 \(report.records.read) 条，计入 \(report.records.counted) 条，拒收 \(report.records.refused) 条。</p>
        """
    }

    static func requirementsTable(_ report: ComplianceReport) -> String {
        var rows = ["<h2>服务要求</h2>", "<table><tr><th class=\"t\">要求</th><th class=\"t\">说明</th><th class=\"t\">计入的记录</th><th>每窗口至少天数</th><th class=\"t\">窗口</th><th>受检窗口</th><th>达标</th><th>达标率</th></tr>"]
        for (index, requirement) in report.compliance.requirements.enumerated() {
            let windows = report.outcomes.reduce(0) { $0 + $1.tallies[index].windows }
            let met = report.outcomes.reduce(0) { $0 + $1.tallies[index].met }
            rows.append("<tr><td class=\"t\"><code>\(HTMLText.escape(requirement.name))</code></td><td class=\"t\">\(HTMLText.escape(requirement.label))</td>"
                        + "<td class=\"t\"><code>\(HTMLText.escape(requirement.countsText ?? "（全部记录）"))</code></td>"
                        + "<td>\(HTMLText.escape(atLeastText(requirement.atLeastDays, report: report)))</td><td class=\"t\">\(windowName(requirement.window))</td>"
                        + "<td>\(windows)</td><td>\(met)</td><td>\(rate(met, of: windows))</td></tr>")
        }
        rows.append("</table>")
        return rows.joined(separator: "\n")
    }

    static func groupSection(_ report: ComplianceReport, name: String?, members: [ElderOutcome]) -> String {
        let requirements = report.compliance.requirements
        let label = report.compliance.grouping?.label ?? ""
        var parts = ["<h2>\(HTMLText.escape(name.map { "\(label)：\($0.isEmpty ? "（未填写）" : $0)" } ?? "全部老人"))</h2>"]
        let judged = members.filter(\.isJudged).count
        parts.append("<p>老人 \(members.count) 名，受检 \(judged) 名，全部窗口达标 \(members.filter(\.isFullyCompliant).count) 名。</p>")
        var header = "<table><tr><th class=\"t\">老人</th>"
        for requirement in requirements { header += "<th title=\"\(HTMLText.escape(requirement.name))\">\(HTMLText.escape(requirement.label))</th>" }
        parts.append(header + "</tr>")
        var totals = "<tr><th class=\"t\">合计</th>"
        for index in requirements.indices {
            let windows = members.reduce(0) { $0 + $1.tallies[index].windows }, met = members.reduce(0) { $0 + $1.tallies[index].met }
            totals += "<th>\(met)/\(windows)</th>"
        }
        parts.append(totals + "</tr>")
        for outcome in members {
            var row = "<tr><td class=\"t\">\(HTMLText.escape(report.roster.elders[outcome.elder].id))</td>"
            for tally in outcome.tallies {
                let style = tally.windows == 0 ? " class=\"none\"" : (tally.missed.isEmpty ? "" : " class=\"miss\"")
                row += "<td\(style)>\(tally.windows == 0 ? "—" : "\(tally.met)/\(tally.windows)")</td>"
            }
            parts.append(row + "</tr>")
        }
        parts.append("</table>")
        let missing = members.filter { $0.tallies.contains { !$0.missed.isEmpty } }
        if !missing.isEmpty {
            parts.append("<h3>未达标窗口</h3><p class=\"muted\">每行一项要求，红色为未达标的窗口（连续的合为一段，悬停可见窗口名称）。</p>")
            for outcome in missing { parts.append(MissedStrip.render(outcome, report: report)) }
        }
        return parts.joined(separator: "\n")
    }

    static func refusedSection(_ report: ComplianceReport) -> String {
        guard !report.refused.isEmpty else { return "<h2>拒收记录</h2><p>无。</p>" }
        var rows = ["<h2>拒收记录</h2>", "<table><tr><th>行</th><th class=\"t\">原因</th></tr>"]
        for refusal in report.refused.prefix(500) {
            rows.append("<tr><td>\(refusal.line)</td><td class=\"t\">\(HTMLText.escape(refusal.reason))</td></tr>")
        }
        rows.append("</table>")
        if report.refused.count > 500 { rows.append("<p class=\"muted\">另有 \(report.refused.count - 500) 条，见命令输出的 <code>refused</code>。</p>") }
        return rows.joined(separator: "\n")
    }

    static func spotCheckSection(_ report: ComplianceReport) -> String {
        var rows = ["<h2>抽查名单</h2>", "<p class=\"muted\">每个窗口按确定的种子抽取，未达标窗口越多的老人被抽中的机会越大。</p>",
                    "<table><tr><th class=\"t\">窗口</th><th class=\"t\">老人</th></tr>"]
        for sample in report.spotCheck {
            rows.append("<tr><td class=\"t\">\(HTMLText.escape(sample.window))</td><td class=\"t\">\(HTMLText.escape(sample.elders.joined(separator: "、")))</td></tr>")
        }
        rows.append("</table>")
        return rows.joined(separator: "\n")
    }

    static func windowName(_ kind: ComplianceWindowKind) -> String {
        switch kind {
        case .day: return "每天"
        case .isoWeek: return "每周（周一至周日）"
        case .halfMonth: return "每半月（1–15日、16日至月末）"
        case .month: return "每月"
        case .quarter: return "每季度"
        case .festival: return "每个节日窗口"
        }
    }

    static func atLeastText(_ expression: Expression, report: ComplianceReport) -> String {
        switch expression {
        case .constant(.integer(let value), _): return String(value)
        case .parameter(let index):
            return report.parameterNames.indices.contains(index) ? report.parameterNames[index] : "?"
        default: return "?"
        }
    }

    static func rate(_ met: Int, of windows: Int) -> String {
        guard windows > 0 else { return "—" }
        let tenths = (met * 1000 + windows / 2) / windows
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
