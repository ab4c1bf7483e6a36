import Foundation

/// Paths for the population, batch and what-if tests: the hand-worked fixture, and a
/// fresh temporary directory per test for outputs.
public enum ScaleTestFiles {
    public static func fixture(_ name: String) -> String { FixturePaths.fixture("whatif_small", name) }
    public static func policy(_ path: String) -> String { FixturePaths.packageRoot + "/policies/" + path }
    /// The shared population description, `policies/common/population.yaml`.
    public static var population: String { policy("common/population.yaml") }

    public static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "carepolicy-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    public static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing \(path)>"
    }
}
