#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyModel

/// Reads a file (or standard input, `-`) in blocks and hands out runs of whole lines,
/// so that memory stays the same whatever the file's size.
///
/// ```swift
/// let reader = try LineChunkReader(path: "population.csv")
/// while let chunk = reader.next() { … chunk.bytes, chunk.firstLine … }
/// ```
package final class LineChunkReader {
    /// Whole lines of the file, `\n`-terminated except perhaps the file's last line.
    package struct Chunk: Sendable {
        package let bytes: [UInt8]
        /// The 1-based number of the chunk's first line in the file.
        package let firstLine: Int
        /// The number of lines in the chunk.
        package let lineCount: Int

        package init(bytes: [UInt8], firstLine: Int, lineCount: Int) {
            self.bytes = bytes
            self.firstLine = firstLine
            self.lineCount = lineCount
        }
    }

    package let file: UnsafeMutablePointer<FILE>
    package let ownsFile: Bool
    package let blockSize: Int
    var pending: [UInt8] = []
    var nextLine = 1
    var atEnd = false
    /// Bytes read so far.
    package private(set) var bytesRead = 0
    /// The file's size when it is a regular file (for progress), else nil.
    package let totalBytes: Int?

    package init(path: String, blockSize: Int = 1 << 20) throws(RecordFileError) {
        self.blockSize = blockSize
        if path == "-" {
            guard let standard = fdopen(0, "rb") else { throw RecordFileError("cannot read standard input") }
            file = standard
            ownsFile = false
            totalBytes = nil
            return
        }
        var status = stat()
        if stat(path, &status) != 0 {
            throw RecordFileError("cannot read `\(path)`: \(String(cString: strerror(errno)))")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw RecordFileError("`\(path)` is a directory, not a file of records") }
        guard let opened = fopen(path, "rb") else {
            throw RecordFileError("cannot read `\(path)`: \(String(cString: strerror(errno)))")
        }
        file = opened
        ownsFile = true
        totalBytes = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
    }

    deinit {
        if ownsFile { fclose(file) }
    }

    /// The next run of whole lines of about `blockSize` bytes; nil at the end of the file.
    package func next() -> Chunk? {
        while !atEnd {
            var block = [UInt8](repeating: 0, count: blockSize)
            let count = block.withUnsafeMutableBytes { fread($0.baseAddress, 1, blockSize, file) }
            bytesRead += count
            if count < blockSize { atEnd = true }
            block.removeSubrange(count...)
            guard let lastNewline = block.lastIndex(of: 10) else {
                pending.append(contentsOf: block)
                continue
            }
            var bytes = pending
            bytes.append(contentsOf: block[...lastNewline])
            pending = Array(block[(lastNewline + 1)...])
            return chunk(bytes)
        }
        guard !pending.isEmpty else { return nil }
        let bytes = pending
        pending = []
        return chunk(bytes)
    }

    package func chunk(_ bytes: [UInt8]) -> Chunk {
        let lines = LineChunkReader.countLines(bytes)
        let chunk = Chunk(bytes: bytes, firstLine: nextLine, lineCount: lines)
        nextLine += lines
        return chunk
    }

    package static func countLines(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { NumberedLines.count($0) }
    }
}

extension LineChunkReader.Chunk {
    /// Calls `body` with each line (without its `\n` or `\r\n`) and its 1-based number.
    package func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        bytes.withUnsafeBufferPointer { NumberedLines.forEach($0, firstLine: firstLine, body) }
    }
}
