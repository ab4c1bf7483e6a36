import ArgumentParser
import CarePolicy

/// Loads a policy for a command, or prints its located diagnostics and exits with 1.
func loadPolicyOrExit(_ path: String) throws -> LoadedPolicy {
    do {
        return try LoadedPolicy.load(path: path)
    } catch {
        Output.err(error.rendered)
        throw ExitCode(1)
    }
}
