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

/// Batch evaluation: results in input order, the same for any number of workers; bad
/// records become error rows and the run goes on; files that cannot be used are refused.
@Suite struct BatchEvaluationTests {
    static let date = CivilDate(year: 2026, month: 6, day: 1)!

    func anqing() throws -> LoadedPolicy { try LoadedPolicy.load(path: ScaleTestFiles.policy("anqing.yaml")) }

    @Test func theHandWorkedPopulationGivesTheHandWorkedAnswers() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        let summary = try BatchEvaluation.run(try anqing(), input: ScaleTestFiles.fixture("population.csv"), output: directory + "/out.csv",
                                              options: BatchOptions(asOf: Self.date))
        #expect(summary.records == 8 && summary.evaluated == 8 && summary.failed == 0)
        let rows = ScaleTestFiles.read(directory + "/out.csv").split(separator: "\n").map(String.init)
        #expect(rows[0] == "id,service_tier,volunteer_priority,gov_purchase_eligible,monthly_hours,monthly_subsidy_cny,required_documents,error")
        let basic = "application_form_x3|photo_2inch_x3|hukou_book|id_card"
        #expect(Array(rows.dropFirst()) == [
            "A1,paid,false,false,0,0.00,\(basic),",
            "A2,low_cost,true,false,0,0.00,\(basic),",
            "A3,free,true,true,20,160.00,\(basic)|dibao_certificate,",
            "A4,low_cost,false,true,10,80.00,\(basic)|dibao_certificate|low_income_certificate,",
            "A5,not_eligible,false,false,0,0.00,,",
            "A6,paid,true,false,0,0.00,\(basic),",
            "A7,free,false,false,0,0.00,\(basic),",
            "A8,free,false,false,0,0.00,\(basic),",
        ])
    }

    @Test func oneAndTwoWorkersWriteTheSameBytes() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        try PopulationGenerator(description: ScaleTestFiles.population, seed: 9).write(size: 4_000, to: directory + "/people.csv")
        let policy = try anqing()
        var outputs: [String] = []
        for workers in [1, 2] {
            // Small blocks: many runs of lines in flight at once.
            let summary = try BatchEvaluation.run(policy, input: directory + "/people.csv", output: directory + "/out\(workers).jsonl",
                                                  options: BatchOptions(asOf: Self.date, workers: workers, blockSize: 4_096))
            #expect(summary.evaluated == 4_000)
            outputs.append(ScaleTestFiles.read(directory + "/out\(workers).jsonl"))
        }
        #expect(outputs[0] == outputs[1])
        let lines = outputs[0].split(separator: "\n")
        #expect(lines.count == 4_000)
        #expect(lines.first?.hasPrefix(#"{"id":"P00000001","decisions":{"service_tier":"#) == true)
        #expect(lines.last?.hasPrefix(#"{"id":"P00004000","#) == true)
    }

    /// CSV lines go the fast way (straight into the flat machine), JSON Lines the general
    /// way; lines the fast way cannot take (quoted fields, `TRUE`) go the general way too.
    /// Every way gives the same results.
    @Test(arguments: ["anqing.yaml", "rural-pilot.yaml"])
    func theFastAndTheGeneralWayGiveTheSameResults(policyFile: String) throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        let generator = try PopulationGenerator(description: ScaleTestFiles.population, seed: 5)
        try generator.write(size: 3_000, to: directory + "/people.csv")
        try generator.write(size: 3_000, to: directory + "/people.jsonl")
        // The same persons, some lines written so that the fast way refuses them.
        var lines = ScaleTestFiles.read(directory + "/people.csv").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for number in stride(from: 10, to: 3_000, by: 97) {
            var fields = lines[number].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[0] = "\"" + fields[0] + "\""
            if let flag = fields.firstIndex(of: "true") { fields[flag] = "TRUE" }
            fields[3] = "\"" + fields[3] + "\""
            lines[number] = fields.joined(separator: ",")
        }
        try lines.joined(separator: "\n").write(toFile: directory + "/odd.csv", atomically: true, encoding: .utf8)
        let policy = try LoadedPolicy.load(path: ScaleTestFiles.policy(policyFile))
        #expect(policy.evaluator.flatUnsupported == nil)
        for format in ["jsonl", "csv"] {
            var outputs: [String] = []
            for input in ["people.csv", "people.jsonl", "odd.csv"] {
                let summary = try BatchEvaluation.run(policy, input: directory + "/" + input, output: directory + "/\(input).out.\(format)",
                                                      options: BatchOptions(asOf: Self.date, blockSize: 8_192))
                #expect(summary.evaluated == 3_000 && summary.failed == 0, "\(input)")
                // The fast way really ran: CSV lines read in place, JSON Lines and the odd lines decoded.
                let expected = ["people.csv": EvaluationCounts(fast: 3_000), "people.jsonl": EvaluationCounts(general: 3_000),
                                "odd.csv": EvaluationCounts(fast: 3_000 - 31, general: 31)][input]!
                #expect(summary.ways == expected, "\(input)")
                outputs.append(ScaleTestFiles.read(directory + "/\(input).out.\(format)"))
            }
            #expect(outputs[0] == outputs[1], "\(format)")
            #expect(outputs[0] == outputs[2], "\(format)")
        }
    }

    /// Ids are written as they are read: Chinese text as it is, bytes that are not UTF-8
    /// as the replacement character (the general way's reading), never raw.
    @Test func idsAreWrittenAsValidText() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        try PopulationGenerator(description: ScaleTestFiles.population, seed: 2).write(size: 2, to: directory + "/people.csv")
        var bytes = Array(ScaleTestFiles.read(directory + "/people.csv").utf8)
        let header = bytes.firstIndex(of: 10)! + 1
        bytes.replaceSubrange(header..<(header + 9), with: Array("老人-1".utf8))
        let second = bytes[header...].firstIndex(of: 10)! + 1
        bytes.replaceSubrange(second..<(second + 9), with: [0x50, 0xFF, 0x32])
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/odd-ids.csv"))
        let summary = try BatchEvaluation.run(try anqing(), input: directory + "/odd-ids.csv", output: directory + "/out.jsonl",
                                              options: BatchOptions(asOf: Self.date))
        #expect(summary.evaluated == 2)
        let lines = ScaleTestFiles.read(directory + "/out.jsonl").split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix(#"{"id":"老人-1","decisions":"#) == true)
        #expect(lines.last?.hasPrefix("{\"id\":\"P\u{FFFD}2\",\"decisions\":") == true)
    }

    /// CSV results are safe to open in a spreadsheet: a text cell that would run as a
    /// formula gets a leading `'`; numbers the engine writes stay numbers.
    @Test func csvTextCellsThatLookLikeFormulasAreNeutralised() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        try PopulationGenerator(description: ScaleTestFiles.population, seed: 2).write(size: 3, to: directory + "/people.csv")
        var lines = ScaleTestFiles.read(directory + "/people.csv").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (line, id) in [(1, "=1+2"), (2, "@SUM(A1)"), (3, "-5")] {
            lines[line] = id + lines[line].drop { $0 != "," }
        }
        try lines.joined(separator: "\n").write(toFile: directory + "/formulas.csv", atomically: true, encoding: .utf8)
        let summary = try BatchEvaluation.run(try anqing(), input: directory + "/formulas.csv", output: directory + "/out.csv",
                                              options: BatchOptions(asOf: Self.date))
        #expect(summary.evaluated == 3)
        let rows = ScaleTestFiles.read(directory + "/out.csv").split(separator: "\n").map(String.init)
        #expect(rows.count == 4)
        #expect(rows[1].hasPrefix("'=1+2,"))
        #expect(rows[2].hasPrefix("'@SUM(A1),"))
        #expect(rows[3].hasPrefix("'-5,"))

        let writer = ResultWriter(policy: try anqing().checked, format: .csv)
        var cell: [UInt8] = []
        writer.appendCSV(.integer(-5), field: writer.fields[0], type: .integer, to: &cell)
        #expect(String(decoding: cell, as: UTF8.self) == "-5")
        cell = []
        WhatIfAnalysis.appendCell(.decimal(ExactDecimal("-12.50")!), type: .decimal, to: &cell)
        cell.append(44)
        WhatIfAnalysis.appendCell(.integer(-3), type: .integer, to: &cell)
        #expect(String(decoding: cell, as: UTF8.self) == "-12.50,-3")
    }

    @Test func aMalformedRowInTheMiddleBecomesAnErrorRowAndTheRunGoesOn() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        let summary = try BatchEvaluation.run(try anqing(), input: ScaleTestFiles.fixture("malformed.csv"), output: directory + "/out.jsonl",
                                              options: BatchOptions(asOf: Self.date, workers: 2))
        #expect(summary.records == 6)
        #expect(summary.evaluated == 3)
        #expect(summary.failed == 3)
        #expect(summary.firstErrors.map(\.line) == [4, 5, 6])
        #expect(summary.firstErrors[0].problems.map(\.field) == ["ability_level"])
        #expect(summary.firstErrors[0].problems[0].message == "is 7, above the largest allowed value 4 (allowed: 0 to 4)")
        #expect(summary.firstErrors[1].problems.map(\.field) == ["birth_date", "subsistence"])
        #expect(summary.firstErrors[2].message == "invalid facts: `(record)`: has 3 fields, but the header has 21 columns")
        let lines = ScaleTestFiles.read(directory + "/out.jsonl").split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix(#"{"id":"A1","#))
        #expect(lines[1].hasPrefix(#"{"id":"A3","#))
        #expect(lines[2] == #"{"line":4,"id":"B1","error":"invalid facts: `ability_level`: is 7, above the largest allowed value 4 (allowed: 0 to 4)","problems":[{"field":"ability_level","message":"is 7, above the largest allowed value 4 (allowed: 0 to 4)"}]}"#)
        #expect(lines[3].hasPrefix(#"{"line":5,"id":"B2","error":"invalid facts: `birth_date`: expected a date \"YYYY-MM-DD\" that exists in the calendar, found \"1950-13-01\"; `subsistence`: \"rich\" is not allowed"#))
        #expect(lines[4].hasPrefix(#"{"line":6,"id":"B3","#))
        #expect(lines[5].hasPrefix(#"{"id":"A4","#))
    }

    @Test func aHeaderOnlyFileHasNoRecords() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        let summary = try BatchEvaluation.run(try anqing(), input: ScaleTestFiles.fixture("header_only.csv"), output: directory + "/out.csv",
                                              options: BatchOptions(asOf: Self.date))
        #expect(summary.records == 0 && summary.failed == 0)
        #expect(ScaleTestFiles.read(directory + "/out.csv") == "id,service_tier,volunteer_priority,gov_purchase_eligible,monthly_hours,monthly_subsidy_cny,required_documents,error\n")
    }

    @Test func anEmptyCSVFileIsRefusedButAnEmptyJSONLinesFileHasNoRecords() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        #expect(throws: RecordFileError.self) {
            _ = try BatchEvaluation.run(try anqing(), input: ScaleTestFiles.fixture("empty.csv"), output: directory + "/out.jsonl",
                                        options: BatchOptions(asOf: Self.date))
        }
        do {
            _ = try BatchEvaluation.run(try anqing(), input: ScaleTestFiles.fixture("empty.csv"), output: directory + "/out.jsonl", options: BatchOptions(asOf: Self.date))
        } catch let error as RecordFileError {
            #expect(error.message.hasSuffix("empty.csv: the file is empty; a CSV file of facts starts with a header row naming its columns (id,birth_date,hukou_local,residence…)"))
        }
        _ = FileManager.default.createFile(atPath: directory + "/empty.jsonl", contents: Data())
        let summary = try BatchEvaluation.run(try anqing(), input: directory + "/empty.jsonl", output: directory + "/out.jsonl",
                                              options: BatchOptions(asOf: Self.date))
        #expect(summary.records == 0)
        #expect(ScaleTestFiles.read(directory + "/out.jsonl") == "")
    }

    @Test func anUnknownCSVColumnStopsTheRunNamingTheColumn() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        do {
            _ = try BatchEvaluation.run(try anqing(), input: ScaleTestFiles.fixture("unknown_column.csv"), output: directory + "/out.jsonl",
                                        options: BatchOptions(asOf: Self.date))
            Issue.record("accepted an unknown column")
        } catch let error as RecordFileError {
            #expect(error.message.contains("unknown_column.csv:1: unknown column `pension_cny` (column 22): it is not a fact of policy `anqing`; remove the column, or rename it to one of: id, birth_date,"))
        }
    }

    @Test func anUnknownJSONKeyIsAnErrorRowNamingTheField() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        let line = SamplePerson.json(["id": "J1", "pension_cny": "1200.00"])
        _ = FileManager.default.createFile(atPath: directory + "/in.jsonl", contents: Data((SamplePerson.json(["id": "J0"]) + "\n" + line + "\n").utf8))
        let summary = try BatchEvaluation.run(try anqing(), input: directory + "/in.jsonl", output: directory + "/out.jsonl", options: BatchOptions(asOf: Self.date))
        #expect(summary.evaluated == 1 && summary.failed == 1)
        #expect(summary.firstErrors.first?.line == 2)
        #expect(summary.firstErrors.first?.id == "J1")
        #expect(summary.firstErrors.first?.problems.map(\.field) == ["pension_cny"])
    }

    @Test func aMissingRequiredColumnIsRefused() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        _ = FileManager.default.createFile(atPath: directory + "/in.csv", contents: Data("id,birth_date\nX,1950-01-01\n".utf8))
        do {
            _ = try BatchEvaluation.run(try anqing(), input: directory + "/in.csv", output: directory + "/out.jsonl", options: BatchOptions(asOf: Self.date))
            Issue.record("accepted")
        } catch let error as RecordFileError {
            #expect(error.message.contains("in.csv:1: no column for `hukou_local` (户籍在本区), `residence` (城乡类别),"))
        }
    }
}
