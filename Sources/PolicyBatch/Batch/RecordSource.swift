import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// A records file opened for reading: its format, its CSV header, and the reader
/// positioned after the header.
package struct RecordSource {
    package let path: String
    package let format: RecordFormat
    package let reader: LineChunkReader
    /// The first run of records (after the header), already read.
    package let first: LineChunkReader.Chunk?
    package let header: String?

    package init(path: String, format: RecordFormat?, blockSize: Int, recordLimit: Int = RecordLimit.defaultBytes) throws(RecordFileError) {
        guard let format = format ?? RecordFormat(path: path) else {
            throw RecordFileError("`\(path)`: cannot tell the format of the records; name the file .csv or .jsonl")
        }
        self.path = path
        self.format = format
        reader = try LineChunkReader(path: path, blockSize: blockSize, recordLimit: recordLimit)
        let chunk = reader.next()
        guard format == .csv, let chunk else {
            header = nil
            first = chunk
            return
        }
        if let skipped = chunk.skipped.first, skipped.line == chunk.firstLine {
            throw RecordFileError("`\(path)`: the header row is \(skipped.bytes) bytes, more than the record limit of \(recordLimit) bytes; raise it with --max-record-bytes")
        }
        let newline = chunk.bytes.firstIndex(of: 10) ?? chunk.bytes.count
        var headerBytes = chunk.bytes[..<newline]
        if headerBytes.last == 13 { headerBytes = headerBytes.dropLast() }
        if headerBytes.count > recordLimit {
            throw RecordFileError("`\(path)`: the header row is \(headerBytes.count) bytes, more than the record limit of \(recordLimit) bytes; raise it with --max-record-bytes")
        }
        header = String(decoding: headerBytes, as: UTF8.self)
        first = chunk.droppingFirstLine()
    }

    package func decoder(for policy: CheckedPolicy) throws(RecordFileError) -> RecordDecoder {
        try RecordDecoder(policy: policy, format: format, header: header, file: path)
    }
}
