import CarePolicy
import Foundation

/// A fresh temporary folder laid out like `policies/` (a copy of `common/person.yaml`,
/// and of the district files asked for), for tests that write policies of their own:
/// generated, broken, or reaching for files around them.
public struct PolicyFolder {
    /// The folder that holds everything, the policy directory's parent.
    public let root: String
    /// The policy directory: `root/policies`.
    public let policies: String

    public init(copying districts: [String] = []) throws {
        root = ScaleTestFiles.temporaryDirectory()
        policies = root + "/policies"
        try FileManager.default.createDirectory(atPath: policies + "/common", withIntermediateDirectories: true)
        for file in ["common/person.yaml"] + districts {
            try FileManager.default.copyItem(atPath: ScaleTestFiles.policy(file), toPath: policies + "/" + file)
        }
    }

    /// Writes `text` to `path` (relative to `policies`, or absolute) and returns the full path.
    @discardableResult
    public func write(_ path: String, _ text: String) throws -> String {
        let full = path.hasPrefix("/") ? path : policies + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: false, encoding: .utf8)
        return full
    }

    /// Writes raw bytes to `path` (relative to `policies`) and returns the full path.
    @discardableResult
    public func write(_ path: String, bytes: [UInt8]) throws -> String {
        let full = policies + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// A symbolic link at `path` (relative to `policies`) pointing to `target`.
    public func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: policies + "/" + path, withDestinationPath: target)
    }

    /// A minimal policy including the shared facts, with `extra` lines after its header.
    public static func policy(_ extra: String, decisions: String = "decisions:\n  d:\n    type: bool\n    value: \"true\"\n") -> String {
        "policy: {id: p, title: 测试, version: \"1\"}\ninclude:\n  - common/person.yaml\n" + extra + decisions
    }

    public func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// The load error of the policy at `path`, or nil when it loads (`try #require` it).
public func loadRefusal(_ path: String, policyDirectory: String? = nil) -> PolicyLoadError? {
    do {
        _ = try LoadedPolicy.load(path: path, policyDirectory: policyDirectory)
        return nil
    } catch {
        return error
    }
}
