import CarePolicy
import Foundation
import Testing
import PolicySimulation
import TestSupport
import PolicyBatch
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// What-if runs on the hand-worked population (Tests/Fixtures/whatif_small/README.md has
/// the working): exact counts, transitions, totals and breakdowns.
@Suite struct WhatIfAnalysisTests {
    static let date = CivilDate(year: 2026, month: 6, day: 1)!

    func run(_ variantFile: String, on date: CivilDate = WhatIfAnalysisTests.date, by: [String] = [], workers: Int = 2,
             input: String = ScaleTestFiles.fixture("population.csv"), traces: Bool = false) throws -> (WhatIfReport, String) {
        let baseline = try LoadedPolicy.load(path: ScaleTestFiles.policy("anqing.yaml"))
        let variant = try LoadedPolicy.load(path: ScaleTestFiles.policy(variantFile))
        let directory = ScaleTestFiles.temporaryDirectory()
        let report = try WhatIfAnalysis.run(baseline: baseline, variant: variant, input: input, reportDirectory: directory,
                                            options: WhatIfOptions(asOf: date, workers: workers, by: by, traces: traces, blockSize: 300))
        return (report, directory)
    }

    func decision(_ name: String, in report: WhatIfReport) throws -> WhatIfReport.DecisionSummary {
        try #require(report.decisions.first { $0.name == name })
    }

