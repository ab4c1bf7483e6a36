import ServiceLifecycle

/// Steps the reloader every `step` (a tenth of a second at most) so that a change is
/// read soon after it is complete: each step hears inotify's events and, when a change
/// is pending or the poll interval has passed, reads the directory. Runs as a service
/// beside the HTTP server and stops on graceful shutdown, even in the middle of a
/// reload (the reloader's waits end on cancellation).
struct PolicyWatcher: Service {
    let reloader: PolicyReloader
    let step: Duration

    init(reloader: PolicyReloader, interval: Duration) {
        self.reloader = reloader
        step = min(interval, .milliseconds(100))
    }

    func run() async throws {
        // A cancelled sleep ends the loop: shutdown needs nothing else from the watcher.
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: step)
                await reloader.tick()
            }
        }
    }
}
