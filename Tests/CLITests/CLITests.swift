import Foundation
import Testing
import TestSupport

/// The `carepolicy` commands as a policy officer and a scripting tester use them.
@Suite(.serialized) struct CLITests {
    static let person = SamplePerson.json(["birth_date": "1926-06-01", "id": "p-100"])

    @Test func checkAcceptsTheDistrictPolicies() throws {
        let result = try CommandRunner.run(["check"])
        #expect(result.status == 0)
        #expect(result.out.contains("policies/anqing.yaml：通过（anqing 2026.1，6 个决策）"))
        #expect(result.out.hasSuffix("检查了 7 个政策：7 个通过，0 个有错误，1 条警告，16 条说明\n"))
        let english = try CommandRunner.run(["check", "--lang", "en"])
        #expect(english.out.contains("policies/anqing.yaml: ok (anqing 2026.1, 6 decisions)"))
        #expect(english.out.hasSuffix("checked 7 policies: 7 ok, 0 with errors, 1 warning, 16 notes\n"))
    }

    @Test func checkReportsLocatedErrorsAndFails() throws {
        let result = try CommandRunner.run(["check", "Tests/Fixtures/errors_unknown_fact/policy.yaml"])
        #expect(result.status == 1)
        #expect(result.out.contains("Tests/Fixtures/errors_unknown_fact/policy.yaml:7:15: 错误：未知的名称 `abilty_level`"))
        #expect(result.out.contains("= 建议：您是不是要写 `ability_level`？"))
        let english = try CommandRunner.run(["check", "--lang", "en", "Tests/Fixtures/errors_unknown_fact/policy.yaml"])
        #expect(english.out.contains("Tests/Fixtures/errors_unknown_fact/policy.yaml:7:15: error: unknown name `abilty_level`"))
        #expect(english.out.contains("= help: did you mean `ability_level`?"))
        #expect(english.out.hasSuffix("checked 1 policy: 0 ok, 1 with errors, 0 warnings\n"))
    }

    @Test func theLanguageCanComeFromTheEnvironment() throws {
        let result = try CommandRunner.run(["check", "Tests/Fixtures/errors_unknown_fact/policy.yaml"], environment: ["CAREPOLICY_LANG": "en"])
        #expect(result.out.hasSuffix("checked 1 policy: 0 ok, 1 with errors, 0 warnings\n"))
        let flag = try CommandRunner.run(["check", "--lang", "zh-CN", "Tests/Fixtures/errors_unknown_fact/policy.yaml"], environment: ["CAREPOLICY_LANG": "en"])
        #expect(flag.out.hasSuffix("检查了 1 个政策：0 个通过，1 个有错误，0 条警告\n"))
        let unknown = try CommandRunner.run(["check", "--lang", "fr", "Tests/Fixtures/errors_unknown_fact/policy.yaml"])
        #expect(unknown.status == 64)
        #expect(unknown.err.contains("--lang `fr`: use zh-CN or en"))
    }

    @Test func evalPrintsTheContractJSON() throws {
        let file = try temporary("person.json", Self.person)
        let result = try CommandRunner.run(["eval", "policies/anqing.yaml", "--facts", file, "--as-of", "2026-06-01"])
        #expect(result.status == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "p-100")
        #expect(object["as_of"] as? String == "2026-06-01")
        let decisions = try #require(object["decisions"] as? [String: Any])
        #expect(decisions["service_tier"] as? String == "free")
        #expect(decisions["monthly_subsidy_cny"] as? String == "0.00")
    }

    @Test func evalReadsJSONLinesFromStandardInputInOrder() throws {
        let lines = [SamplePerson.json(["id": "a", "birth_date": "1966-06-02"]), SamplePerson.json(["id": "b", "birth_date": "1966-06-01"])].joined(separator: "\n") + "\n"
        let result = try CommandRunner.run(["eval", "policies/dongxihu.yaml", "--facts", "-", "--as-of", "2026-06-01"], input: lines)
        #expect(result.status == 0, "\(result.err)")
        let outputs = result.out.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(outputs.count == 2)
        #expect(outputs.map { $0?["id"] as? String } == ["a", "b"])
        let volunteer = outputs.map { ($0?["decisions"] as? [String: Any])?["volunteer_eligible"] as? Bool }
        #expect(volunteer == [false, true])
    }

    /// Windows line ends, a blank line and no final line end: the lines keep their numbers.
    @Test func evalReadsJSONLinesWithCRLFNumberingBlankLines() throws {
        let lines = SamplePerson.json(["id": "a"]) + "\r\n\r\n" + "{\"id\": 1}" + "\r\n" + SamplePerson.json(["id": "c"])
        let file = try temporary("persons.jsonl", lines)
        let result = try CommandRunner.run(["eval", "policies/dongxihu.yaml", "--facts", file, "--as-of", "2026-06-01"])
        #expect(result.status == 1)
        let outputs = result.out.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(outputs.map { $0?["id"] as? String } == ["a", nil, "c"])
        #expect(outputs[1]?["line"] as? Int == 3)
        #expect(result.err.hasPrefix("\(file):3: error: "))
    }

