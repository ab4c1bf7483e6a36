@testable import RecordFormats
import Foundation
import Testing
import PolicySimulation
import TestSupport
import PolicyModel

/// The in-place JSON reading of the fast paths: strings found eight bytes at a time agree
/// with the byte-by-byte reading, and skipping a value accepts exactly what the JSON
/// parser accepts (but for repeated keys, which the parser refuses later).
@Suite struct JSONScanTests {
    @Test func stringsEightBytesAtATimeAgreeWithByteByByte() {
        var generator = SeededGenerator(seed: 3)
        let alphabet: [UInt8] = Array("ab \"\\\t\n".utf8) + Array("老人".utf8) + [0x01, 0x1F, 0x20, 0x7F, 0x80, 0xFF]
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...40, using: &generator)
            var bytes: [UInt8] = [34]
            for _ in 0..<length { bytes.append(alphabet.randomElement(using: &generator)!) }
            if Bool.random(using: &generator) { bytes.append(34) }
            bytes.withUnsafeBufferPointer { buffer in
                var fast = 0, slow = 0
                let a = JSONScan.plainString(buffer, &fast)
                let b = JSONScan.plainStringByBytes(buffer, &slow)
                #expect(a == b, "\(bytes)")
                if a != nil { #expect(fast == slow) }
            }
        }
    }

    @Test(arguments: [
        (#"{"a": [1, -2.5e3, true, false, null, "x\"y\\u00e9"], "b": {}}"#, true),
        (#"  ["老人", {"k": [[]]}]  "#, true),
        (#"{"a": 1,}"#, false),
        (#"[1 2]"#, false),
        (#"{"a" 1}"#, false),
        (#""bad \x escape""#, false),
        (#"01"#, false),
        (#"-"#, false),
        (#"1."#, false),
        (#"tru"#, false),
        (#""unterminated"#, false),
    ])
    func skippingAValueAcceptsWhatTheParserAccepts(text: String, valid: Bool) {
        let bytes = Array(text.utf8)
        let skipped = bytes.withUnsafeBufferPointer { buffer -> Bool in
            var index = 0
            JSONScan.skipWhitespace(buffer, &index)
            guard JSONScan.skipValue(buffer, &index) else { return false }
            JSONScan.skipWhitespace(buffer, &index)
            return index == buffer.count
        }
        #expect(skipped == valid)
        #expect((try? JSONValue.parse(Data(bytes))) != nil || !valid)
    }
}
