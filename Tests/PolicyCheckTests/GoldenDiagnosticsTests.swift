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

/// Each broken fixture is refused with exactly the diagnostics in its `expected.txt`
/// (Chinese, the default) and `expected.en.txt` (English, `--lang en`): location, source
/// line, caret and help, as a policy officer sees them.
///
/// To record new expectations after a deliberate change to the messages, run
/// `UPDATE_GOLDEN=1 swift test --filter GoldenDiagnosticsTests`: each case writes what it
/// rendered to its `expected.txt` and fails with "Recorded new baseline …", as
/// swift-argument-parser's snapshot helpers do, so a run that rewrites its own
/// expectations never passes. Review the change with `git diff Tests/Fixtures`, then run
/// again without the variable. A fixture without an `expected.txt` is recorded the same way.
@Suite struct GoldenDiagnosticsTests {
    static let cases = [
        "errors_unknown_fact", "errors_type_mismatch", "errors_unknown_enum_value", "errors_missing_reason",
        "errors_else_not_last", "errors_cycle", "errors_apportion_unproven", "errors_duplicate_name",
        "errors_missing_include", "errors_unknown_field", "errors_alias_bomb", "errors_unique_overlap", "errors_apportion_order", "errors_ledger", "errors_ledger_syntax", "errors_ledger_schedule", "errors_compliance", "errors_compliance_syntax", "errors_bad_date",
        "errors_linked_parameters", "errors_linked_parameters_syntax",
    ]

    @Test(arguments: cases, Language.allCases)
    func brokenPolicyIsRefusedWithExactDiagnostics(_ name: String, _ language: Language) throws {
        do {
            _ = try LoadedPolicy.load(path: FixturePaths.fixture(name))
            Issue.record("\(name) was accepted")
        } catch {
            let rendered = FixturePaths.portable(error.rendered(language)) + "\n"
            let path = FixturePaths.fixture(name, language == .en ? "expected.en.txt" : "expected.txt")
            if Self.recording || !FileManager.default.fileExists(atPath: path) {
                try rendered.write(toFile: path, atomically: true, encoding: .utf8)
                Issue.record("Recorded new baseline \(FixturePaths.portable(path)); review it, then run again\(Self.recording ? " without UPDATE_GOLDEN=1" : "")")
                return
            }
            let expected = try String(contentsOfFile: path, encoding: .utf8)
            #expect(rendered == expected)
        }
    }

    /// Whether this run records new expectations (`UPDATE_GOLDEN=1`) instead of checking them.
    static var recording: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

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
