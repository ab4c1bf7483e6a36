import Foundation
import Testing
import TestSupport

/// `carepolicy compliance` run as a township officer runs it: the worked example of
/// docs/compliance.md, its report files, refused records and the errors that stop a run.
@Suite(.serialized) struct ComplianceCommandTests {
    static let example = ["compliance", "policies/sunhe.yaml", "--elders", "docs/examples/compliance/elders.csv",
                          "--records", "docs/examples/compliance/records.jsonl", "--from", "2025-01-01", "--to", "2025-03-31"]

    /// The policy's content hash changes with every edit of the policy; the rest must not.
    static func withoutHash(_ text: String) -> String {
        text.replacingOccurrences(of: #""hash": "[0-9a-f]{64}""#, with: #""hash": "…""#, options: .regularExpression)
    }

    @Test("the worked example prints docs/examples/compliance/output.json and writes its report", arguments: [1, 2])
    func workedExample(_ workers: Int) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepolicy-compliance-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try CommandRunner.run(Self.example + ["--spot-check", "2", "--seed", "2025", "--report", directory, "--workers", String(workers)])
        #expect(result.status == 0, "\(result.err)")
        let expected = try String(contentsOfFile: FixturePaths.packageRoot + "/docs/examples/compliance/output.json", encoding: .utf8)
        #expect(Self.withoutHash(result.out) == Self.withoutHash(expected))
        let refusals = result.err.split(separator: "\n").filter { $0.contains("refused:") }
        #expect(refusals == [
            "docs/examples/compliance/records.jsonl:11: refused: unknown elder `SH-009`: not among the elders judged",
            #"docs/examples/compliance/records.jsonl:201: refused: field `provider_kind`: "doctor" is not allowed; expected one of "caregiver", "neighbour_volunteer", "social_volunteer", "paired_unit", "village_clinic""#,
            #"docs/examples/compliance/records.jsonl:401: refused: field `date`: expected a date "YYYY-MM-DD" that exists in the calendar, found "2025-02-30""#,
        ])
        #expect(result.err.contains("docs/examples/compliance/records.jsonl: 637 records, 634 counted, 3 refused;"))
        let missed = try String(contentsOfFile: directory + "/missed.csv", encoding: .utf8)
        #expect(missed == (try String(contentsOfFile: FixturePaths.packageRoot + "/docs/examples/compliance/report/missed.csv", encoding: .utf8)))
        #expect(missed.hasPrefix("village,elder,requirement,requirement_label,window,start,end\n沙子营村,SH-001,twice_weekly_chat,聊天至少每周2次,2025-W08,2025-02-17,2025-02-23\n"))
        let html = try String(contentsOfFile: directory + "/report.html", encoding: .utf8)
        #expect(html.contains("<h2>村：上辛堡村</h2>"))
        #expect(html.contains("<tr><td class=\"t\">SH-002</td><td class=\"miss\">87/90</td>"))
        #expect(html.contains("<tr><td class=\"t\">2025-Q1</td><td class=\"t\">SH-003、SH-004</td></tr>"))
    }

    @Test("a service record over --max-record-bytes is refused unread; the others are judged")
    func aRecordOverTheLimitIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepolicy-compliance-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let records = try String(contentsOfFile: FixturePaths.packageRoot + "/docs/examples/compliance/records.jsonl", encoding: .utf8)
        let long = #"{"elder":"SH-003","provider":"hl-01","provider_kind":"caregiver","kind":"chat","date":"2025-02-25","note":""#
            + String(repeating: "n", count: 500) + #""}"#
        try (long + "\n" + records).write(toFile: directory + "/records.jsonl", atomically: true, encoding: .utf8)
        var arguments = Self.example
        arguments[5] = directory + "/records.jsonl"
        let result = try CommandRunner.run(arguments + ["--max-record-bytes", "400", "--workers", "2"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.contains("\(directory)/records.jsonl:1: refused: the record is \(long.utf8.count) bytes, more than the limit of 400 bytes (400 bytes); raise it with --max-record-bytes"))
        #expect(result.err.contains("records.jsonl: 638 records, 634 counted, 4 refused;"))
    }

    @Test("the report escapes every text from the files")
    func escapesTheReport() throws {
        let header = "id,birth_date,village,hukou_local,resides_local,residence,no_income_source,no_work_capacity,no_legal_supporter,subsistence,ability_level,"
            + "lives_alone,children_in_district,child_caregiver_nearby,left_behind,severe_disability,family_planning_special,priority_care,five_elders,"
            + "receives_civil_aid,low_income_certified,receives_home_care_subsidy,tekun_dispersed"
        let row = #""<b>&""x'",1950-01-01,<script>alert(1)</script>,true,true,rural,false,false,false,none,0,false,true,true,false,false,false,false,false,false,false,false,false"#
        let elders = try temporary("elders.csv", header + "\n" + row + "\n")
        let records = try temporary("records.jsonl", "{\"elder\": \"<b>\"}\n")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepolicy-compliance-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try CommandRunner.run(["compliance", "policies/sunhe.yaml", "--elders", elders, "--records", records, "--from", "2025-03-03", "--to", "2025-03-09", "--report", directory])
        #expect(result.status == 0, "\(result.err)")
        let html = try String(contentsOfFile: directory + "/report.html", encoding: .utf8)
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(html.contains("村：&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;&amp;&quot;x&#39;"))
        let missed = try String(contentsOfFile: directory + "/missed.csv", encoding: .utf8)
        #expect(missed.split(separator: "\n")[1] == #"<script>alert(1)</script>,"<b>&""x'",daily_knock,敲门问候每天至少1次,2025-03-03,2025-03-03,2025-03-03"#)
    }

    @Test("errors that stop a run, each with its place", arguments: [
        (["compliance", "policies/anqing.yaml", "--elders", "docs/examples/compliance/elders.csv", "--records", "docs/examples/compliance/records.jsonl",
          "--from", "2025-01-01", "--to", "2025-03-31"],
         "error: policy `anqing` has no `compliance:` section; its requirements say what to judge"),
        (example.dropLast(4) + ["--from", "2025-03-31", "--to", "2025-01-01"], "错误：统计期间的结束日 2025-01-01 早于开始日 2025-03-31：结束日应在开始日当天或之后"),
        (example.dropLast(4) + ["--from", "2015-01-01", "--to", "2025-01-01"],
         "错误：统计期间不能超过10年：自 2015-01-01 起最晚到 2024-12-31，而结束日是 2025-01-01；请分段统计，每段不超过10年"),
        (example.dropLast(4) + ["--from", "2016-02-29", "--to", "2026-03-01"],
         "错误：统计期间不能超过10年：自 2016-02-29 起最晚到 2026-02-28，而结束日是 2026-03-01；请分段统计，每段不超过10年"),
        (example.dropLast(4) + ["--from", "2025-13-01", "--to", "2025-12-31"], "Error: --from `2025-13-01` 不是日历上存在的日期：请写 YYYY-MM-DD，例如 2025-01-01"),
        (example + ["--spot-check", "2"], "Error: --spot-check and --seed go together: how many elders, and the seed of the draw"),
        (example.prefix(2) + ["--elders", "docs/examples/compliance/records.jsonl"] + example.dropFirst(4),
         "docs/examples/compliance/records.jsonl:1: error: `date`: is not a fact of policy `sunhe`; `elder`: is not a fact of policy `sunhe`;"),
        (example.prefix(2) + ["--elders", "docs/examples/compliance/records.jsonl"] + example.dropFirst(4),
         "docs/examples/compliance/records.jsonl:20: error: `date`: is not a fact of policy `sunhe`;"),
        (example.prefix(2) + ["--elders", "docs/examples/compliance/records.jsonl"] + example.dropFirst(4), "… and 617 more elders with errors"),
        (example.dropLast(4) + ["--from", "2025-01-01", "--to", "2025-02-30"], "Error: --to `2025-02-30` 不是日历上存在的日期：请写 YYYY-MM-DD，例如 2025-01-01"),
    ] as [([String], String)])
    func stops(_ arguments: [String], _ message: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status != 0)
        #expect(result.err.contains(message), "\(result.err)")
        #expect(result.out.isEmpty)
    }

    @Test("a period of exactly ten years is judged", arguments: [("2015-01-01", "2024-12-31", 3653), ("2016-02-29", "2026-02-28", 3653)])
    func tenYears(_ from: String, _ to: String, _ days: Int) throws {
        let result = try CommandRunner.run(Self.example.dropLast(4) + ["--from", from, "--to", to])
        #expect(result.status == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["period"] as? [String: String] == ["from": from, "to": to])
        let knocks = ((object["elders"] as? [String: Any])?["SH-001"] as? [String: Any]).flatMap { $0["requirements"] as? [String: Any] }?["daily_knock"] as? [String: Any]
        #expect(knocks?["windows"] as? Int == days)
    }
}
