import Foundation
import Testing
import RecordFormats
import PolicyModel

/// The line reader keeps no line longer than the record limit: it skips it as it reads,
/// reports its number and length, and numbers the lines after it as an editor does.
@Suite struct LineChunkReaderLimitTests {
    /// What a reader hands on: each line's number and text, or `!N:BYTES` for a line over the limit.
    static func read(_ text: String, blockSize: Int, limit: Int) throws -> [String] {
        let path = NSTemporaryDirectory() + "carepolicy-lines-" + UUID().uuidString
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try LineChunkReader(path: path, blockSize: blockSize, recordLimit: limit)
        var seen: [String] = []
        while let chunk = reader.next() {
            #expect(chunk.bytes.count <= blockSize + limit + 2)
            chunk.forEachLine({ line, number in
                seen.append("\(number):\(String(decoding: line, as: UTF8.self))")
            }, tooLong: { skipped in
                #expect(skipped.reason == .overLimit(limit))
                seen.append("!\(skipped.line):\(skipped.bytes)")
            })
        }
        #expect(reader.failure == nil)
        return seen
    }

    static let long = String(repeating: "x", count: 5000)

    @Test(arguments: [1, 7, 64, 4096, 1 << 20])
    func aLongLineIsSkippedAndTheOthersKeepTheirNumbers(blockSize: Int) throws {
        let text = "a\nbb\n\(Self.long)\nccc\r\n\(Self.long)\r\n\nd"
        #expect(try Self.read(text, blockSize: blockSize, limit: 100) == ["1:a", "2:bb", "!3:5000", "4:ccc", "!5:5000", "6:", "7:d"])
    }

    @Test(arguments: [1, 5, 64, 1 << 20])
    func aLongLastLineWithoutALineBreakIsSkippedToo(blockSize: Int) throws {
        #expect(try Self.read("a\n\(Self.long)", blockSize: blockSize, limit: 100) == ["1:a", "!2:5000"])
        #expect(try Self.read(Self.long, blockSize: blockSize, limit: 100) == ["!1:5000"])
    }

    @Test func aLineAtTheLimitIsKeptAndOneByteMoreIsNot() throws {
        let exact = String(repeating: "y", count: 100), over = String(repeating: "z", count: 101)
        #expect(try Self.read("\(exact)\n\(over)\n", blockSize: 16, limit: 100) == ["1:\(exact)", "!2:101"])
        #expect(try Self.read("\(exact)\r\n\(over)\r\n", blockSize: 1 << 20, limit: 100) == ["1:\(exact)", "!2:101"])
    }

    @Test func theMessageSaysTheSizeTheLimitAndTheOption() {
        #expect(SkippedLine(line: 4, bytes: 52_428_800, reason: .overLimit(1 << 20)).message
                == "the record is 52428800 bytes, more than the limit of 1048576 bytes (1 MiB); raise it with --max-record-bytes")
        #expect(SkippedLine(line: 4, bytes: 900, reason: .overLimit(512)).message
                == "the record is 900 bytes, more than the limit of 512 bytes (512 bytes); raise it with --max-record-bytes")
        #expect(RecordLimit.describe(2048) == "2 KiB")
    }

    @Test func aCSVHeaderKeepsItsPlaceWhenTheChunkDropsIt() {
        let chunk = LineChunkReader.Chunk(bytes: Array("h\n\nb\n".utf8), firstLine: 1, lineCount: 3,
                                          skipped: [SkippedLine(line: 2, bytes: 900, reason: .overLimit(10))], recordLimit: 10)
        let rest = chunk.droppingFirstLine()
        #expect(rest?.firstLine == 2)
        #expect(rest?.skipped == [SkippedLine(line: 2, bytes: 900, reason: .overLimit(10))])
        var seen: [String] = []
        rest?.forEachLine({ line, number in seen.append("\(number):\(String(decoding: line, as: UTF8.self))") }, tooLong: { seen.append("!\($0.line)") })
        #expect(seen == ["!2", "3:b"])
    }
}
