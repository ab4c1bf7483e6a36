/// The one reading of whole numbers, exact decimals and dates from UTF-8 bytes, shared
/// by the JSON reader, the CSV decoder, the in-place fast readers and the text
/// initialisers (`ExactDecimal("12.50")`, `CivilDate("2026-06-01")`). Each reads exactly
/// `bytes[start..<end]` and gives nil for anything else, so a caller that knows its
/// format's own rules (JSON has no `+` and no leading zeros) checks those first.
///
/// ```swift
/// DigitReader.integer(bytes, 0, bytes.count)   // "-42" → -42; "9223372036854775808" → nil
/// DigitReader.decimal(bytes, 0, bytes.count)   // "12.50" → 12.50 (mantissa 1250, scale 2)
/// DigitReader.date(bytes, 0, bytes.count)      // "2024-02-29" → 20240229; "2025-02-29" → nil
/// ```
///
/// Public and `@inlinable` (an exception to the inner modules' `package` access) because
/// the in-place readers of other modules call it once per field: a `package` function is
/// not inlined across modules, and the call cost the fast CSV and JSON paths a few percent.
public enum DigitReader {
    /// `[+-]?[0-9]+` as an `Int64` (leading zeros allowed); nil when empty, not digits, or
    /// outside `Int64.min...Int64.max`.
    @inlinable @inline(__always)
    public static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        guard start < end else { return nil }
        var index = start
        let negative = sign(bytes, &index)
        guard index < end else { return nil }
        if end - index <= 18 {
            // The usual case (an age, a count): eighteen digits fit, no overflow to check.
            var value: Int64 = 0
            while index < end {
                let digit = bytes[index] &- 48
                guard digit < 10 else { return nil }
                value = value &* 10 &+ Int64(digit)
                index += 1
            }
            return negative ? -value : value
        }
        guard let magnitude = digits(bytes, index, end) else { return nil }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// `[+-]?[0-9]+(\.[0-9]+)?` as an exact decimal keeping its written scale (`12.50` has
    /// scale 2); nil for anything else, more than `ExactDecimal.maxScale` decimals, or a
    /// mantissa beyond `Int64.max`.
    package static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ExactDecimal? {
        guard start < end else { return nil }
        var index = start
        let negative = sign(bytes, &index)
        var point = index
        while point < end && bytes[point] != 46 { point += 1 }
        guard point > index else { return nil }
        let places = point < end ? end - point - 1 : 0
        guard point == end || places > 0, places <= Int(ExactDecimal.maxScale) else { return nil }
        guard var magnitude = digits(bytes, index, point) else { return nil }
        if places > 0 {
            guard let fraction = digits(bytes, point + 1, end) else { return nil }
            var scaled: UInt64 = magnitude
            for _ in 0..<places {
                let (times, overflow) = scaled.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                scaled = times
            }
            let (sum, overflow) = scaled.addingReportingOverflow(fraction)
            guard !overflow else { return nil }
            magnitude = sum
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return ExactDecimal(mantissa: negative ? -Int64(magnitude) : Int64(magnitude), scale: Int8(places))
    }

    /// Exactly `YYYY-MM-DD`, a date that exists in the calendar, as its packed `yyyymmdd`;
    /// nil for anything else (`2025-02-29`, `2025-13-01`, `0000-01-01`, `2025-1-01`).
    @inlinable @inline(__always)
    public static func date(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
        guard end - start == 10, bytes[start + 4] == 45, bytes[start + 7] == 45 else { return nil }
        var year = 0, month = 0, day = 0
        for offset in 0..<10 where offset != 4 && offset != 7 {
            let digit = bytes[start + offset] &- 48
            guard digit < 10 else { return nil }
            if offset < 4 { year = year * 10 + Int(digit) } else if offset < 7 { month = month * 10 + Int(digit) } else { day = day * 10 + Int(digit) }
        }
        guard year >= 1, month >= 1, month <= 12, day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        return Int32(year * 10000 + month * 100 + day)
    }

    /// Moves past a leading `+` or `-`; whether it was `-`.
    @inlinable @inline(__always)
    public static func sign(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
        let byte = bytes[index]
        guard byte == 45 || byte == 43 else { return false }
        index += 1
        return byte == 45
    }

    /// `[0-9]+` (at least one digit) as a magnitude; nil on any other byte or beyond `UInt64.max`.
    @inlinable @inline(__always)
    public static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64? {
        guard start < end else { return nil }
        var value: UInt64 = 0
        var index = start
        // Nineteen digits cannot overflow: check only what comes after them.
        let unchecked = min(end, start + 19)
        while index < unchecked {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return nil }
            value = value &* 10 &+ UInt64(digit)
            index += 1
        }
        while index < end {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (plus, overflowPlus) = times.addingReportingOverflow(UInt64(digit))
            guard !overflowTimes, !overflowPlus else { return nil }
            value = plus
            index += 1
        }
        return value
    }

    /// Calls `body` with the UTF-8 bytes of `text`, without a copy when they are contiguous.
    package static func withUTF8<Result>(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
