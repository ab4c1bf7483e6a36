import Foundation

/// Runs a program to its end and captures what it prints. Standard output and standard
/// error are read at the same time, and the input written on a thread of its own, so a
/// program printing more than a pipe holds (to either stream) never hangs the test.
public enum ChildProcess {
    /// How the program ended and everything it printed.
    public struct Result: Sendable {
        public let status: Int32
        public let out: Data
        public let err: Data
    }

    /// The built `carepolicy` next to the test bundle (SwiftPM builds it first: the tests depend on it).
    public static let carepolicy: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("carepolicy").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return FixturePaths.packageRoot + "/.build/debug/carepolicy"
    }()

    /// Runs `executable`; `environment` is added to this process's own, without `CAREPOLICY_LANG`
    /// unless given, so a test sees the default language whatever the shell says.
    public static func run(_ executable: String, _ arguments: [String], input: Data? = nil, directory: String? = nil,
                           environment: [String: String] = [:]) throws -> Result {
        // A program that exits without reading its input must not kill the test runner with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment
        inherited["CAREPOLICY_LANG"] = nil
        process.environment = inherited.merging(environment) { _, given in given }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        let outDrain = PipeDrain(out.fileHandleForReading), errDrain = PipeDrain(err.fileHandleForReading)
        let writer = stdin.fileHandleForWriting
        Thread {
            if let input { try? writer.write(contentsOf: input) }
            try? writer.close()
        }.start()
        let outData = outDrain.all(), errData = errDrain.all()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, out: outData, err: errData)
    }
}