    @Test func evalExplainsInChinese() throws {
        let file = try temporary("person.json", Self.person)
        let result = try CommandRunner.run(["eval", "policies/anqing.yaml", "--facts", file, "--as-of", "2026-06-01", "--explain", "--format", "text"])
        #expect(result.status == 0)
        #expect(result.out.contains("■ 服务对象类别（service_tier）：无偿服务（free）\n  依据：百岁老人，属无偿服务对象"))
    }

    @Test func evalRefusesBadFactsNamingTheField() throws {
        let file = try temporary("bad.json", SamplePerson.json(["ability_level": 9]))
        let result = try CommandRunner.run(["eval", "policies/anqing.yaml", "--facts", file, "--as-of", "2026-06-01"])
        #expect(result.status == 1)
        #expect((result.out + result.err).contains("`ability_level`: is 9, above the largest allowed value 4 (allowed: 0 to 4)"))
    }

    @Test func treeDrawsMermaid() throws {
        let result = try CommandRunner.run(["tree", "policies/dongxihu.yaml", "--decision", "volunteer_eligible", "--format", "mermaid"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("flowchart TD\n"))
        #expect(result.out.contains("能力等级"))
    }

    @Test func testReportsPassedAndFailed() throws {
        let result = try CommandRunner.run(["test", "Tests/Fixtures/policy_tests"])
        #expect(result.status == 1)
        #expect(result.out.hasSuffix("3 passed, 1 failed\n"))
        #expect(result.out.contains("FAIL 故意写错的期望 (Tests/Fixtures/policy_tests/base-cases.yaml:12:5)\n  tier: expected paid, got free (rule poor)"))
    }

    @Test func verifyFindsNoDisagreement() throws {
        let result = try CommandRunner.run(["verify", "--count", "500", "--seed", "9", "policies/rural-pilot.yaml"])
        #expect(result.status == 0)
        #expect(result.out == "policies/rural-pilot.yaml: 500 persons, 0 disagreements, 0 evaluated to a fault in both (seed 9)\n"
                + "  flat machine: checked on all 500 persons\n")
    }

    @Test func verifyChecksTheFlatMachineWhereThePolicyHasOne() throws {
        let result = try CommandRunner.run(["verify", "--count", "500", "--seed", "9", "policies/anqing.yaml"])
        #expect(result.status == 0)
        #expect(result.out == "policies/anqing.yaml: 500 persons, 0 disagreements, 0 evaluated to a fault in both (seed 9)\n"
                + "  flat machine: checked on all 500 persons\n")
    }

    @Test func aMissingFileIsAnErrorNotACrash() throws {
        let result = try CommandRunner.run(["eval", "policies/nowhere.yaml", "--facts", "-"], input: "{}")
        #expect(result.status == 1)
        #expect((result.out + result.err).contains("policies/nowhere.yaml"))
    }

}

/// `ledger`, `approval` and `allocate` as a street office and a tester run them.
@Suite(.serialized) struct LedgerCLITests {
    @Test func ledgerReplaysEventsAndListsRefusalsWithTheirLines() throws {
        let events = [
            #"{"type":"issue","person":"p1","date":"2025-03-01","hours":20}"#,
            #"{"type":"spend","person":"p1","date":"2025-03-15","hours":2.5,"provider":"prov-9"}"#,
            #"{"type":"spend","person":"p1","date":"2025-03-16","hours":30,"provider":"prov-9"}"#,
        ].joined(separator: "\n")
        let file = try temporary("events.jsonl", events)
        let result = try CommandRunner.run(["ledger", "policies/anqing.yaml", "--events", file, "--as-of", "2025-12-31"])
        #expect(result.status == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["as_of"] as? String == "2025-12-31")
        #expect((object["balances"] as? [String: [String: String]])?["voucher_hours"] == ["p1": "17.50"])
        #expect((object["settlements"] as? [String: [String: String]])?["provider_settlement_cny"] == ["prov-9": "20.00"])
        let refused = try #require(object["refused"] as? [[String: Any]])
        #expect(refused.count == 1)
        #expect(refused.first?["line"] as? Int == 3)
        #expect(result.err.contains("events.jsonl:3: refused: 服务券余额不足：p1 has 17.50 in `voucher_hours`, the event needs 30.00"))
    }

    /// `--set` on the hourly rate moves the voucher settlement rate linked to it.
    @Test func ledgerSettlesAtAnOverriddenHourlyRate() throws {
        let events = [
            #"{"type":"issue","person":"p1","date":"2025-03-01","hours":20}"#,
            #"{"type":"spend","person":"p1","date":"2025-03-15","hours":2.5,"provider":"prov-9"}"#,
        ].joined(separator: "\n")
        let file = try temporary("events.jsonl", events)
        let result = try CommandRunner.run(["ledger", "policies/anqing.yaml", "--events", file, "--set", "hourly_rate_cny=10.00"])
        #expect(result.status == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect((object["settlements"] as? [String: [String: String]])?["provider_settlement_cny"] == ["prov-9": "25.00"])
    }

