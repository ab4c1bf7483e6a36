import Foundation
import PolicyCheck
import PolicyCompiler
import PolicyModel
import PolicySyntax
import PolicyAnalysis
import RecordFormats
import PolicyRuntime

/// Why a policy could not be loaded: every diagnostic, with the texts to render them.
public struct PolicyLoadError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: DiagnosticList
    public let sources: [String: String]

    package init(diagnostics: DiagnosticList, sources: [String: String]) {
        self.diagnostics = diagnostics
        self.sources = sources
    }

    /// Each diagnostic with its source line, caret and help, in Chinese.
    public var rendered: String { rendered(.standard) }

    /// Each diagnostic with its source line, caret and help, in `language`.
    public func rendered(_ language: Language) -> String { DiagnosticRenderer(sources: sources, language: language).render(diagnostics) }
    public var description: String { diagnostics.description }
}

extension LoadedPolicy {
    /// Reads, checks and compiles the policy file at `path` (and what it includes or extends),
    /// to be evaluated by `engine` (the flat machine, else the trees, by default).
    /// With `refusingOverlaps: false`, a `unique` table whose rules overlap is accepted (for
    /// analysis; evaluating a person both rules match faults). Its includes and `extends`
    /// must stay inside `policyDirectory` (by default the nearest folder at or above the
    /// file's own that holds `common/` or `policies/`; see docs/policy-language.md).
    /// Files in `preread` (by normalized path) are taken from there instead of the disk.
    public static func load(path: String, engine: EvaluationEngine = .flat, refusingOverlaps: Bool = true,
                            policyDirectory: String? = nil, preread: [String: Data] = [:]) throws(PolicyLoadError) -> LoadedPolicy {
        let set: PolicySourceSet
        var loader = PolicyLoader(directory: policyDirectory, preread: preread)
        do {
            set = try loader.load(path: path)
        } catch {
            throw PolicyLoadError(diagnostics: error, sources: loader.texts)
        }
        let sources = set.texts
        do {
            let (checked, warnings) = try PolicyChecker.check(set)
            let compiled = try PolicyCompiler.compile(checked, periodCheck: refusingOverlaps ? { UniqueOverlaps.find(in: $0, trees: $1, parameters: $2, from: $3, until: $4) } : nil)
            return LoadedPolicy(compiled: compiled, warnings: warnings, sources: sources, engine: engine)
        } catch {
            throw PolicyLoadError(diagnostics: error, sources: sources)
        }
    }
}

extension LoadedPolicy {
    /// Every policy under `directory` (as `PolicyFiles.policyFiles(under:)` finds them),
    /// keyed by policy id. Any file with errors fails the whole load, with the
    /// diagnostics of every failing file.
    public static func loadAll(under directory: String, engine: EvaluationEngine = .flat) throws(PolicyLoadError) -> [String: LoadedPolicy] {
        var policies: [String: LoadedPolicy] = [:]
        var diagnostics = DiagnosticList()
        var sources: [String: String] = [:]
        for file in PolicyFiles.policyFiles(under: directory) {
            do {
                let policy = try LoadedPolicy.load(path: file, engine: engine)
                if let other = policies[policy.metadata.id] {
                    diagnostics.append(.error(.check(.policyIDTwice(policy.metadata.id, first: other.metadata.file, second: file)), at: nil, help: .check(.giveOwnID)))
                }
                policies[policy.metadata.id] = policy
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
                sources.merge(error.sources) { first, _ in first }
            }
        }
        if diagnostics.hasErrors { throw PolicyLoadError(diagnostics: diagnostics, sources: sources) }
        return policies
    }
}

/// Finding policy files.
public enum PolicyFiles {
    /// The policy files under `path` (or `path` itself): `.yaml`/`.yml` files with a
    /// top-level `policy:` key, skipping `tests/` folders (policy test files) and
    /// fragments that are only included.
    public static func policyFiles(under path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [path] }
        if !isDirectory.boolValue { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            if relative.split(separator: "/").dropLast().contains("tests") { continue }
            let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
            guard let text = try? String(contentsOfFile: full, encoding: .utf8) else { files.append(full); continue }
            if isPolicy(text) { files.append(full) }
        }
        return files.sorted()
    }

    /// Whether a YAML text is a policy (it has a top-level `policy:` key) rather than a
    /// fragment that is only included.
    package static func isPolicy(_ text: String) -> Bool {
        text.split(separator: "\n").contains { $0.hasPrefix("policy:") }
    }

    /// `a/./b/../c` → `a/c`: the form in which the loader names the files it includes
    /// and extends, so a path found otherwise can be compared with theirs.
    package static func normalized(_ path: String) -> String { PolicyLoader.normalize(path) }

    /// Whether `file` is a what-if variant of the policy directory `directory`: a file
    /// under its `variants/` folder. Variants are compared and simulated, not served as
    /// live policies.
    public static func isVariant(_ file: String, under directory: String) -> Bool {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        guard file.hasPrefix(base) else { return false }
        return file.dropFirst(base.count).split(separator: "/").dropLast().first == "variants"
    }
}
