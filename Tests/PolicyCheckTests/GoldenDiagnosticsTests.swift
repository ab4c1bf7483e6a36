import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicyCheck
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Each broken fixture is refused with exactly the diagnostics in its `expected.txt`:
/// location, source line, caret and help, as a policy officer sees them.
@Suite struct GoldenDiagnosticsTests {
    static let cases = [
        "errors_unknown_fact", "errors_type_mismatch", "errors_unknown_enum_value", "errors_missing_reason",
        "errors_else_not_last", "errors_cycle", "errors_apportion_unproven", "errors_duplicate_name",
        "errors_missing_include", "errors_unknown_field", "errors_alias_bomb", "errors_unique_overlap", "errors_apportion_order", "errors_ledger", "errors_ledger_syntax", "errors_compliance", "errors_compliance_syntax", "errors_bad_date",
    ]

    @Test(arguments: cases)
    func brokenPolicyIsRefusedWithExactDiagnostics(_ name: String) throws {
        let updating = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        do {
            _ = try LoadedPolicy.load(path: FixturePaths.fixture(name))
            Issue.record("\(name) was accepted")
        } catch {
            let rendered = FixturePaths.portable(error.rendered) + "\n"
            if updating {
                try rendered.write(toFile: FixturePaths.fixture(name, "expected.txt"), atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOfFile: FixturePaths.fixture(name, "expected.txt"), encoding: .utf8)
            #expect(rendered == expected)
        }
    }

    @Test func everyDiagnosticHasALocation() throws {
        for name in Self.cases {
            do {
                _ = try LoadedPolicy.load(path: FixturePaths.fixture(name))
            } catch {
                for diagnostic in error.diagnostics.all {
                    #expect(diagnostic.span != nil, "\(name): \(diagnostic)")
                }
            }
        }
    }
}
