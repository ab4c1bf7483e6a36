import ArgumentParser
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// `carepolicy check [PATH…]`: parse, type-check and compile policies; report every problem.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse, type-check and compile policy files; print `file:line:col: error: …` for each problem.",
        discussion: """
        With no path, checks every policy under `policies/`. Exits 1 when any policy has an error. \
        Warnings (dead rules, gaps, conditions that never change, unused declarations) and notes \
        (rules whose order decides) come from analysing the decision trees; see docs/analysis.md.
        """)

    @Argument(help: "Policy files or directories (default: policies/).")
    var paths: [String] = []

    @Flag(name: .customLong("brief"), help: "One line per problem, without the source excerpt.")
    var brief = false

    @Flag(name: .customLong("examples"), help: "After each finding with an example person, print all of the person's facts as JSON.")
    var examples = false

    @Option(name: .customLong("as-of"), help: "Analyse only the parameters in force on this date (default: every period the policy is in force).")
    var asOf: String?

    func run() throws {
        let date = try asOf.map { try parseDate($0) }
        let files = (paths.isEmpty ? ["policies"] : paths).flatMap(PolicyFiles.policyFiles(under:))
        if files.isEmpty {
            Output.err("error: no policy files found in \((paths.isEmpty ? ["policies"] : paths).joined(separator: ", "))")
            throw ExitCode(1)
        }
        var failed = 0
        var counts = (warnings: 0, notes: 0)
        var shared = SharedDeclarations()
        var renderer = DiagnosticRenderer()
        var shown = Set<String>()
        func report(_ findings: [PolicyFinding]) {
            // A finding in a shared base file is shown once, not again for each variant of it.
            for finding in findings where shown.insert("\(finding.diagnostic) \(finding.diagnostic.help ?? "")").inserted {
                Output.out(brief ? finding.diagnostic.description : renderer.render(finding.diagnostic))
                if examples, let example = finding.example { Output.out("   = example (as of \(example.date)): \(example.json())") }
                if finding.diagnostic.severity == .note { counts.notes += 1 } else { counts.warnings += 1 }
            }
        }
        for file in files {
            do {
                let policy = try LoadedPolicy.load(path: file)
                renderer.sources.merge(policy.sources) { first, _ in first }
                for warning in policy.warnings { Output.out(brief ? warning.description : renderer.render(warning)) }
                counts.warnings += policy.warnings.count
                report(shared.record(policy.findings(asOf: date), of: policy.checked))
                let decisions = policy.checked.decisions.count
                Output.out("\(file): ok (\(policy.metadata.id) \(policy.metadata.version), \(decisions) decisions)")
            } catch {
                failed += 1
                Output.out(brief ? error.diagnostics.description : error.rendered)
            }
        }
        report(shared.unusedEverywhere(policyCount: files.count - failed))
        let notes = counts.notes == 0 ? "" : ", \(counts.notes) \(counts.notes == 1 ? "note" : "notes")"
        Output.out("checked \(files.count) \(files.count == 1 ? "policy" : "policies"): \(files.count - failed) ok, \(failed) with errors, \(counts.warnings) \(counts.warnings == 1 ? "warning" : "warnings")\(notes)")
        if failed > 0 { throw ExitCode(1) }
    }
}
