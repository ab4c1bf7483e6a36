import Foundation

/// Where the shared fixtures live, found from this file's path so tests run from any directory.
public enum FixturePaths {
    public static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
    public static let fixtures = testsDirectory + "/Fixtures"
    public static let packageRoot = URL(fileURLWithPath: testsDirectory).deletingLastPathComponent().path

    /// A fixture file's path.
    public static func fixture(_ name: String, _ file: String = "policy.yaml") -> String { fixtures + "/" + name + "/" + file }

    /// Rendered diagnostics with the machine-specific fixture directory replaced by `Fixtures`.
    public static func portable(_ text: String) -> String { text.replacingOccurrences(of: fixtures, with: "Fixtures") }
}
