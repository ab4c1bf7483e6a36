#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyModel

/// The largest record (one line of a records file, one record of a request) the engine
/// reads, and what it says about one that is larger. `eval`, `batch`, `whatif`,
/// `compliance` and the service take it as `--max-record-bytes` (default 1 MiB). A record
/// over it is not kept in memory: it is skipped and gets an error row with its line, and
/// the run goes on.
///
/// ```swift
/// RecordLimit.tooLarge(bytes: 52_428_800, limit: RecordLimit.defaultBytes)
/// // "the record is 52428800 bytes, more than the limit of 1048576 bytes (1 MiB); raise it with --max-record-bytes"
/// ```
package enum RecordLimit {
    /// 1 MiB: a person's facts are a few hundred bytes; a megabyte is a mistake or an attack.
    package static let defaultBytes = 1 << 20

    /// Records above this size are only read when the process could allocate several
    /// times their size (`MemoryHeadroom`), so that a raised limit meets an error row,
    /// not a crash, when memory runs out.
    package static let largeBytes = 16 << 20

    /// How many times a record's size reading and evaluating it may need at most.
    package static let workingFactor = 8

    /// The message of a record over the limit.
    package static func tooLarge(bytes: Int, limit: Int) -> String {
        "the record is \(bytes) bytes, more than the limit of \(limit) bytes (\(describe(limit))); raise it with --max-record-bytes"
    }

    /// The message of a record the process cannot hold in memory.
    package static func outOfMemory(bytes: Int) -> String {
        "the record is \(bytes) bytes, more than this process can hold in memory to read it; lower --max-record-bytes or give the process more memory"
    }

    /// `1 MiB`, `512 KiB`, `100 bytes`.
    package static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

/// Whether the process can still allocate a block of a given size, asked before reading a
/// very large record: Swift traps when an array cannot grow, `malloc` answers NULL.
package enum MemoryHeadroom {
    package static func available(_ bytes: Int) -> Bool {
        guard bytes > 0 else { return true }
        guard let block = malloc(bytes) else { return false }
        free(block)
        return true
    }
}

/// A line kept out of a run of lines: longer than the record limit, or too large for the
/// memory left. It stands in the run's bytes as an empty line, so line numbers stay true.
package struct SkippedLine: Sendable, Equatable {
    package enum Reason: Sendable, Equatable {
        case overLimit(Int)
        case outOfMemory
    }

    /// Its 1-based number in the file.
    package let line: Int
    /// Its length in bytes, without the line break.
    package let bytes: Int
    package let reason: Reason

    package init(line: Int, bytes: Int, reason: Reason) {
        self.line = line
        self.bytes = bytes
        self.reason = reason
    }

    /// What an error row says about it.
    package var message: String {
        switch reason {
        case .overLimit(let limit): RecordLimit.tooLarge(bytes: bytes, limit: limit)
        case .outOfMemory: RecordLimit.outOfMemory(bytes: bytes)
        }
    }
}
