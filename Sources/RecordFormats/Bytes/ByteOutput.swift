#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyModel

/// Bytes written to a file, or to standard output for `-`, through a large buffer.
/// Belongs to one thread.
///
/// ```swift
/// let output = try ByteOutput(path: "results.jsonl")
/// output.write(Array("{}\n".utf8))
/// try output.close()
/// ```
package final class ByteOutput {
    package let file: UnsafeMutablePointer<FILE>
    package let path: String
    package let ownsFile: Bool
    package var failed = false

    package init(path: String) throws(RecordFileError) {
        self.path = path
        if path == "-" {
            guard let standard = fdopen(1, "wb") else { throw RecordFileError("cannot write to standard output") }
            file = standard
            ownsFile = false
        } else {
            guard let opened = fopen(path, "wb") else {
                throw RecordFileError("cannot write `\(path)`: \(String(cString: strerror(errno)))")
            }
            file = opened
            ownsFile = true
            setvbuf(file, nil, _IOFBF, 1 << 20)
        }
    }

    package func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    package func write(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if fwrite(base, 1, bytes.count, file) != bytes.count { failed = true }
    }

    package func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// Hands what is buffered to the operating system, so it survives the process.
    package func flush() {
        if fflush(file) != 0 { failed = true }
    }

    /// Flushes, and closes the file unless it is standard output; reports a failed write.
    package func close() throws(RecordFileError) {
        if fflush(file) != 0 { failed = true }
        if ownsFile, fclose(file) != 0 { failed = true }
        if failed { throw RecordFileError("could not write all of `\(path)` (disk full?)") }
    }
}
