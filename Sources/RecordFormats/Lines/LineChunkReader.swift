#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyModel

/// Reads a file (or standard input, `-`) in blocks and hands out runs of whole lines,
/// so that memory stays the same whatever the file's size — and whatever one line holds:
/// a line longer than `recordLimit` is skipped as it is read, never kept whole, and
/// reported with the run (`Chunk.skipped`).
///
/// ```swift
/// let reader = try LineChunkReader(path: "population.csv", recordLimit: 1 << 20)
/// while let chunk = reader.next() { … chunk.bytes, chunk.firstLine … }
/// ```
///
/// Reading takes what the input has: from a pipe, a run may end before the block is full,
/// so records are answered as they arrive (`wouldBlock` tells a caller when to write out
/// what it has before it waits).
package final class LineChunkReader {
    /// Whole lines of the file, `\n`-terminated except perhaps the file's last line.
    package struct Chunk: Sendable {
        package let bytes: [UInt8]
        /// The 1-based number of the chunk's first line in the file.
        package let firstLine: Int
        /// The number of lines in the chunk.
        package let lineCount: Int
        /// Lines kept out of `bytes` (each stands there as an empty line), in order.
        package let skipped: [SkippedLine]
        /// The longest line `forEachLine` hands on; a longer one goes to its `tooLong`.
        package let recordLimit: Int

        package init(bytes: [UInt8], firstLine: Int, lineCount: Int, skipped: [SkippedLine] = [], recordLimit: Int = .max) {
            self.bytes = bytes
            self.firstLine = firstLine
            self.lineCount = lineCount
            self.skipped = skipped
            self.recordLimit = recordLimit
        }
    }

    package let descriptor: Int32
    package let ownsFile: Bool
    package let blockSize: Int
    /// The longest line kept, in bytes (without its line break).
    package let recordLimit: Int
    /// The start of a line not yet ended, never longer than `recordLimit`.
    var pending: [UInt8] = []
    /// While a line is being skipped: its bytes so far, why, and whether the last byte
    /// read was a `\r` (not counted when a `\n` follows).
    var skipping: (bytes: Int, reason: SkippedLine.Reason, endsWithCR: Bool)?
    var nextLine = 1
    var atEnd = false
    /// Bytes read so far.
    package private(set) var bytesRead = 0
    /// The file's size when it is a regular file (for progress), else nil.
    package let totalBytes: Int?
    /// Why reading stopped early (an I/O error), if it did; the records before it were read.
    package private(set) var failure: String?
    package let path: String
    /// The block read into, reused by every read.
    let buffer: UnsafeMutableBufferPointer<UInt8>

    package init(path: String, blockSize: Int = 1 << 20, recordLimit: Int = RecordLimit.defaultBytes) throws(RecordFileError) {
        self.blockSize = max(1, blockSize)
        self.recordLimit = max(1, recordLimit)
        self.path = path
        if path == "-" {
            descriptor = 0
            ownsFile = false
            totalBytes = nil
            buffer = .allocate(capacity: self.blockSize)
            return
        }
        var status = stat()
        if stat(path, &status) != 0 {
            throw RecordFileError("cannot read `\(path)`: \(String(cString: strerror(errno)))")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw RecordFileError("`\(path)` is a directory, not a file of records") }
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else {
            throw RecordFileError("cannot read `\(path)`: \(String(cString: strerror(errno)))")
        }
        descriptor = opened
        ownsFile = true
        totalBytes = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
        buffer = .allocate(capacity: self.blockSize)
    }

    deinit {
        if ownsFile { close(descriptor) }
        buffer.deallocate()
    }

    /// Whether the next `next()` would wait for input (a pipe or terminal with nothing to
    /// read yet); false for a regular file and at the end.
    package func wouldBlock() -> Bool {
        guard !atEnd else { return false }
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) == 0
    }

    /// The next run of whole lines, at most about `blockSize` bytes plus one line; nil at
    /// the end of the file.
    package func next() -> Chunk? {
        var out: [UInt8] = []
        var skipped: [SkippedLine] = []
        while !atEnd && out.isEmpty {
            let count = readBlock()
            guard count > 0 else { break }
            let block = UnsafeBufferPointer(rebasing: buffer[0..<count])
            var start = 0
            if skipping == nil && !pending.isEmpty && pending.count + count > RecordLimit.largeBytes
                && !canHold(pending.count + (Self.firstNewline(block, from: 0) ?? count)) {
                skipping = (pending.count, .outOfMemory, pending.last == 13)
                pending = []
            }
            if let skip = skipping {
                guard let newline = Self.firstNewline(block, from: 0) else {
                    skipping = (skip.bytes + count, skip.reason, block[count - 1] == 13)
                    continue
                }
                var length = skip.bytes + newline
                if newline > 0 ? block[newline - 1] == 13 : skip.endsWithCR { length -= 1 }
                endSkip(length: length, reason: skip.reason, out: &out, skipped: &skipped)
                start = newline + 1
            }
            if start < count, Self.firstNewline(block, from: start) != nil {
                var lastNewline = count - 1
                while block[lastNewline] != 10 { lastNewline -= 1 }
                out.reserveCapacity(pending.count + lastNewline + 1 - start)
                out.append(contentsOf: pending)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: block[start...lastNewline]))
                pending.removeAll(keepingCapacity: pending.capacity <= blockSize)
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: block[(lastNewline + 1)...]))
            } else if start < count {
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: block[start...]))
            }
            // A `\r` at the end may be the start of the line break: not counted yet.
            if pending.count - (pending.last == 13 ? 1 : 0) > recordLimit {
                skipping = (pending.count, .overLimit(recordLimit), pending.last == 13)
                pending = []
            }
        }
        if atEnd {
            if let skip = skipping {
                skipping = nil
                endSkip(length: skip.bytes, reason: skip.reason, out: &out, skipped: &skipped)
            } else if !pending.isEmpty {
                out.append(contentsOf: pending)
                pending = []
            }
        }
        guard !out.isEmpty else { return nil }
        let lines = LineChunkReader.countLines(out)
        let chunk = Chunk(bytes: out, firstLine: nextLine, lineCount: lines, skipped: skipped, recordLimit: recordLimit)
        nextLine += lines
        return chunk
    }

    /// Whether a line of `count` bytes can be held while it is read: for a line past
    /// `RecordLimit.largeBytes` (possible only with a raised limit), whether the process could
    /// allocate what growing `pending` to it and then copying it out take. Swift traps
    /// when an array cannot grow; `malloc`, asked first, answers NULL instead.
    func canHold(_ count: Int) -> Bool {
        guard count > RecordLimit.largeBytes else { return true }
        let growth = count > pending.capacity ? max(pending.capacity * 2, count) : 0
        return MemoryHeadroom.available(growth + count + blockSize)
    }

    /// The index of the first `\n` at or after `start`.
    @inline(__always)
    static func firstNewline(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let end = NumberedLines.lineEnd(bytes, from: start)
        return end < bytes.count ? end : nil
    }

    /// Ends the line being skipped: an empty line in its place, and its number and length.
    func endSkip(length: Int, reason: SkippedLine.Reason, out: inout [UInt8], skipped: inout [SkippedLine]) {
        skipped.append(SkippedLine(line: nextLine + LineChunkReader.countLines(out), bytes: length, reason: reason))
        out.append(10)
        skipping = nil
    }

    /// Reads up to `blockSize` bytes into `buffer`: what one read gives (less from a pipe).
    /// 0 at the end of the input or after an error (kept in `failure`).
    func readBlock() -> Int {
        while true {
            let count = read(descriptor, buffer.baseAddress, blockSize)
            if count > 0 {
                bytesRead += count
                return count
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { failure = "cannot read `\(path)` after \(bytesRead) bytes: \(String(cString: strerror(errno)))" }
            atEnd = true
            return 0
        }
    }

    package static func countLines(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { NumberedLines.count($0) }
    }
}