    @Test func includingTekunInGovernmentPurchase() throws {
        let (report, directory) = try run("variants/anqing-gov-purchase-tekun.yaml", by: ["subsistence"])
        #expect(report.records == 8 && report.evaluated == 8 && report.failed == 0)
        #expect(report.changedPersons == 3)
        let eligible = try decision("gov_purchase_eligible", in: report)
        #expect(eligible.changed == 3)
        #expect(eligible.values.map { "\($0.value) \($0.baseline)→\($0.variant)" } == ["true 2→5", "false 6→3"])
        #expect(eligible.transitions.filter { $0.from != $0.to }.map { "\($0.from)→\($0.to) \($0.count)" } == ["false→true 3"])
        let tier = try decision("service_tier", in: report)
        #expect(tier.changed == 0)
        #expect(tier.values.map { "\($0.value) \($0.baseline)" } == ["free 3", "low_cost 2", "paid 2", "not_eligible 1"])
        let hours = try #require(try decision("monthly_hours", in: report).totals)
        #expect(hours.baseline == ExactDecimal(30) && hours.variant == ExactDecimal(60))
        #expect(hours.baselinePositive == 2 && hours.variantPositive == 4)
        let money = try #require(try decision("monthly_subsidy_cny", in: report).totals)
        #expect(money.baseline.formatted(places: 2) == "240.00")
        #expect(money.variant.formatted(places: 2) == "480.00")
        #expect(money.difference.formatted(places: 2) == "240.00")
        #expect(money.yearly(money.difference)?.formatted(places: 2) == "2880.00")
        #expect(report.groups.map { "\($0.values[0]) \($0.persons) \($0.changed)" } == ["none 1 0", "dibao 1 0", "marginal 1 0", "tekun 5 3"])
        let tekun = try #require(report.groups.last?.totals.first { $0.name == "monthly_subsidy_cny" })
        #expect(tekun.baseline.formatted(places: 2) == "0.00" && tekun.variant.formatted(places: 2) == "240.00")
        #expect(ScaleTestFiles.read(directory + "/changed.csv") == """
            line,id,decision,baseline,variant
            2,A1,gov_purchase_eligible,false,true
            3,A2,gov_purchase_eligible,false,true
            3,A2,monthly_hours,0,10
            3,A2,monthly_subsidy_cny,0.00,80.00
            8,A7,gov_purchase_eligible,false,true
            8,A7,monthly_hours,0,20
            8,A7,monthly_subsidy_cny,0.00,160.00

            """)
        let html = ScaleTestFiles.read(directory + "/report.html")
        #expect(html.contains("<html lang=\"zh-CN\">") && html.contains("<svg") && html.contains("结果有变化的人数"))
        #expect(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"))
        let summary = ScaleTestFiles.read(directory + "/summary.json")
        #expect(summary.contains(#""changed_persons": 3"#))
        #expect(summary.contains(#""yearly": {"#))
        #expect(!FileManager.default.fileExists(atPath: directory + "/errors.csv"))
    }

    @Test func theHourlyRateVariantChangesMoneyOnlyFromItsDate() throws {
        let (after, _) = try run("variants/anqing-hourly-rate-10.yaml")
        #expect(after.changedPersons == 2)
        let money = try #require(try decision("monthly_subsidy_cny", in: after).totals)
        #expect(money.baseline.formatted(places: 2) == "240.00" && money.variant.formatted(places: 2) == "300.00")
        #expect(money.yearly(money.difference)?.formatted(places: 2) == "720.00")
        #expect(try decision("monthly_hours", in: after).changed == 0)
        let (before, _) = try run("variants/anqing-hourly-rate-10.yaml", on: CivilDate(year: 2025, month: 12, day: 31)!)
        #expect(before.changedPersons == 0)
    }

    @Test func oneAndTwoWorkersGiveTheSameReport() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        try PopulationGenerator(description: ScaleTestFiles.population, seed: 21).write(size: 3_000, to: directory + "/people.csv")
        var outputs: [[String]] = []
        for workers in [1, 2] {
            let (_, reportDirectory) = try run("variants/anqing-gov-purchase-tekun.yaml", by: ["residence", "age:10"], workers: workers,
                                               input: directory + "/people.csv", traces: true)
            outputs.append(["summary.json", "changed.csv", "changed_traces.jsonl", "report.html"].map { ScaleTestFiles.read(reportDirectory + "/" + $0) })
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0][1].split(separator: "\n").count > 10)
    }

    /// A CSV population is counted by outcome on the flat machines; the same persons as
    /// JSON Lines are tallied person by person: the reports are the same.
    @Test func countingOutcomesGivesTheSameReportAsPersonByPerson() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        let generator = try PopulationGenerator(description: ScaleTestFiles.population, seed: 11)
        try generator.write(size: 3_000, to: directory + "/people.csv")
        try generator.write(size: 3_000, to: directory + "/people.jsonl")
        for variant in ["variants/anqing-gov-purchase-tekun.yaml", "variants/anqing-hourly-rate-10.yaml"] {
            var summaries: [String] = []
            var changed: [String] = []
            for input in ["people.csv", "people.jsonl"] {
                let (report, reportDirectory) = try run(variant, by: ["residence", "age:10"], input: directory + "/" + input)
                #expect(report.evaluated == 3_000)
                // CSV: every person counted on the flat machines; JSON Lines: person by person.
                #expect(report.ways.fast == (input == "people.csv" ? 3_000 : 0), "\(variant) \(input)")
                #expect(report.ways.general == (input == "people.csv" ? 0 : 3_000), "\(variant) \(input)")
                let summary = ScaleTestFiles.read(reportDirectory + "/summary.json").split(separator: "\n")
                    .filter { !$0.contains("\"seconds\"") && !$0.contains("\"input\"") }.joined(separator: "\n")
                summaries.append(summary)
                // Line numbers differ by the CSV header; the rest is the same.
                changed.append(ScaleTestFiles.read(reportDirectory + "/changed.csv").split(separator: "\n")
                    .map { $0.drop { $0 != "," } }.joined(separator: "\n"))
            }
            #expect(summaries[0] == summaries[1], "\(variant)")
            #expect(changed[0] == changed[1], "\(variant)")
            #expect(changed[0].split(separator: "\n").count > 1, "\(variant): some persons change")
        }
    }

    /// The rural meal split is a record: its fields are compared as columns, and the whole
    /// record is rebuilt from them on the fast way. Same report as person by person.
    @Test func aRecordDecisionIsCountedTheSameWay() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        let generator = try PopulationGenerator(description: ScaleTestFiles.population, seed: 13)
        try generator.write(size: 2_000, to: directory + "/people.csv")
        try generator.write(size: 2_000, to: directory + "/people.jsonl")
        let rural = try LoadedPolicy.load(path: ScaleTestFiles.policy("rural-pilot.yaml"))
        let variant = try rural.overriding([try ParameterOverride("government_share_60=3.00"), try ParameterOverride("village_meal_share=4.00")])
        var summaries: [String] = []
        var changed: [String] = []
        for input in ["people.csv", "people.jsonl"] {
            let reportDirectory = directory + "/report-" + input
            let report = try WhatIfAnalysis.run(baseline: rural, variant: variant, input: directory + "/" + input, reportDirectory: reportDirectory,
                                                options: WhatIfOptions(asOf: Self.date, by: ["subsistence"], blockSize: 300))
            #expect(report.evaluated == 2_000)
            #expect(report.changedPersons > 0)
            #expect(report.ways.fast == (input == "people.csv" ? 2_000 : 0), "\(input)")
            summaries.append(ScaleTestFiles.read(reportDirectory + "/summary.json").split(separator: "\n")
                .filter { !$0.contains("\"seconds\"") && !$0.contains("\"input\"") }.joined(separator: "\n"))
            changed.append(ScaleTestFiles.read(reportDirectory + "/changed.csv").split(separator: "\n")
                .map { $0.drop { $0 != "," } }.joined(separator: "\n"))
        }
        #expect(summaries[0] == summaries[1])
        #expect(changed[0] == changed[1])
        #expect(summaries[0].contains("meal_subsidy.government"))
    }

    @Test func aMalformedRowIsCountedAndListed() throws {
        let (report, directory) = try run("variants/anqing-gov-purchase-tekun.yaml", input: ScaleTestFiles.fixture("malformed.csv"))
        #expect(report.records == 6 && report.evaluated == 3 && report.failed == 3)
        #expect(report.changedPersons == 1)
        let errors = ScaleTestFiles.read(directory + "/errors.csv").split(separator: "\n")
        #expect(errors.count == 4)
        #expect(errors[1].hasPrefix("4,B1,\"invalid facts: `ability_level`: is 7"))
    }

    @Test func aPolicyThatDoesNotExtendTheBaselineIsRefused() throws {
        let baseline = try LoadedPolicy.load(path: ScaleTestFiles.policy("anqing.yaml"))
        for other in [ScaleTestFiles.policy("dongxihu.yaml"), FixturePaths.fixture("good_variant")] {
            let variant = try LoadedPolicy.load(path: other)
            do {
                try WhatIfAnalysis.checkVariant(variant, of: baseline)
                Issue.record("accepted \(other)")
            } catch {
                #expect(error.message.contains("is not a variant of `"))
                #expect(error.message.contains("a variant starts with `extends: <path to anqing.yaml>`"))
            }
        }
        // The baseline itself is a variant only with overrides.
        #expect(throws: RecordFileError.self) { try WhatIfAnalysis.checkVariant(baseline, of: baseline) }
        let raised = try baseline.overriding([try ParameterOverride("hourly_rate_cny=10.00")])
        try WhatIfAnalysis.checkVariant(raised, of: baseline)
    }

    @Test func anUnknownGroupingFactIsAClearError() throws {
        do {
            _ = try run("variants/anqing-gov-purchase-tekun.yaml", by: ["subsistance"])
            Issue.record("accepted")
        } catch let error as RecordFileError {
            #expect(error.message.hasPrefix("--by subsistance: `subsistance` is not a fact or definition of policy `anqing`; did you mean `subsistence`?"))
        }
    }
}
