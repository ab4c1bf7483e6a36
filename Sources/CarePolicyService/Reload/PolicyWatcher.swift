import ServiceLifecycle
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// Polls the policy directory every `interval` and reloads when a policy text changed.
/// Runs as a service beside the HTTP server and stops on graceful shutdown.
struct PolicyWatcher: Service {
    let reloader: PolicyReloader
    let interval: Duration

    func run() async throws {
        // A cancelled sleep ends the loop: shutdown needs nothing else from the watcher.
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: interval)
                await reloader.reloadIfChanged()
            }
        }
    }
}
