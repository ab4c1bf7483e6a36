extension ExactDecimal {
    package func adding(_ other: ExactDecimal) throws(ArithmeticFault) -> ExactDecimal {
        let (a, b) = try ExactDecimal.aligned(self, other)
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { throw .overflow }
        return ExactDecimal(mantissa: sum, scale: max(scale, other.scale))
    }

    package func subtracting(_ other: ExactDecimal) throws(ArithmeticFault) -> ExactDecimal {
        let (a, b) = try ExactDecimal.aligned(self, other)
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        if overflow { throw .overflow }
        return ExactDecimal(mantissa: difference, scale: max(scale, other.scale))
    }

    package func multiplied(by other: ExactDecimal) throws(ArithmeticFault) -> ExactDecimal {
        let lhs = self.normalized, rhs = other.normalized
        let (product, overflow) = lhs.mantissa.multipliedReportingOverflow(by: rhs.mantissa)
        if overflow { throw .overflow }
        let scale = Int(lhs.scale) + Int(rhs.scale)
        let exact = ExactDecimal(mantissa: product, scale: Int8(scale))
        if scale <= Int(ExactDecimal.maxScale) { return exact }
        // Too many fractional digits to keep: round half-even at the maximum scale.
        return exact.rounded(droppingDigits: scale - Int(ExactDecimal.maxScale))
    }

    /// Division, exact when the quotient terminates within the fractional digits that fit
    /// (18 for a quotient under about 9.2, fewer for larger ones), otherwise rounded
    /// half-even at the last digit kept.
    package func divided(by other: ExactDecimal) throws(ArithmeticFault) -> ExactDecimal {
        if other.mantissa == 0 { throw .divisionByZero }
        let a = self.normalized, b = other.normalized
        // (a / 10^sa) / (b / 10^sb) = (a * 10^(sb + s - sa)) / b at scale s: the largest s that fits.
        for scale in stride(from: Int(ExactDecimal.maxScale), through: 0, by: -1) {
            let shift = Int(b.scale) + scale - Int(a.scale)
            var numerator = WideInteger(a.mantissa)
            var fits = true
            if shift >= 0 {
                for _ in 0..<shift {
                    guard let next = numerator.timesTenChecked() else { fits = false; break }
                    numerator = next
                }
            } else {
                for _ in 0..<(-shift) { numerator = numerator.dividedByTenTruncating() }
            }
            if !fits { continue }
            let (quotient, remainder) = numerator.divided(by: b.mantissa)
            guard var q = quotient.int64, q.magnitude < UInt64(Int64.max) else { continue }
            // Round half-even on the remainder.
            let twiceRemainder = remainder.magnitude.multipliedFullWidth(by: 2)
            let divisor = b.mantissa.magnitude
            let comparison: Int = twiceRemainder.high > 0 ? 1 : (twiceRemainder.low == divisor ? 0 : (twiceRemainder.low > divisor ? 1 : -1))
            let negative = (a.mantissa < 0) != (b.mantissa < 0)
            if comparison > 0 || (comparison == 0 && q % 2 != 0) {
                q += negative ? -1 : 1
            }
            return ExactDecimal(mantissa: q, scale: Int8(scale)).normalized
        }
        throw .overflow
    }

    package func negated() throws(ArithmeticFault) -> ExactDecimal {
        if mantissa == .min { throw .overflow }
        return ExactDecimal(mantissa: -mantissa, scale: scale)
    }

    /// Rounds down (toward negative infinity) to a multiple of `unit`: `1.3` to `0.5` gives `1.0`.
    package func floored(toMultipleOf unit: ExactDecimal) throws(ArithmeticFault) -> ExactDecimal {
        if unit.mantissa <= 0 { throw .divisionByZero }
        let (a, b) = try ExactDecimal.aligned(self, unit)
        var count = a / b
        if a % b != 0 && a < 0 { count -= 1 }
        let (value, overflow) = count.multipliedReportingOverflow(by: b)
        if overflow { throw .overflow }
        return ExactDecimal(mantissa: value, scale: max(scale, unit.scale))
    }

    /// Text with exactly `places` fractional digits, rounding half away from zero (四舍五入);
    /// with nil, the stored digits.
    package func formatted(places: Int?) -> String {
        var value = self
        if let places, places < Int(scale) {
            value = value.rounded(droppingDigits: Int(scale) - places, halfEven: false)
        }
        let targetScale = places ?? Int(value.scale)
        let negative = value.mantissa < 0
        var digits = String(value.mantissa.magnitude)
        let fractional = Int(value.scale)
        if digits.count <= fractional {
            digits = String(repeating: "0", count: fractional - digits.count + 1) + digits
        }
        var integerText = String(digits.prefix(digits.count - fractional))
        var fractionText = String(digits.suffix(fractional))
        if fractionText.count < targetScale {
            fractionText += String(repeating: "0", count: targetScale - fractionText.count)
        }
        if integerText.isEmpty { integerText = "0" }
        let sign = negative && (value.mantissa != 0) ? "-" : ""
        return fractionText.isEmpty ? sign + integerText : sign + integerText + "." + fractionText
    }

    func rounded(droppingDigits count: Int, halfEven: Bool = true) -> ExactDecimal {
        guard count > 0 else { return self }
        var value = mantissa
        var droppedNonZero = false
        var lastDigit: Int64 = 0
        for step in 0..<count {
            let digit = abs(value % 10)
            value /= 10
            if step < count - 1 { droppedNonZero = droppedNonZero || digit != 0 } else { lastDigit = digit }
        }
        let roundUp: Bool
        if lastDigit > 5 || (lastDigit == 5 && droppedNonZero) {
            roundUp = true
        } else if lastDigit == 5 {
            roundUp = !halfEven || value % 2 != 0
        } else {
            roundUp = false
        }
        if roundUp { value += mantissa < 0 ? -1 : 1 }
        return ExactDecimal(mantissa: value, scale: Int8(max(Int(scale) - count, 0)))
    }
}

