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

    package init(path: String, format: RecordFormat?, blockSize: Int) throws(RecordFileError) {
        guard let format = format ?? RecordFormat(path: path) else {
            throw RecordFileError("`\(path)`: cannot tell the format of the records; name the file .csv or .jsonl")
        }
        self.path = path
        self.format = format
        reader = try LineChunkReader(path: path, blockSize: blockSize)
        let chunk = reader.next()
        guard format == .csv, let chunk else {
            header = nil
            first = chunk
            return
        }
        let newline = chunk.bytes.firstIndex(of: 10) ?? chunk.bytes.count
        var headerBytes = chunk.bytes[..<newline]
        if headerBytes.last == 13 { headerBytes = headerBytes.dropLast() }
        header = String(decoding: headerBytes, as: UTF8.self)
        let rest = newline < chunk.bytes.count ? Array(chunk.bytes[(newline + 1)...]) : []
        first = rest.isEmpty ? nil : LineChunkReader.Chunk(bytes: rest, firstLine: chunk.firstLine + 1, lineCount: chunk.lineCount - 1)
    }

    package func decoder(for policy: CheckedPolicy) throws(RecordFileError) -> RecordDecoder {
        try RecordDecoder(policy: policy, format: format, header: header, file: path)
    }
}
