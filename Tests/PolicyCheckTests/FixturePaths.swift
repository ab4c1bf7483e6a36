import Foundation

/// Where the shared fixtures live, found from this file's path so tests run from any directory.
enum FixturePaths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = testsDirectory + "/Fixtures"
    static let packageRoot = URL(fileURLWithPath: testsDirectory).deletingLastPathComponent().path

    /// A fixture file's path.
    static func fixture(_ name: String, _ file: String = "policy.yaml") -> String { fixtures + "/" + name + "/" + file }

    /// Rendered diagnostics with the machine-specific fixture directory replaced by `Fixtures`.
    static func portable(_ text: String) -> String { text.replacingOccurrences(of: fixtures, with: "Fixtures") }
}
