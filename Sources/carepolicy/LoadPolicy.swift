import ArgumentParser
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// Loads a policy for a command, or prints its located diagnostics and exits with 1.
func loadPolicyOrExit(_ path: String, engine: EvaluationEngine = .flat, language: Language) throws -> LoadedPolicy {
    do {
        return try LoadedPolicy.load(path: path, engine: engine)
    } catch {
        Output.err(error.rendered(language))
        throw ExitCode(1)
    }
}