    @Test func ledgerIssuesEachMonthsVouchersFromTheDecisions() throws {
        let result = try CommandRunner.run(["ledger", "policies/anqing.yaml", "--people", "docs/examples/ledgers/anqing-people.jsonl",
                                            "--issue-monthly", "2025-01..2025-12", "--events", "docs/examples/ledgers/anqing-monthly-spends.jsonl"])
        #expect(result.status == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect((object["balances"] as? [String: [String: String]])?["voucher_hours"] == ["v1": "34.00", "v2": "108.00", "v3": "98.00"])
        #expect((object["settlements"] as? [String: [String: String]])?["provider_settlement_cny"] == ["prov-2": "96.00", "prov-9": "1664.00"])
        #expect((object["events"] as? [String: Int]) == ["accepted": 33, "refused": 2])
        #expect(result.err == """
            docs/examples/ledgers/anqing-people.jsonl:5: refused: scheduled `monthly_vouchers`: the person's facts cannot be read: invalid facts: `ability_level`: is 7, above the largest allowed value 4 (allowed: 0 to 4)
            docs/examples/ledgers/anqing-monthly-spends.jsonl:3: refused: 服务券余额不足：v3 has 0.00 in `voucher_hours`, the event needs 2.00

            """)
        let alone = try CommandRunner.run(["ledger", "policies/anqing.yaml", "--people", "docs/examples/ledgers/anqing-people.jsonl", "--issue-monthly", "2025-03"])
        #expect(alone.status == 0, "\(alone.err)")
        let balances = try #require(try JSONSerialization.jsonObject(with: Data(alone.out.utf8)) as? [String: Any])["balances"] as? [String: [String: String]]
        #expect(balances?["voucher_hours"] == ["v1": "20.00", "v2": "10.00"])
        let unpaired = try CommandRunner.run(["ledger", "policies/anqing.yaml", "--issue-monthly", "2025-01..2025-12"])
        #expect(unpaired.status == 64)
        #expect(unpaired.err.contains("--people and --issue-monthly go together"))
        let badMonths = try CommandRunner.run(["ledger", "policies/anqing.yaml", "--people", "docs/examples/ledgers/anqing-people.jsonl", "--issue-monthly", "2025-12..2025-01"])
        #expect(badMonths.status == 64)
        #expect(badMonths.err.contains("--issue-monthly `2025-12..2025-01` is not a range of months; write YYYY-MM..YYYY-MM, e.g. 2025-01..2025-12"))
    }

    @Test func ledgerOnAPolicyWithoutOneFailsClearly() throws {
        let file = try temporary("events.jsonl", "")
        let result = try CommandRunner.run(["ledger", "Tests/Fixtures/good_timeline/policy.yaml", "--events", file])
        #expect(result.status == 1)
        #expect(result.err.contains("has no `ledger:` section"))
    }

    @Test func approvalSaysTheNextStepAndRefusesOneOutOfOrder() throws {
        let file = try temporary("history.jsonl", #"{"step":"submitted","date":"2026-01-05"}"# + "\n" + #"{"step":"district_approved","date":"2026-01-06"}"#)
        let result = try CommandRunner.run(["approval", "policies/anqing.yaml", "--history", file])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["state"] as? String == "submitted")
        #expect((object["next"] as? [String: String])?["actor"] == "社区")
        #expect(result.err.contains("history.jsonl:2: refused: step `district_approved` cannot come now"))
    }

    @Test func allocateGivesPlacesByPriority() throws {
        let people = [
            SamplePerson.json(["id": "x", "birth_date": "1940-01-01", "residence": "rural", "subsistence": "dibao", "ability_level": 3]),
            SamplePerson.json(["id": "y", "birth_date": "1950-01-01", "residence": "rural", "subsistence": "tekun", "ability_level": 4]),
            SamplePerson.json(["id": "z", "birth_date": "1950-01-01", "residence": "rural", "subsistence": "none", "ability_level": 4]),
        ].joined(separator: "\n")
        let file = try temporary("people.jsonl", people)
        let result = try CommandRunner.run(["allocate", "policies/rural-pilot.yaml", "--program", "smart_bracelet", "--population", file,
                                            "--places", "1", "--as-of", "2026-06-01"])
        #expect(result.status == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["eligible"] as? Int == 2)
        #expect(object["without_place"] as? Int == 1)
        #expect((object["allocated"] as? [[String: Any]])?.map { $0["id"] as? String } == ["y"])
    }
}

/// A file with `text` in a new temporary directory.
func temporary(_ name: String, _ text: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepolicy-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