/// A 128-bit signed integer, just enough for exact decimal division.
struct WideInteger {
    var high: Int64
    var low: UInt64

    init(_ value: Int64) {
        high = value < 0 ? -1 : 0
        low = UInt64(bitPattern: value)
    }

    init(high: Int64, low: UInt64) {
        self.high = high
        self.low = low
    }

    var isNegative: Bool { high < 0 }

    var magnitudeParts: (high: UInt64, low: UInt64) {
        if !isNegative { return (UInt64(bitPattern: high), low) }
        let invertedLow = ~low
        let (newLow, carry) = invertedLow.addingReportingOverflow(1)
        let newHigh = ~UInt64(bitPattern: high) &+ (carry ? 1 : 0)
        return (newHigh, newLow)
    }

    static func fromMagnitude(high: UInt64, low: UInt64, negative: Bool) -> WideInteger {
        if !negative { return WideInteger(high: Int64(bitPattern: high), low: low) }
        let invertedLow = ~low
        let (newLow, carry) = invertedLow.addingReportingOverflow(1)
        let newHigh = ~high &+ (carry ? 1 : 0)
        return WideInteger(high: Int64(bitPattern: newHigh), low: newLow)
    }

    /// Ten times the value, or nil when the magnitude would reach 2^127.
    func timesTenChecked() -> WideInteger? {
        let (mh, ml) = magnitudeParts
        let lowProduct = ml.multipliedFullWidth(by: 10)
        let (scaled, overflow) = mh.multipliedReportingOverflow(by: 10)
        let (highProduct, carry) = scaled.addingReportingOverflow(lowProduct.high)
        if overflow || carry || highProduct >= 1 << 63 { return nil }
        return .fromMagnitude(high: highProduct, low: lowProduct.low, negative: isNegative)
    }

    func dividedByTenTruncating() -> WideInteger {
        let (mh, ml) = magnitudeParts
        let highQuotient = mh / 10
        let highRemainder = mh % 10
        let (lowQuotient, _) = UInt64(10).dividingFullWidth((highRemainder, ml))
        return .fromMagnitude(high: highQuotient, low: lowQuotient, negative: isNegative)
    }

    /// Truncating division by a 64-bit divisor: quotient and remainder (remainder carries the dividend's sign).
    func divided(by divisor: Int64) -> (quotient: WideInteger, remainder: Int64) {
        let (mh, ml) = magnitudeParts
        let d = divisor.magnitude
        let highQuotient = mh / d
        let highRemainder = mh % d
        let (lowQuotient, remainder) = d.dividingFullWidth((highRemainder, ml))
        let negativeQuotient = isNegative != (divisor < 0)
        let quotient = WideInteger.fromMagnitude(high: highQuotient, low: lowQuotient, negative: negativeQuotient)
        let signedRemainder = isNegative ? -Int64(remainder) : Int64(remainder)
        return (quotient, signedRemainder)
    }

    var int64: Int64? {
        if high == 0 && low <= UInt64(Int64.max) { return Int64(low) }
        if high == -1 && low >= UInt64(bitPattern: Int64.min) { return Int64(bitPattern: low) }
        return nil
    }
}
