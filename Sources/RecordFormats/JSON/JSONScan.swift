import PolicyModel

/// Reading JSON bytes in place, for the fast paths that decode facts without building a
/// tree: whitespace, plain strings (no escapes), and skipping any value while checking
/// its syntax. Anything these refuse goes to the general parser, which reports it.
package enum JSONScan {
    /// Nesting deeper than this is left to the general parser (which has its own limit).
    package static let maximumDepth = 64

    @inline(__always)
    package static func skipWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 32 || byte == 10 || byte == 13 || byte == 9 else { return }
            index += 1
        }
    }

    /// The index of the first quote, backslash or control byte at or after `index`, eight
    /// bytes at a time; `bytes.count` when there is none.
    @inline(__always)
    package static func nextSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = index
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let quote = word ^ (ones &* 0x22), slash = word ^ (ones &* 0x5C)
            // A byte is flagged when it is 0 after the xor (a quote or backslash) or below
            // 0x20; bytes above the first flagged one may be flagged wrongly, never below.
            let mask = ((quote &- ones) & ~quote | (slash &- ones) & ~slash | (word &- (ones &* 0x20)) & ~word) & highs
            if mask != 0 { return index + mask.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 34 || byte == 92 || byte < 0x20 { return index }
            index += 1
        }
        return index
    }

    /// At an opening quote: the content of a string without escapes or control bytes,
    /// with `index` after the closing quote; nil (index unspecified) otherwise.
    @inline(__always)
    package static func plainString(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Range<Int>? {
        guard index < bytes.count, bytes[index] == 34 else { return nil }
        let start = index + 1
        let end = nextSpecial(bytes, from: start)
        guard end < bytes.count, bytes[end] == 34 else { return nil }
        index = end + 1
        return start..<end
    }

    /// The former byte-by-byte form of `plainString`, kept to check it against.
    package static func plainStringByBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Range<Int>? {
        guard index < bytes.count, bytes[index] == 34 else { return nil }
        let start = index + 1
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == 34 {
                index = end + 1
                return start..<end
            }
            if byte == 92 || byte < 0x20 { return nil }
            end += 1
        }
        return nil
    }

    /// Skips one JSON value at `index` (after whitespace); false on a syntax error.
    package static func skipValue(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, depth: Int = 0) -> Bool {
        guard depth < maximumDepth, index < bytes.count else { return false }
        switch bytes[index] {
        case 34:
            return skipString(bytes, &index)
        case 123, 91:
            let close: UInt8 = bytes[index] == 123 ? 125 : 93
            let isObject = close == 125
            index += 1
            skipWhitespace(bytes, &index)
            if index < bytes.count && bytes[index] == close {
                index += 1
                return true
            }
            while true {
                if isObject {
                    guard skipString(bytes, &index) else { return false }
                    skipWhitespace(bytes, &index)
                    guard index < bytes.count, bytes[index] == 58 else { return false }
                    index += 1
                    skipWhitespace(bytes, &index)
                }
                guard skipValue(bytes, &index, depth: depth + 1) else { return false }
                skipWhitespace(bytes, &index)
                guard index < bytes.count else { return false }
                if bytes[index] == 44 {
                    index += 1
                    skipWhitespace(bytes, &index)
                } else if bytes[index] == close {
                    index += 1
                    return true
                } else {
                    return false
                }
            }
        case 116: return literal(bytes, &index, "true")
        case 102: return literal(bytes, &index, "false")
        case 110: return literal(bytes, &index, "null")
        default: return skipNumber(bytes, &index)
        }
    }

    @inline(__always)
    package static func literal(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
        index += count
        return true
    }

    package static func skipString(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
        guard index < bytes.count, bytes[index] == 34 else { return false }
        index += 1
        while index < bytes.count {
            index = nextSpecial(bytes, from: index)
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            if byte == 34 {
                index += 1
                return true
            }
            if byte < 0x20 { return false }
            if byte == 92 {
                guard index + 1 < bytes.count else { return false }
                let escaped = bytes[index + 1]
                if escaped == 117 {
                    guard index + 5 < bytes.count else { return false }
                    for offset in 2...5 where !isHexDigit(bytes[index + offset]) { return false }
                    index += 6
                    continue
                }
                // " \ / b f n r t
                guard [34, 92, 47, 98, 102, 110, 114, 116].contains(escaped) else { return false }
                index += 2
                continue
            }
            index += 1
        }
        return false
    }

    package static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    package static func skipNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
        if case .success = scanNumber(bytes, &index) { return true }
        return false
    }

    /// Where the parts of a JSON number are.
    package struct NumberShape: Sendable {
        /// The index of the `.`, if any.
        package var point: Int?
        /// The index of the `e` or `E`, if any.
        package var exponent: Int?
        /// A whole number: no fraction, no exponent.
        package var isWhole: Bool { point == nil && exponent == nil }
    }

    /// What makes a JSON number's text not a number.
    package enum NumberProblem: Error, Sendable {
        case noDigitAfterMinus, leadingZero, noDigitAfterPoint, noDigitInExponent

        package var message: String {
            switch self {
            case .noDigitAfterMinus: return "a number needs a digit after `-`"
            case .leadingZero: return "a number may not start with 0"
            case .noDigitAfterPoint: return "a number needs a digit after `.`"
            case .noDigitInExponent: return "a number needs a digit in its exponent"
            }
        }
    }

    /// The one reading of JSON's number syntax, for the reader and the in-place scans: at
    /// a `-` or a digit, moves `index` past the number and gives its shape; on a problem,
    /// `index` is where it is.
    @inline(__always)
    package static func scanNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Result<NumberShape, NumberProblem> {
        @inline(__always) func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] &- 48 < 10 }
        var shape = NumberShape()
        if index < bytes.count && bytes[index] == 45 { index += 1 }
        guard isDigit(index) else { return .failure(.noDigitAfterMinus) }
        if bytes[index] == 48 {
            index += 1
            if isDigit(index) { return .failure(.leadingZero) }
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count && bytes[index] == 46 {
            shape.point = index
            index += 1
            guard isDigit(index) else { return .failure(.noDigitAfterPoint) }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count && (bytes[index] == 101 || bytes[index] == 69) {
            shape.exponent = index
            index += 1
            if index < bytes.count && (bytes[index] == 43 || bytes[index] == 45) { index += 1 }
            guard isDigit(index) else { return .failure(.noDigitInExponent) }
            while isDigit(index) { index += 1 }
        }
        return .success(shape)
    }

    /// At a JSON number: a whole number within `Int64`, with `index` after it; nil (index
    /// unspecified) for any other number or text.
    @inline(__always)
    package static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Int64? {
        let start = index
        guard case .success(let shape) = scanNumber(bytes, &index), shape.isWhole else { return nil }
        return DigitReader.integer(bytes, start, index)
    }
}
