import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport

/// The built `carepolicy serve` running as a child process on a free port. Its standard
/// output is read for as long as it runs (see `PipeDrain`), so however much it logs it
/// never blocks on a full pipe.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let output = Pipe()
    private let printed: PipeDrain

    /// Starts `carepolicy serve --port 0 …` and waits (at most 60 seconds) for the line that names the port.
    init(arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: ChildProcess.carepolicy)
        process.arguments = ["serve", "--port", "0"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        printed = PipeDrain(output.fileHandleForReading)
        let deadline = Date().addingTimeInterval(60)
        var found: Int?
        var seen = ""
        while found == nil, Date() < deadline {
            seen = String(decoding: printed.current, as: UTF8.self)
            if let range = seen.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                found = Int(seen[range].split(separator: ":").last ?? "")
            } else if !process.isRunning {
                break
            } else {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        guard let found else {
            if process.isRunning { process.terminate() }
            throw ServerProcessError(message: "the server did not report its port; it printed: \(String(decoding: printed.current, as: UTF8.self))")
        }
        port = found
    }

    func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the process to end; its exit status, or nil after `seconds`.
    func exitStatus(seconds: Double = 30) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

struct ServerProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
