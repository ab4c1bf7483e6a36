import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// The top level of a batch body (`{"records": [{…}, …], "as_of": "…"}`, as the service's
/// `evaluate-batch` takes it) read in place: where each record is, and
/// the `as_of` text. Nil for anything unusual — another field, a repeated one, escapes,
/// a syntax error anywhere — and the general parser then reads the body and says what
/// is wrong.
package struct BatchBodyScan: Sendable {
    /// Where each record is in the body.
    package var records: [Range<Int>] = []
    /// The `as_of` text; nil when the body has none.
    package var asOf: String?

    package static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> BatchBodyScan? {
        var scan = BatchBodyScan()
        var index = 0
        var sawRecords = false
        JSONScan.skipWhitespace(bytes, &index)
        guard index < bytes.count, bytes[index] == 123 else { return nil }
        index += 1
        JSONScan.skipWhitespace(bytes, &index)
        guard index < bytes.count, bytes[index] != 125 else { return nil }
        while true {
            guard let key = JSONScan.plainString(bytes, &index) else { return nil }
            JSONScan.skipWhitespace(bytes, &index)
            guard index < bytes.count, bytes[index] == 58 else { return nil }
            index += 1
            JSONScan.skipWhitespace(bytes, &index)
            guard index < bytes.count else { return nil }
            if equals(bytes, key, "records") {
                guard !sawRecords, bytes[index] == 91 else { return nil }
                sawRecords = true
                index += 1
                JSONScan.skipWhitespace(bytes, &index)
                guard index < bytes.count else { return nil }
                if bytes[index] == 93 {
                    index += 1
                } else {
                    while true {
                        let start = index
                        guard JSONScan.skipValue(bytes, &index) else { return nil }
                        scan.records.append(start..<index)
                        JSONScan.skipWhitespace(bytes, &index)
                        guard index < bytes.count else { return nil }
                        if bytes[index] == 44 {
                            index += 1
                            JSONScan.skipWhitespace(bytes, &index)
                        } else if bytes[index] == 93 {
                            index += 1
                            break
                        } else {
                            return nil
                        }
                    }
                }
            } else if equals(bytes, key, "as_of") {
                guard scan.asOf == nil, let text = JSONScan.plainString(bytes, &index) else { return nil }
                scan.asOf = String(decoding: UnsafeBufferPointer(rebasing: bytes[text]), as: UTF8.self)
            } else {
                return nil
            }
            JSONScan.skipWhitespace(bytes, &index)
            guard index < bytes.count else { return nil }
            if bytes[index] == 44 {
                index += 1
                JSONScan.skipWhitespace(bytes, &index)
                continue
            }
            guard bytes[index] == 125 else { return nil }
            index += 1
            break
        }
        JSONScan.skipWhitespace(bytes, &index)
        guard index == bytes.count, sawRecords else { return nil }
        return scan
    }

    package static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != text.utf8Start[offset] { return false }
        return true
    }
}
