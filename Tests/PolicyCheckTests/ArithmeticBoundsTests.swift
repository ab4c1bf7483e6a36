import CarePolicy
import Foundation
import PolicyModel
import PolicyRuntime
import Testing
import TestSupport

/// A parameter or number at the edge of 64-bit integers is refused by `check` where the
/// policy's arithmetic cannot compute with it for some valid person, instead of passing
/// and then failing every evaluation; where nothing computes with it, it is fine.
@Suite("Arithmetic bounds")
struct ArithmeticBoundsTests {
    static let help = "a parameter or number it uses is too large for exact arithmetic (18 digits in all); use a smaller figure, or declare `max:` on the facts it reads"

    static func variant(_ parameters: String, in folder: PolicyFolder) throws -> String {
        try folder.write("variants/edge.yaml", """
            extends: ../anqing.yaml
            policy: {id: edge, title: 边界, version: "1", effective_from: 2019-01-01}
            parameters:
            \(parameters)
            """)
    }

    @Test("a parameter whose product cannot be computed is refused at the formula", arguments: [
        ("  free_monthly_hours:\n    value: 9223372036854775807\n", "9223372036854775807 × 8.00"),
        ("  hourly_rate_cny:\n    timeline:\n      - {from: 2019-01-01, value: 8.00}\n      - {from: 2026-01-01, value: 922337203685477580.7}\n", "20 × 922337203685477580.7"),
        ("  low_cost_monthly_hours:\n    value: -9223372036854775808\n", "-9223372036854775808 × 8.00"),
    ])
    func refused(_ parameters: String, _ reach: String) throws {
        let folder = try PolicyFolder(copying: ["anqing.yaml"])
        defer { folder.remove() }
        let path = try Self.variant(parameters, in: folder)
        let error = try #require(loadRefusal(path))
        #expect(error.diagnostics.en == [.error(
            "`monthly_hours × hourly_rate_cny` in the value of `monthly_subsidy_cny` can be too large to compute exactly: with the parameters' values and the facts' declared ranges, it can reach \(reach)",
            at: SourceSpan(file: folder.policies + "/anqing.yaml", line: 159, column: 12, length: 31), help: Self.help)])
    }

    @Test("a number written in an expression is held to the same bound")
    func literal() throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        let path = try folder.write("p.yaml", PolicyFolder.policy("", decisions: "decisions:\n  big:\n    type: integer\n    value: ability_level + 9223372036854775806\n    reason: 测试\n"))
        let error = try #require(loadRefusal(path))
        #expect(error.diagnostics.all.map { $0.text(.en) } == [
            "`ability_level + 9223372036854775806` in the value of `big` can be too large to compute exactly: with the parameters' values and the facts' declared ranges, it can reach 4 + 9223372036854775806",
        ])
    }

    @Test("a threshold at the edge of 64 bits that is only compared with passes, and every person evaluates")
    func comparedOnly() throws {
        let folder = try PolicyFolder(copying: ["anqing.yaml"])
        defer { folder.remove() }
        let path = try Self.variant("  minimum_age:\n    value: 9223372036854775807\n", in: folder)
        let persons = try String(contentsOfFile: FixturePaths.packageRoot + "/docs/examples/persons.jsonl", encoding: .utf8).split(separator: "\n")
        for engine in [EvaluationEngine.flat, .tree] {
            let policy = try LoadedPolicy.load(path: path, engine: engine)
            for person in persons {
                let evaluation = try policy.evaluate(json: String(person), on: CivilDate("2026-06-01")!)
                #expect(policy.json(of: "service_tier", in: evaluation) == "\"not_eligible\"")
            }
        }
    }
}
