import Foundation
import Testing
import TestSupport

/// `population`, `batch` and `whatif` run as the built binary.
@Suite(.serialized) struct ScaleCommandTests {
    static let fixture = "Tests/Fixtures/whatif_small/"

    func directory() -> String {
        let path = NSTemporaryDirectory() + "carepolicy-cli-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func populationIsDeterministic() throws {
        let first = try CommandRunner.run(["population", "--size", "3", "--seed", "7", "--out", "-"])
        let second = try CommandRunner.run(["population", "--size", "3", "--seed", "7", "--out", "-"])
        #expect(first.status == 0)
        #expect(first.out == second.out)
        let lines = first.out.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("id,birth_date,hukou_local,residence,"))
        #expect(lines[1].hasPrefix("P00000001,"))
        #expect(lines[3].hasPrefix("P00000003,"))
    }

    @Test func populationDrawsAsTheDescriptionNamedSays() throws {
        let tiny = try CommandRunner.run(["population", "--size", "6", "--seed", "42", "--out", "-",
                                          "--description", "Tests/Fixtures/population_tiny/population.yaml"])
        #expect(tiny.status == 0, "\(tiny.err)")
        #expect(tiny.out == (try String(contentsOfFile: FixturePaths.fixture("population_tiny", "expected.csv"), encoding: .utf8)))
        let broken = try CommandRunner.run(["population", "--size", "6", "--out", "-",
                                            "--description", "Tests/Fixtures/errors_population_vocabulary/population.yaml"])
        #expect(broken.status == 1)
        #expect(broken.out.isEmpty)
        #expect(broken.err == """
            Tests/Fixtures/errors_population_vocabulary/population.yaml:1:13: 错误：找不到文件 `Tests/Fixtures/errors_population_vocabulary/persons.yaml`
               | vocabulary: persons.yaml
               |             ^^^^^^^^^^^^
               = 建议：路径是相对于写出它的那个文件的

            """)
    }

    @Test func batchWritesOneResultPerRecordAndASummary() throws {
        let result = try CommandRunner.run(["batch", "policies/anqing.yaml", "--input", Self.fixture + "population.csv", "--as-of", "2026-06-01",
                                            "--out", "-", "--workers", "2"])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines[2] == #"{"id":"A3","decisions":{"service_tier":"free","volunteer_priority":true,"gov_purchase_eligible":true,"monthly_hours":20,"monthly_subsidy_cny":"160.00","required_documents":["application_form_x3","photo_2inch_x3","hukou_book","id_card","dibao_certificate"]}}"#)
        #expect(result.err.hasPrefix(Self.fixture + "population.csv: 8 records, 8 evaluated, 0 failed; "))
        #expect(!result.err.contains("\r"), "no progress bar when standard error is not a terminal")
    }

    @Test func batchReportsBadRowsAndFails() throws {
        let out = directory() + "/out.csv"
        let result = try CommandRunner.run(["batch", "policies/anqing.yaml", "--input", Self.fixture + "malformed.csv", "--as-of", "2026-06-01", "--out", out])
        #expect(result.status == 1)
        #expect(result.err.contains("malformed.csv: 6 records, 3 evaluated, 3 failed;"))
        #expect(result.err.contains(Self.fixture + "malformed.csv:4: error: `B1`: invalid facts: `ability_level`: is 7, above the largest allowed value 4 (allowed: 0 to 4)"))
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 7)
        #expect(rows[3] == "B1,,,,,,,\"line 4: invalid facts: `ability_level`: is 7, above the largest allowed value 4 (allowed: 0 to 4)\"")
    }

    @Test func batchRefusesAnUnknownColumnAndABadOverride() throws {
        let unknown = try CommandRunner.run(["batch", "policies/anqing.yaml", "--input", Self.fixture + "unknown_column.csv", "--as-of", "2026-06-01", "--out", "-"])
        #expect(unknown.status == 1)
        #expect(unknown.err.hasPrefix("error: " + Self.fixture + "unknown_column.csv:1: unknown column `pension_cny` (column 22)"))
        let override = try CommandRunner.run(["batch", "policies/anqing.yaml", "--input", Self.fixture + "population.csv", "--as-of", "2026-06-01",
                                              "--out", "-", "--set", "hourly_rate_cny=abc"])
        #expect(override.status == 1)
        #expect(override.err == "error: `--set hourly_rate_cny=abc`: `hourly_rate_cny` is a parameter of type decimal; expected a decimal amount such as \"12.00\", found \"abc\"\n")
        let set = try CommandRunner.run(["batch", "policies/anqing.yaml", "--input", Self.fixture + "population.csv", "--as-of", "2026-06-01",
                                         "--out", "-", "--set", "hourly_rate_cny=9.50"])
        #expect(set.status == 0)
        #expect(set.out.split(separator: "\n")[2].contains(#""monthly_subsidy_cny":"190.00""#))
    }

    @Test func whatifWritesTheReport() throws {
        let report = directory()
        let result = try CommandRunner.run(["whatif", "policies/anqing.yaml", "policies/variants/anqing-gov-purchase-tekun.yaml",
                                            "--input", Self.fixture + "population.csv", "--as-of", "2026-06-01", "--by", "subsistence", "--report", report])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines[0] == "anqing-gov-purchase-tekun 2026.1-whatif-tekun vs anqing 2026.1, as of 2026-06-01")
        #expect(lines[1] == "8 records, 8 evaluated, 0 failed; 3 persons changed")
        #expect(lines.contains("  gov_purchase_eligible: 3 changed"))
        #expect(lines.contains("    false → true: 3"))
        #expect(lines.contains("  monthly_subsidy_cny: 2 changed; total 240.00 → 480.00 (+240.00), yearly +2880.00"))
        for file in ["summary.json", "report.html", "changed.csv"] {
            #expect(FileManager.default.fileExists(atPath: report + "/" + file), "\(file)")
        }
    }

    @Test func whatifRefusesAPolicyThatIsNotAVariant() throws {
        let result = try CommandRunner.run(["whatif", "policies/anqing.yaml", "policies/dongxihu.yaml", "--input", Self.fixture + "population.csv",
                                            "--as-of", "2026-06-01", "--report", directory()])
        #expect(result.status == 1)
        #expect(result.err == "error: `policies/dongxihu.yaml` (policy `dongxihu`) is not a variant of `policies/anqing.yaml` (policy `anqing`): it extends no policy; a variant starts with `extends: <path to anqing.yaml>`, or use the baseline itself with --set name=value\n")
    }

    @Test func whatifWithOverridesOnTheBaselineItself() throws {
        let result = try CommandRunner.run(["whatif", "policies/anqing.yaml", "policies/anqing.yaml", "--set", "hourly_rate_cny=10.00@2026-01-01",
                                            "--input", Self.fixture + "population.csv", "--as-of", "2026-06-01", "--report", directory()])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("  monthly_subsidy_cny: 2 changed; total 240.00 → 300.00 (+60.00), yearly +720.00"))
    }
}
