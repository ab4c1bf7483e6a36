import Foundation
import Testing
import TestSupport

/// The `carepolicy` commands as a policy officer and a scripting tester use them.
@Suite(.serialized) struct CLITests {
    static let person = SamplePerson.json(["birth_date": "1926-06-01", "id": "p-100"])

    @Test func checkAcceptsTheDistrictPolicies() throws {
        let result = try CommandRunner.run(["check"])
        #expect(result.status == 0)
        #expect(result.out.contains("policies/anqing.yaml: ok (anqing 2026.1, 6 decisions)"))
        #expect(result.out.hasSuffix("checked 6 policies: 6 ok, 0 with errors, 0 warnings\n"))
    }

    @Test func checkReportsLocatedErrorsAndFails() throws {
        let result = try CommandRunner.run(["check", "Tests/Fixtures/errors_unknown_fact/policy.yaml"])
        #expect(result.status == 1)
        #expect(result.out.contains("Tests/Fixtures/errors_unknown_fact/policy.yaml:7:15: error: unknown name `abilty_level`"))
        #expect(result.out.contains("= help: did you mean `ability_level`?"))
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
        #expect(result.out == "policies/rural-pilot.yaml: 500 persons, 0 disagreements, 0 evaluated to a fault in both (seed 9)\n")
    }

    @Test func aMissingFileIsAnErrorNotACrash() throws {
        let result = try CommandRunner.run(["eval", "policies/nowhere.yaml", "--facts", "-"], input: "{}")
        #expect(result.status == 1)
        #expect((result.out + result.err).contains("policies/nowhere.yaml"))
    }

    func temporary(_ name: String, _ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepolicy-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
