import PolicyModel

/// The days judged: `from`…`to`, both included. Days are counted from `from` (offset 0).
/// A period ends on or after it starts and lasts at most ten years: a township's records
/// are judged a year or a quarter at a time, and the day marks of every elder grow with
/// the days (`DayMarks`), so a mistyped year (`--to 2205-12-31`) is refused, not run.
///
/// ```swift
/// try CompliancePeriod(from: CivilDate("2025-01-01")!, to: CivilDate("2025-12-31")!).dayCount   // 365
/// try CompliancePeriod(from: CivilDate("2015-01-01")!, to: CivilDate("2025-01-01")!)            // throws: longer than ten years
/// ```
package struct CompliancePeriod: Sendable, Hashable {
    /// The longest period judged, in years.
    package static let longestYears = 10

    package let from: CivilDate
    package let to: CivilDate

    /// The messages are Chinese: a township officer reads them. The error names the field
    /// at fault (`to`) for a service to report.
    package init(from: CivilDate, to: CivilDate) throws(ComplianceError) {
        guard from <= to else {
            throw ComplianceError("统计期间的结束日 \(to) 早于开始日 \(from)：结束日应在开始日当天或之后",
                                  kind: .invalidInput, field: "to")
        }
        let last = Self.lastDay(from: from)
        guard to <= last else {
            throw ComplianceError("统计期间不能超过\(Self.longestYears)年：自 \(from) 起最晚到 \(last)，而结束日是 \(to)；请分段统计，每段不超过\(Self.longestYears)年",
                                  kind: .invalidInput, field: "to")
        }
        self.from = from
        self.to = to
    }

    /// The last day of the longest period starting on `from`: the day before its tenth
    /// anniversary (29 February's is 1 March in a year without one, so the day before is
    /// 28 February).
    package static func lastDay(from: CivilDate) -> CivilDate {
        let year = from.year + longestYears
        let anniversary = CivilDate(year: year, month: from.month, day: from.day) ?? CivilDate(packed: Int32(year * 10000 + 301))
        return CivilDate(dayNumber: anniversary.dayNumber - 1) ?? anniversary
    }

    package var dayCount: Int { to.dayNumber - from.dayNumber + 1 }

    /// The day's offset from `from`, or nil outside the period.
    @inline(__always)
    package func offset(ofDayNumber day: Int) -> Int? {
        let offset = day - from.dayNumber
        return offset >= 0 && offset < dayCount ? offset : nil
    }
}
