#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs a program with its standard streams on files and reports how it ended and the
/// most memory it held: its peak resident set (`VmHWM` in `/proc/PID/status`, read every
/// few milliseconds while it runs). Not `wait4`'s `ru_maxrss`: a child started by
/// `posix_spawn` (vfork) is charged the parent's peak too, and the test process is larger
/// than what is measured here.
public enum MeasuredProcess {
    public struct Result: Sendable {
        /// The exit status, when the program exited.
        public let status: Int32?
        /// The signal that ended it, when one did (a trap is SIGILL or SIGTRAP).
        public let signal: Int32?
        /// Peak resident memory, in KiB.
        public let peakKiB: Int
    }

    /// Runs `executable` with `arguments`; standard input from `input` (default
    /// `/dev/null`), standard output and error into the files given.
    public static func run(_ executable: String, _ arguments: [String], input: String = "/dev/null", output: String, errors: String) throws -> Result {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw MeasuredProcessError(message: "cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var peak = 0
        while true {
            peak = max(peak, highWaterKiB(pid))
            let ended = waitpid(pid, &status, WNOHANG)
            if ended == pid { break }
            if ended < 0 && errno != EINTR { throw MeasuredProcessError(message: "waitpid: \(String(cString: strerror(errno)))") }
            usleep(2_000)
        }
        let signal = status & 0x7f
        return Result(status: signal == 0 ? (status >> 8) & 0xff : nil, signal: signal == 0 ? nil : signal, peakKiB: peak)
    }

    /// `VmHWM` of a running process, in KiB (0 once it has ended).
    static func highWaterKiB(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") ?? 0
    }
}

public struct MeasuredProcessError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
