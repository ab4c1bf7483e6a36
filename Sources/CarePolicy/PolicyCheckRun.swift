import PolicyModel
import PolicyAnalysis
import PolicyRuntime

/// Several policy files checked together, as `carepolicy check` checks a folder: each
/// file's outcome, with the problems said about the file that is wrong.
///
/// - An error inside a file that several checked files include or extend (a shared
///   vocabulary, the base of variants) is given once, at its own place, with the list of
///   the checked files it affects — not once per file that reads it.
/// - A declaration of a shared file is called unused only when every policy that reads
///   the file was checked: a policy refused for an error reads nothing, so nothing it
///   includes is reported unused on its account.
///
/// ```swift
/// let run = PolicyCheckRun(files: PolicyFiles.policyFiles(under: "policies"))
/// for outcome in run.outcomes { … }
/// ```
public struct PolicyCheckRun: Sendable {
    /// What checking one file gave.
    public enum Outcome: Sendable {
        /// The policy, its warnings and the findings to show for it.
        case checked(LoadedPolicy, findings: [PolicyFinding])
        /// The file's errors not already given for an earlier file (possibly none).
        case refused(DiagnosticList)
    }

    /// Each file with its outcome, in the order given.
    public let outcomes: [(file: String, outcome: Outcome)]
    /// Unused declarations of shared files, judged across the policies checked.
    public let sharedFindings: [PolicyFinding]
    /// The text of every file read, to render diagnostics with their lines.
    public let sources: [String: String]

    public var refusedCount: Int {
        outcomes.count { if case .refused = $0.outcome { return true } else { return false } }
    }

    public init(files: [String], asOf date: CivilDate? = nil, engine: EvaluationEngine = .flat) {
        var loaded: [(file: String, result: Result<LoadedPolicy, PolicyLoadError>)] = []
        var sources: [String: String] = [:]
        for file in files {
            do {
                let policy = try LoadedPolicy.load(path: file, engine: engine)
                sources.merge(policy.sources) { first, _ in first }
                loaded.append((file, .success(policy)))
            } catch {
                sources.merge(error.sources) { first, _ in first }
                loaded.append((file, .failure(error)))
            }
        }
        // Every file a refused policy read: what it reads there is not known.
        var unknownReads = Set<String>()
        for case (let file, .failure(let error)) in loaded {
            unknownReads.insert(file)
            unknownReads.formUnion(error.sources.keys)
        }
        let grouped = SharedProblems.grouped(loaded.compactMap { entry in
            if case .failure(let error) = entry.result { return (entry.file, error.diagnostics.all) } else { return nil }
        })
        var shared = SharedDeclarations()
        var outcomes: [(file: String, outcome: Outcome)] = []
        for (file, result) in loaded {
            switch result {
            case .success(let policy):
                outcomes.append((file, .checked(policy, findings: shared.record(policy.findings(asOf: date), of: policy.checked))))
            case .failure:
                outcomes.append((file, .refused(DiagnosticList(grouped[file] ?? []))))
            }
        }
        self.outcomes = outcomes
        sharedFindings = shared.unusedEverywhere(policyCount: loaded.count).filter { finding in
            !(finding.diagnostic.span.map { unknownReads.contains($0.file) } ?? false)
        }
        self.sources = sources
    }
}

/// The errors of several refused files with each problem once: one located in another
/// file than the one refused (an included or extended file) goes with the first file it
/// refuses and names all the files it affects.
package enum SharedProblems {
    package static func grouped(_ failures: [(file: String, diagnostics: [Diagnostic])]) -> [String: [Diagnostic]] {
        var affected: [Diagnostic: [String]] = [:]
        for (file, diagnostics) in failures {
            for diagnostic in diagnostics where diagnostic.span.map({ $0.file != file }) ?? false {
                if affected[diagnostic]?.contains(file) != true { affected[diagnostic, default: []].append(file) }
            }
        }
        var shown = Set<Diagnostic>()
        var result: [String: [Diagnostic]] = [:]
        for (file, diagnostics) in failures {
            var kept: [Diagnostic] = []
            for diagnostic in diagnostics where shown.insert(diagnostic).inserted {
                var copy = diagnostic
                copy.affectedFiles = affected[diagnostic] ?? []
                kept.append(copy)
            }
            result[file] = kept
        }
        return result
    }
}