extension LineChunkReader.Chunk {
    /// Calls `body` with each line (without its `\n` or `\r\n`) and its 1-based number, and
    /// `tooLong` instead for a line over the record limit — skipped by the reader, longer
    /// than `recordLimit`, or so large that memory to read it cannot be had.
    package func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void, tooLong: (SkippedLine) -> Void) {
        var nextSkipped = 0
        bytes.withUnsafeBufferPointer { buffer in
            NumberedLines.forEach(buffer, firstLine: firstLine) { line, number in
                if nextSkipped < skipped.count && skipped[nextSkipped].line == number {
                    tooLong(skipped[nextSkipped])
                    nextSkipped += 1
                } else if line.count > recordLimit {
                    tooLong(SkippedLine(line: number, bytes: line.count, reason: .overLimit(recordLimit)))
                } else if line.count > RecordLimit.largeBytes && !MemoryHeadroom.available(line.count * RecordLimit.workingFactor) {
                    tooLong(SkippedLine(line: number, bytes: line.count, reason: .outOfMemory))
                } else {
                    body(line, number)
                }
            }
        }
    }

    /// The chunk without its first line (a CSV header read apart).
    package func droppingFirstLine() -> LineChunkReader.Chunk? {
        let newline = bytes.firstIndex(of: 10) ?? bytes.count
        guard newline + 1 < bytes.count else { return nil }
        return LineChunkReader.Chunk(bytes: Array(bytes[(newline + 1)...]), firstLine: firstLine + 1, lineCount: lineCount - 1,
                                     skipped: skipped.filter { $0.line != firstLine }, recordLimit: recordLimit)
    }
}
