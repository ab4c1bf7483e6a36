#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Reads a CSV line straight into a flat machine's facts (`FlatLayout`), without
/// building values or strings: the fast path of `batch` and `whatif`. It takes only
/// lines whose every field is plainly valid (a bool `true`/`false`, an in-range integer,
/// a real date, an enum case by name, an unquoted plain `id`); any other line — blank,
/// quoted, an empty cell, a wrong count of fields, anything to report — goes to
/// `RecordDecoder`, which reads it as before and names what is wrong.
package struct FlatRecordDecoder: Sendable {
    package enum Kind: UInt8, Sendable {
        case bool, integer, date, enumeration
        /// Text the policy does not read: any unquoted content is valid.
        case text
        /// The `id` column: unquoted and plain, written out as it is.
        case id
    }

    package struct Column: Sendable {
        package var input: Int
        package var kind: Kind
        package var low: Int64
        package var high: Int64
        /// The column's enum cases in `caseBounds`: `firstCase ..< firstCase + caseCount`.
        package var firstCase: Int
        package var caseCount: Int
    }

    package let columns: [Column]
    /// Every enum case's UTF-8 bytes, one after another; case `i` is `caseBytes[caseBounds[i] ..< caseBounds[i + 1]]`.
    package let caseBytes: [UInt8]
    package let caseBounds: [Int]
    /// The words of inputs without a column (their defaults), written once into a machine.
    package let fixedWords: [(input: Int, word: FlatWord)]
    /// Whether the file has an `id` column.
    package let hasID: Bool

    /// Nil when some column needs the general decoder for every line (a decimal or list
    /// column, a range the plan cannot check), or the file is not CSV.
    package init?(_ decoder: RecordDecoder, layout: FlatLayout) {
        guard decoder.format == .csv, decoder.columns.count == decoder.plans.count else { return nil }
        var columns: [Column] = []
        var caseBytes: [UInt8] = []
        var caseBounds: [Int] = [0]
        for (position, plan) in decoder.plans.enumerated() {
            let column = decoder.columns[position]
            var flat = Column(input: plan.input, kind: .text, low: plan.low, high: plan.high, firstCase: caseBounds.count - 1, caseCount: 0)
            if position == decoder.idColumn, plan.input == decoder.idInput, column.type == .string, layout.kinds[plan.input] == nil {
                flat.kind = .id
            } else {
                switch plan.kind {
                case .bool: flat.kind = .bool
                case .integer: flat.kind = .integer
                case .date: flat.kind = .date
                case .enumeration:
                    flat.kind = .enumeration
                    for name in column.cases {
                        caseBytes += name
                        caseBounds.append(caseBytes.count)
                    }
                    flat.caseCount = column.cases.count
                case .other:
                    guard column.type == .string, layout.kinds[plan.input] == nil else { return nil }
                    flat.kind = .text
                }
                if flat.kind != .text && layout.kinds[plan.input] == nil { return nil }
            }
            columns.append(flat)
        }
        if decoder.idInput != nil && decoder.idColumn == nil { return nil }
        var fixedWords: [(input: Int, word: FlatWord)] = []
        for (input, value) in decoder.fixed.enumerated() {
            guard let value, layout.kinds[input] != nil else { continue }
            guard let word = FlatKind.word(of: value)?.0 else { return nil }
            fixedWords.append((input, word))
        }
        self.columns = columns
        self.caseBytes = caseBytes
        self.caseBounds = caseBounds
        self.fixedWords = fixedWords
        hasID = decoder.idColumn != nil
    }

    /// Writes the words of inputs that have no column into `words`, once per machine.
    package func prepare(_ words: UnsafeMutablePointer<FlatWord>) {
        for (input, word) in fixedWords { words[input] = word }
    }

    /// The decoder's tables as plain pointers, owned by one thread's reader: reading a line
    /// touches no reference counts.
    package final class Reader {
        package let decoder: FlatRecordDecoder
        package let columns: UnsafeMutableBufferPointer<Column>
        package let caseBytes: UnsafeMutableBufferPointer<UInt8>
        package let caseBounds: UnsafeMutableBufferPointer<Int>

        package init(_ decoder: FlatRecordDecoder) {
            self.decoder = decoder
            columns = .allocate(capacity: decoder.columns.count)
            _ = columns.initialize(from: decoder.columns)
            caseBytes = .allocate(capacity: max(1, decoder.caseBytes.count))
            _ = caseBytes.initialize(from: decoder.caseBytes)
            caseBounds = .allocate(capacity: decoder.caseBounds.count)
            _ = caseBounds.initialize(from: decoder.caseBounds)
        }

        deinit {
            columns.deallocate()
            caseBytes.deallocate()
            caseBounds.deallocate()
        }

        /// Writes the line's facts into `words` and returns where its id is in the line
        /// (`0..<0` with no id column), or nil when the line needs the general decoder.
        package func decode(_ line: UnsafeBufferPointer<UInt8>, into words: UnsafeMutablePointer<FlatWord>) -> Range<Int>? {
            FlatRecordDecoder.decode(line, into: words, columns: UnsafeBufferPointer(columns), caseBytes: UnsafeBufferPointer(caseBytes),
                                     caseBounds: UnsafeBufferPointer(caseBounds))
        }
    }

    @inline(__always)
    package static func decode(_ line: UnsafeBufferPointer<UInt8>, into words: UnsafeMutablePointer<FlatWord>, columns: UnsafeBufferPointer<Column>,
                       caseBytes: UnsafeBufferPointer<UInt8>, caseBounds: UnsafeBufferPointer<Int>) -> Range<Int>? {
        let count = line.count
        var index = 0
        var id = 0..<0
                    for position in 0..<columns.count {
                        let start = index
                        var end = index
                        while end < count && line[end] != 44 { end += 1 }
                        // An empty cell, a quoted field or a missing column: the general decoder.
                        guard end > start, line[start] != 34 else { return nil }
                        if position == columns.count - 1 {
                            guard end == count else { return nil }
                        } else {
                            guard end < count else { return nil }
                        }
                        index = end + 1
                        let column = columns[position]
                        switch column.kind {
                        case .bool:
                            guard let flag = FlatRecordDecoder.bool(line, start, end) else { return nil }
                            words[column.input] = FlatWord(bits: flag ? 1 : 0)
                        case .integer:
                            guard let number = DigitReader.integer(line, start, end), number >= column.low, number <= column.high else { return nil }
                            words[column.input] = FlatWord(bits: number)
                        case .date:
                            guard let packed = DigitReader.date(line, start, end) else { return nil }
                            words[column.input] = FlatWord(bits: Int64(packed))
                        case .enumeration:
                            guard let found = FlatRecordDecoder.caseIndex(line, start..<end, names: caseBytes, bounds: caseBounds,
                                                                          first: column.firstCase, count: column.caseCount) else { return nil }
                            words[column.input] = FlatWord(bits: Int64(found))
                        case .text:
                            break
                        case .id:
                            var ascii = true
                            for offset in start..<end {
                                let byte = line[offset]
                                if byte < 0x20 || byte == 92 || byte == 34 { return nil }
                                if byte >= 0x80 { ascii = false }
                            }
                            // Written out as it is: it must be valid UTF-8, as the general way's text is.
                            if !ascii && String(validating: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self) == nil { return nil }
                            id = start..<end
                        }
                    }
                    return id
    }

    /// Which of `count` enum cases (from case `first`; case `i` is `names[bounds[i] ..< bounds[i + 1]]`)
    /// is spelled `bytes[range]`; nil for none.
    @inline(__always)
    package static func caseIndex(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, names: UnsafeBufferPointer<UInt8>,
                          bounds: UnsafeBufferPointer<Int>, first: Int, count: Int) -> Int? {
        for number in 0..<count {
            let start = bounds[first + number], stop = bounds[first + number + 1]
            if stop - start == range.count && memcmp(names.baseAddress! + start, bytes.baseAddress! + range.lowerBound, range.count) == 0 {
                return number
            }
        }
        return nil
    }

    @inline(__always)
    package static func bool(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool? {
        if end - start == 4 && line[start] == 116 && line[start + 1] == 114 && line[start + 2] == 117 && line[start + 3] == 101 { return true }
        if end - start == 5 && line[start] == 102 && line[start + 1] == 97 && line[start + 2] == 108 && line[start + 3] == 115 && line[start + 4] == 101 {
            return false
        }
        return nil
    }
}
