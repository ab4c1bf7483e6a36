import PolicyCompliance
import PolicyModel
import Testing

/// The period judged: on or after it starts, at most ten years (the day before the tenth
/// anniversary of `from`), refused otherwise with a Chinese message naming the last day allowed.
@Suite("Compliance period")
struct PeriodTests {
    @Test("the last day of the longest period", arguments: [
        ("2015-01-01", "2024-12-31"), ("2025-03-15", "2035-03-14"), ("2016-02-29", "2026-02-28"), ("2020-03-01", "2030-02-28"), ("2019-03-01", "2029-02-28"),
    ])
    func lastDay(_ from: String, _ last: String) throws {
        #expect(CompliancePeriod.lastDay(from: try date(from)).description == last)
        #expect(try CompliancePeriod(from: try date(from), to: try date(last)).to.description == last)
    }

    @Test("one day more than ten years, or an end before the start, is refused", arguments: [
        ("2015-01-01", "2025-01-01", "统计期间不能超过10年：自 2015-01-01 起最晚到 2024-12-31，而结束日是 2025-01-01；请分段统计，每段不超过10年"),
        ("2016-02-29", "2026-03-01", "统计期间不能超过10年：自 2016-02-29 起最晚到 2026-02-28，而结束日是 2026-03-01；请分段统计，每段不超过10年"),
        ("2025-01-01", "2999-12-31", "统计期间不能超过10年：自 2025-01-01 起最晚到 2034-12-31，而结束日是 2999-12-31；请分段统计，每段不超过10年"),
        ("2025-01-02", "2025-01-01", "统计期间的结束日 2025-01-01 早于开始日 2025-01-02：结束日应在开始日当天或之后"),
    ])
    func refused(_ from: String, _ to: String, _ message: String) throws {
        let error = #expect(throws: ComplianceError.self) { try CompliancePeriod(from: try date(from), to: try date(to)) }
        #expect(error?.message == message)
        #expect(error?.kind == .invalidInput)
        #expect(error?.field == "to")
    }

    @Test("a one-day period and its offsets")
    func oneDay() throws {
        let period = try CompliancePeriod(from: try date("2025-03-03"), to: try date("2025-03-03"))
        #expect(period.dayCount == 1)
        #expect(period.offset(ofDayNumber: try date("2025-03-03").dayNumber) == 0)
        #expect(period.offset(ofDayNumber: try date("2025-03-04").dayNumber) == nil)
        #expect(period.offset(ofDayNumber: try date("2025-03-02").dayNumber) == nil)
    }
}
