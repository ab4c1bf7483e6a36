import PolicyModel

extension ByteSink {
    /// `number` in decimal digits (`-42`), without allocating.
    @inlinable
    package mutating func appendInteger(_ number: Int64) {
        if number >= 0 && number < 10 {
            appendByte(48 + UInt8(number))
            return
        }
        if number < 0 { appendByte(45) }
        appendDigits(number.magnitude)
    }

    /// The decimal digits of `number`, without allocating.
    @inlinable @inline(__always)
    package mutating func appendDigits(_ number: UInt64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var rest = number
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = 48 + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            appendBytes(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[(24 - count)...]))
        }
    }

    /// An amount with exactly two decimals (`160.00`), rounded half away from zero: the
    /// same text as `number.formatted(places: 2)`, without allocating.
    @inlinable
    package mutating func appendMoney(_ number: ExactDecimal) {
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
            appendUTF8(number.formatted(places: 2))
            return
        }
        let negative = widened < 0
        let magnitude = widened.magnitude
        if negative { appendByte(45) }
        appendDigits(magnitude / 100)
        appendByte(46)
        let cents = magnitude % 100
        appendByte(48 + UInt8(cents / 10))
        appendByte(48 + UInt8(cents % 10))
    }
}
