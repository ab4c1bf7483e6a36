import Foundation
import PolicyModel
import Testing
import TestSupport

/// The small things a new user tripped over (issue 13, item 7), each run against the built binary.
@Suite(.serialized) struct SmallThingsTests {
    @Test func evalHelpListsEveryEngine() throws {
        let help = try CommandRunner.run(["eval", "--help"])
        #expect(help.status == 0)
        let engine = help.out.components(separatedBy: "--engine <engine>").last ?? ""
        #expect(engine.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
            .contains("flat (default): the flat machine, the trees where it cannot; tree: the decision trees; reference: the rule-by-rule reference interpreter. (values: flat, tree, reference; default: flat)"))
    }

    @Test func serveHelpStatesTheParallelismDefaultOnce() throws {
        let help = try CommandRunner.run(["serve", "--help"])
        let flat = help.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("--batch-parallelism <batch-parallelism> Tasks that share one evaluate-batch request (default: the number of cores). --serve-variants"))
        #expect(!flat.contains("(default: the number of cores). (default:"))
        #expect(flat.contains("--serve-variants Also evaluate the what-if variants under variants/"))
    }

    /// An error found while a subcommand runs shows that subcommand's usage, not the top-level list.
    @Test func aRunTimeArgumentErrorShowsTheSubcommandsUsage() throws {
        let result = try CommandRunner.run(["tree", "policies/anqing.yaml", "--decision", "service_teir"])
        #expect(result.status == 64)
        #expect(result.err == """
            Error: no decision `service_teir` in policies/anqing.yaml; did you mean `service_tier`?
            Usage: carepolicy tree [--lang <lang>] <policy> [--decision <decision>] [--format <format>] [--as-of <as-of>]
              See 'carepolicy tree --help' for more information.

            """)
        let parse = try CommandRunner.run(["eval", "policies/anqing.yaml"])
        #expect(parse.status == 64)
        #expect(parse.err.contains("Usage: carepolicy eval [--lang <lang>] <policy> --facts <facts>"))
        #expect(!parse.err.contains("<subcommand>"))
    }

    /// Progress lines go to a terminal, or with --progress; a pipe (as here) gets none.
    @Test func verifyPrintsProgressOnlyOnATerminalOrWhenAsked() throws {
        let arguments = ["verify", "Tests/Fixtures/tree_shapes/policy.yaml", "--count", "100000"]
        let piped = try CommandRunner.run(arguments)
        #expect(piped.status == 0)
        #expect(piped.err == "")
        #expect(piped.out.hasPrefix("Tests/Fixtures/tree_shapes/policy.yaml: 100000 persons, 0 disagreements"))
        let asked = try CommandRunner.run(arguments + ["--progress"])
        #expect(asked.err.split(separator: "\n").first == "Tests/Fixtures/tree_shapes/policy.yaml: 10000 of 100000 persons checked")
        #expect(asked.err.split(separator: "\n").count == 10)
    }

    /// Without events, the report is as of today, and a check's threshold is computed on that day.
    @Test func aLedgerWithoutEventsHasARealDateAndThreshold() throws {
        let empty = try temporary("empty.jsonl", "")
        let result = try CommandRunner.run(["ledger", "policies/dongxihu.yaml", "--events", empty])
        #expect(result.status == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["as_of"] as? String == CivilDate.today().description)
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.map { $0["at_least"] as? Int } == [5])
    }

    /// A record that is not JSON: its line and column, in the error row and in the summary.
    @Test func aBadJSONLinesRecordHasItsLineAndColumn() throws {
        let input = try temporary("people.jsonl", #"""
            {"id": "b", "birth_date": 1950-01-01}
            {"id":"c"

            """#)
        let result = try CommandRunner.run(["batch", "policies/dongxihu.yaml", "--input", input, "--as-of", "2026-06-01", "--out", "-"])
        #expect(result.status == 1)
        #expect(result.out == """
            {"line":1,"column":31,"error":"invalid facts: `(record)`: not valid JSON at column 31: expected `,` or `}` in an object","problems":[{"field":"(record)","message":"not valid JSON at column 31: expected `,` or `}` in an object"}]}
            {"line":2,"column":10,"error":"invalid facts: `(record)`: not valid JSON at column 10: expected `,` or `}` in an object","problems":[{"field":"(record)","message":"not valid JSON at column 10: expected `,` or `}` in an object"}]}

            """)
        #expect(result.err.contains("\(input):1:31: error: invalid facts: `(record)`: not valid JSON at column 31"))
        #expect(result.err.contains("\(input):2:10: error: invalid facts: `(record)`: not valid JSON at column 10"))
    }
}
