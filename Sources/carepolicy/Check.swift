import ArgumentParser
import CarePolicy

/// `carepolicy check [PATH…]`: parse, type-check and compile policies; report every problem.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse, type-check and compile policy files; print `file:line:col: error: …` for each problem.",
        discussion: "With no path, checks every policy under `policies/`. Exits 1 when any policy has an error.")

    @Argument(help: "Policy files or directories (default: policies/).")
    var paths: [String] = []

    @Flag(name: .customLong("brief"), help: "One line per problem, without the source excerpt.")
    var brief = false

    func run() throws {
        let files = (paths.isEmpty ? ["policies"] : paths).flatMap(PolicyFiles.policyFiles(under:))
        if files.isEmpty {
            Output.err("error: no policy files found in \((paths.isEmpty ? ["policies"] : paths).joined(separator: ", "))")
            throw ExitCode(1)
        }
        var failed = 0
        var warnings = 0
        for file in files {
            do {
                let policy = try LoadedPolicy.load(path: file)
                let renderer = DiagnosticRenderer(sources: policy.sources)
                for warning in policy.warnings {
                    Output.out(brief ? warning.description : renderer.render(warning))
                }
                warnings += policy.warnings.count
                let decisions = policy.checked.decisions.count
                Output.out("\(file): ok (\(policy.metadata.id) \(policy.metadata.version), \(decisions) decisions)")
            } catch {
                failed += 1
                Output.out(brief ? error.diagnostics.description : error.rendered)
            }
        }
        Output.out("checked \(files.count) \(files.count == 1 ? "policy" : "policies"): \(files.count - failed) ok, \(failed) with errors, \(warnings) warnings")
        if failed > 0 { throw ExitCode(1) }
    }
}
