import PolicyModel

/// `[UInt8]` is the one byte sink every writer of records and JSON appends to: batch
/// results, what-if rows, reports, the decision log and the service's responses (copied
/// once into the response buffer). The escapers (`JSONString`, `CSVLine.appendEscaped`)
/// and these writers take it as it is, so each format is written by one piece of code,
/// with plain calls (a generic sink was not specialised across modules, and cost the
/// batch paths a protocol call per byte).
///
/// ```swift
/// var bytes: [UInt8] = []
/// bytes.appendASCII("{\"n\":")
/// bytes.appendInteger(-42)      // {"n":-42
/// ```
extension Array where Element == UInt8 {
    /// ASCII known when the program was built: `{"id":`, `null`, `true`.
    @inline(__always)
    package mutating func appendASCII(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The UTF-8 of `text`, as it is (no escaping).
    package mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// `number` in decimal digits (`-42`), without allocating.
    package mutating func appendInteger(_ number: Int64) {
        NumberText.integer(number) { append(contentsOf: $0) }
    }

    /// An amount with exactly two decimals (`160.00`), rounded half away from zero: the
    /// same text as `number.formatted(places: 2)`, without allocating.
    package mutating func appendMoney(_ number: ExactDecimal) {
        NumberText.money(number) { append(contentsOf: $0) }
    }
}

/// Numbers written as text on the stack, then appended in one piece.
package enum NumberText {
    /// Calls `body` with the decimal digits of `number` (`-42`).
    package static func integer(_ number: Int64, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &text) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            var start = buffer.count
            write(number.magnitude, endingAt: &start, in: buffer)
            if number < 0 {
                start -= 1
                buffer[start] = 45
            }
            body(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// Calls `body` with `number` rounded half away from zero to two decimals (`160.00`),
    /// the text of `number.formatted(places: 2)`.
    package static func money(_ number: ExactDecimal, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var mantissa = number.mantissa
        var scale = Int(number.scale)
        if scale > 2 {
            var divisor: Int64 = 1
            for _ in 0..<(scale - 2) { divisor &*= 10 }
            let quotient = mantissa / divisor
            let remainder = mantissa % divisor
            mantissa = quotient + (remainder.magnitude * 2 >= divisor.magnitude ? (mantissa < 0 ? -1 : 1) : 0)
            scale = 2
        }
        guard case let (widened, overflow) = mantissa.multipliedReportingOverflow(by: scale == 2 ? 1 : (scale == 1 ? 10 : 100)), !overflow else {
            var text = number.formatted(places: 2)
            text.withUTF8(body)
            return
        }
        var text: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &text) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            let magnitude = widened.magnitude
            var start = buffer.count - 3
            buffer[start] = 46
            buffer[start + 1] = 48 + UInt8(magnitude % 100 / 10)
            buffer[start + 2] = 48 + UInt8(magnitude % 10)
            write(magnitude / 100, endingAt: &start, in: buffer)
            if widened < 0 {
                start -= 1
                buffer[start] = 45
            }
            body(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// The digits of `number` written backwards from `end`, which ends at the first digit.
    @inline(__always)
    static func write(_ number: UInt64, endingAt end: inout Int, in buffer: UnsafeMutableBufferPointer<UInt8>) {
        var rest = number
        repeat {
            end -= 1
            buffer[end] = 48 + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
    }
}
