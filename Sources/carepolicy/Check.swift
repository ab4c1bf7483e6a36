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

    @OptionGroup var lang: LanguageOption

    @Argument(help: "Policy files or directories (default: policies/).")
    var paths: [String] = []

    @Flag(name: .customLong("brief"), help: "One line per problem, without the source excerpt.")
    var brief = false

    @Flag(name: .customLong("examples"), help: "After each finding with an example person, print all of the person's facts as JSON.")
    var examples = false

    @Option(name: .customLong("as-of"), help: "Analyse only the parameters in force on this date (default: every period the policy is in force).")
    var asOf: String?

    func run() throws {
        let language = lang.language
        let date = try asOf.map { try parseDate($0) }
        let files = (paths.isEmpty ? ["policies"] : paths).flatMap(PolicyFiles.policyFiles(under:))
        if files.isEmpty {
            Output.err(Message.cli(.noPolicyFiles(paths.isEmpty ? ["policies"] : paths)).text(language))
            throw ExitCode(1)
        }
        let run = PolicyCheckRun(files: files, asOf: date)
        var counts = (warnings: 0, notes: 0)
        let renderer = DiagnosticRenderer(sources: run.sources, language: language)
        var shown = Set<String>()
        func show(_ diagnostic: Diagnostic) {
            if brief {
                Output.out(diagnostic.line(language))
                if !diagnostic.affectedFiles.isEmpty { Output.out("   = " + Message.common(.affectedFiles(diagnostic.affectedFiles)).text(language)) }
            } else {
                Output.out(renderer.render(diagnostic))
            }
        }
        func report(_ findings: [PolicyFinding]) {
            // A finding in a shared base file is shown once, not again for each variant of it.
            for finding in findings where shown.insert("\(finding.diagnostic.line(.en)) \(finding.diagnostic.helpText(.en) ?? "")").inserted {
                show(finding.diagnostic)
                if examples, let example = finding.example { Output.out(Message.cli(.example(date: "\(example.date)", json: example.json())).text(language)) }
                if finding.diagnostic.severity == .note { counts.notes += 1 } else { counts.warnings += 1 }
            }
        }
        for (file, outcome) in run.outcomes {
            switch outcome {
            case .checked(let policy, let findings):
                policy.warnings.forEach(show)
                counts.warnings += policy.warnings.count
                report(findings)
                let decisions = policy.checked.decisions.count
                Output.out(Message.cli(.policyOK(file: file, id: policy.metadata.id, version: policy.metadata.version, decisions: decisions)).text(language))
            case .refused(let diagnostics):
                diagnostics.all.forEach(show)
            }
        }
        report(run.sharedFindings)
        let failed = run.refusedCount
        Output.out(Message.cli(.checkSummary(files: files.count, ok: files.count - failed, failed: failed, warnings: counts.warnings, notes: counts.notes)).text(language))
        if failed > 0 { throw ExitCode(1) }
    }
}
