import ArgumentParser
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// Applies `--set name=value` options to a loaded policy, or prints the problem and exits with 1.
func applyOverrides(_ arguments: [String], to policy: LoadedPolicy) throws -> LoadedPolicy {
    do {
        return try policy.overriding(arguments.map { argument throws(OverrideError) in try ParameterOverride(argument) })
    } catch {
        Output.err("error: \(error)")
        throw ExitCode(1)
    }
}
