import PolicyModel

/// A JSON number other than a whole number within `Int64` (`12.50`, `1e2`,
/// `123456789012345678901234567890`): its exact value when an `ExactDecimal` holds it,
/// with trailing zeros dropped (`12.5`, `100`), else only the text as written. Two
/// numbers are equal when their values are (`12.50` and `12.5`).
///
/// ```swift
/// try JSONReader.parse(Array("1.5e3".utf8))   // .number(JSONNumber(exact: 1500, …))
/// ```
package struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    /// The value, when it has at most 18 decimals and fits the mantissa; nil otherwise.
    package let exact: ExactDecimal?
    /// The number as it was written.
    package let text: String

    package init(exact: ExactDecimal?, text: String) {
        self.exact = exact
        self.text = text
    }

    /// The number at `bytes[start..<end]`, whose syntax `JSONScan.scanNumber` checked.
    package init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, shape: JSONScan.NumberShape) {
        text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        exact = JSONNumber.exactValue(bytes, start, end, shape: shape)
    }

    /// `1.50e2` → 150: the digits read by `DigitReader.decimal` (trailing fractional zeros
    /// dropped first), then moved by the exponent; nil when the result does not fit.
    static func exactValue(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, shape: JSONScan.NumberShape) -> ExactDecimal? {
        var digitsEnd = shape.exponent ?? end
        if let point = shape.point {
            while digitsEnd > point + 1 && bytes[digitsEnd - 1] == 48 { digitsEnd -= 1 }
            if digitsEnd == point + 1 { digitsEnd = point }
        }
        guard let written = DigitReader.decimal(bytes, start, digitsEnd) else { return nil }
        var exponent: Int64 = 0
        if let marker = shape.exponent {
            guard let value = DigitReader.integer(bytes, marker + 1, end) else { return nil }
            exponent = value
        }
        var mantissa = written.mantissa
        var scale = Int64(written.scale)
        if mantissa == 0 { return .zero }
        guard exponent > -60, exponent < 60 else { return nil }
        scale -= exponent
        while scale > Int64(ExactDecimal.maxScale) && mantissa % 10 == 0 {
            mantissa /= 10
            scale -= 1
        }
        while scale < 0 {
            let (times, overflow) = mantissa.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            mantissa = times
            scale += 1
        }
        guard scale <= Int64(ExactDecimal.maxScale) else { return nil }
        return ExactDecimal(mantissa: mantissa, scale: Int8(scale)).normalized
    }

    package static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if let a = lhs.exact, let b = rhs.exact { return a == b }
        return lhs.exact == nil && rhs.exact == nil && lhs.text == rhs.text
    }

    /// The exact value without trailing zeros (`12.5`), else the text as written.
    package var description: String { exact.map(\.description) ?? text }
}
