import CarePolicy
import Foundation
import Testing
import PolicySimulation
import TestSupport
import PolicyBatch
import PolicyModel
import RecordFormats

/// `report.html` as a reader sees it: sections numbered as shown, decisions nobody's
/// result changed in on one line, chart labels wide enough to read.
@Suite struct WhatIfHTMLTests {
    static let date = CivilDate(year: 2026, month: 6, day: 1)!

    func report(baseline: String, variant: String, input: String, by: [String] = []) throws -> String {
        let directory = ScaleTestFiles.temporaryDirectory()
        _ = try WhatIfAnalysis.run(baseline: try LoadedPolicy.load(path: ScaleTestFiles.policy(baseline)),
                                   variant: try LoadedPolicy.load(path: ScaleTestFiles.policy(variant)), input: input,
                                   reportDirectory: directory, options: WhatIfOptions(asOf: Self.date, workers: 1, by: by))
        return ScaleTestFiles.read(directory + "/report.html")
    }

    static func headings(_ html: String) -> [String] {
        html.components(separatedBy: "<h2>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func anqingShowsEverySectionInOrder() throws {
        let html = try report(baseline: "anqing.yaml", variant: "variants/anqing-gov-purchase-tekun.yaml",
                              input: ScaleTestFiles.fixture("population.csv"), by: ["subsistence"])
        #expect(Self.headings(html) == ["一、概况", "二、金额与小时数合计", "三、各项决策的结果分布", "四、结果变化（转移表）",
                                        "五、分组明细（按 社会救助类别（", "六、结果有变化的人员"])
        // service_tier, volunteer_priority and required_documents change for nobody: one line, no chart each.
        #expect(html.contains("<p class=\"unchanged\">结果没有变化的决策（3 项，基准与变体下每个结果值的人数相同）：服务对象类别（<code>service_tier</code>）、志愿服务重点对象（<code>volunteer_priority</code>）、申请所需材料（<code>required_documents</code>）。</p>"))
        #expect(!html.contains("<h3>服务对象类别　<code>service_tier</code>"))
        #expect(html.contains("<h3>享受政府购买服务　<code>gov_purchase_eligible</code>　（3 人有变化）</h3>"))
    }

    /// Dongxihu decides no amounts: without the sums section, the numbers still run 一, 二, 三, 四.
    @Test func dongxihuNumbersTheSectionsItShows() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        try PopulationGenerator(description: ScaleTestFiles.population, seed: 5).write(size: 400, to: directory + "/people.csv")
        let html = try report(baseline: "dongxihu.yaml", variant: "variants/dongxihu-volunteer-60-74.yaml", input: directory + "/people.csv")
        #expect(Self.headings(html) == ["一、概况", "二、各项决策的结果分布", "三、结果变化（转移表）", "四、结果有变化的人员"])
        #expect(html.contains("<h3>可加入互助养老员队伍　<code>volunteer_eligible</code>"))
        #expect(html.contains("结果没有变化的决策（2 项"))
    }

    @Test(arguments: [(1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九")])
    func sectionNumbersAreChinese(number: Int, text: String) {
        #expect(WhatIfHTML.sectionNumber(number) == text)
    }

    /// The label column is as wide as the widest label: nothing starts left of the picture.
    @Test func chartLabelsAreNotClipped() throws {
        let label = "享受政府购买服务的无偿服务对象每月服务小时数（monthly_hours）"
        let svg = BarChart(series: ["基准", "变体"], rows: [
            BarChart.Row(label: label, values: [1, 2], texts: ["1", "2"]),
            BarChart.Row(label: "短", values: [3, 4], texts: ["3", "4"]),
        ]).svg()
        let width = BarChart.textWidth(label)
        #expect(width == 24 * 12 + 13 * 7)
        let anchor = try #require(svg.components(separatedBy: "<text x=\"").dropFirst().first { $0.contains(label) })
        let x = try #require(Double(anchor.prefix { $0 != "\"" }))
        #expect(x - width >= 0, "the label starts at \(x - width)")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(x + 6 + 360 + 120))\""))
        // A label wider than the limit is cut with `…` and kept whole in a tooltip.
        let long = String(repeating: "很长的决策名称", count: 10)
        let cut = BarChart(series: ["差额"], rows: [BarChart.Row(label: long, values: [1], texts: ["1"])]).svg()
        #expect(cut.contains("<title>\(long)</title>"))
        #expect(BarChart.textWidth(BarChart.fitted(long)) <= BarChart.maximumLabelWidth)
        #expect(BarChart.fitted(long).hasSuffix("…"))
    }
}
