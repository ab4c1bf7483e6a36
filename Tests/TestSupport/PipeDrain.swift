import Foundation

/// Reads a pipe to its end on a thread of its own. A child process that fills one pipe
/// (64 KiB on Linux) blocks until someone reads it; reading standard output and standard
/// error each on its own thread means it never waits on the one nobody is reading.
public final class PipeDrain: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let finished = DispatchSemaphore(value: 0)

    /// Starts reading `handle` at once.
    public init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
            }
            finished.signal()
        }
        thread.start()
    }

    /// What has been read so far.
    public var current: Data { lock.withLock { data } }

    /// Everything written, once the writer has closed the pipe.
    public func all() -> Data {
        finished.wait()
        finished.signal()
        return current
    }
}
