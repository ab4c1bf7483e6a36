import Testing
@testable import PolicyModel

/// Exact money and calendar ages, the two things every decision rests on.
@Suite struct CoreValueTests {
    func d(_ text: String) -> ExactDecimal { ExactDecimal(text)! }

    @Test func decimalsAreExact() throws {
        #expect(try d("0.10").adding(d("0.20")) == d("0.3"))
        #expect(try d("8.00").multiplied(by: ExactDecimal(20)).formatted(places: 2) == "160.00")
        #expect(try d("12.00").subtracting(d("14.00")).formatted(places: 2) == "-2.00")
        #expect(d("1.5") == d("1.50"))
        #expect(ExactDecimal.compare(d("2.05"), d("2.5")) == -1)
    }

    @Test func textThatIsNotADecimalIsRefused() {
        #expect(ExactDecimal("1e3") == nil)
        #expect(ExactDecimal("12,00") == nil)
        #expect(ExactDecimal("") == nil)
        #expect(ExactDecimal("abc") == nil)
    }

    @Test func roundingDownToAUnit() throws {
        // Mutual-aid points: 80 minutes is 1.0 point, 90 minutes 1.5, 29 minutes 0.
        let half = d("0.5")
        #expect(try (try ExactDecimal(80).divided(by: ExactDecimal(60))).floored(toMultipleOf: half).formatted(places: 1) == "1.0")
        #expect(try (try ExactDecimal(90).divided(by: ExactDecimal(60))).floored(toMultipleOf: half).formatted(places: 1) == "1.5")
        #expect(try (try ExactDecimal(29).divided(by: ExactDecimal(60))).floored(toMultipleOf: half).formatted(places: 1) == "0.0")
        #expect(throws: ArithmeticFault.self) { try d("1.0").floored(toMultipleOf: .zero) }
    }

    @Test func divisionByZeroAndOverflowAreFaultsNotCrashes() {
        #expect(throws: ArithmeticFault.self) { try d("1.00").divided(by: .zero) }
        #expect(throws: ArithmeticFault.self) { try ExactDecimal(Int64.max).multiplied(by: ExactDecimal(10)) }
    }

    @Test func twoPlacesRoundHalfUp() {
        #expect(d("0.005").formatted(places: 2) == "0.01")
        #expect(d("2.344").formatted(places: 2) == "2.34")
        #expect(d("7").formatted(places: 2) == "7.00")
    }

    @Test func datesAreCalendarDates() {
        #expect(CivilDate("2024-02-29") != nil)
        #expect(CivilDate("2025-02-29") == nil)
        #expect(CivilDate("2025-13-01") == nil)
        #expect(CivilDate("2025-1-1") == nil)
        #expect(CivilDate("2025-11-24")?.description == "2025-11-24")
    }

    @Test func ageIsFullYears() {
        let born = CivilDate("1955-11-24")!
        #expect(CivilDate.fullYears(from: born, to: CivilDate("2025-11-23")!) == 69)
        #expect(CivilDate.fullYears(from: born, to: CivilDate("2025-11-24")!) == 70)
        let leap = CivilDate("2000-02-29")!
        #expect(CivilDate.fullYears(from: leap, to: CivilDate("2025-02-28")!) == 24)
        #expect(CivilDate.fullYears(from: leap, to: CivilDate("2025-03-01")!) == 25)
        #expect(CivilDate.fullYears(from: leap, to: CivilDate("2028-02-29")!) == 28)
    }

    @Test func dayNumbersCountAcrossLeapYears() {
        #expect(CivilDate("2024-03-01")!.dayNumber - CivilDate("2024-02-28")!.dayNumber == 2)
        #expect(CivilDate("2025-03-01")!.dayNumber - CivilDate("2025-02-28")!.dayNumber == 1)
        #expect(CivilDate(dayNumber: CivilDate("2026-11-23")!.dayNumber) == CivilDate("2026-11-23"))
    }
}

/// Division keeps as many fractional digits as fit, so large quotients are exact too.
@Suite struct DivisionTests {
    @Test func largeQuotientsDoNotOverflow() throws {
        #expect(try ExactDecimal("100.00")!.divided(by: ExactDecimal(5)) == ExactDecimal(20))
        #expect(try ExactDecimal("1000000.00")!.divided(by: ExactDecimal("0.5")!) == ExactDecimal(2_000_000))
        #expect(try ExactDecimal(10).divided(by: ExactDecimal(3)).formatted(places: 2) == "3.33")
        #expect(try ExactDecimal(2).divided(by: ExactDecimal(3)).formatted(places: 2) == "0.67")
        #expect(try ExactDecimal(-7).divided(by: ExactDecimal(2)) == ExactDecimal("-3.5")!)
        #expect(try ExactDecimal(1_000_000_000).divided(by: ExactDecimal(3)).formatted(places: 2) == "333333333.33")
    }
}

/// A numerator too wide for the working integer is skipped, never wrapped into a wrong answer.
@Suite struct DivisionWidthTests {
    @Test func dividingByAQuotientIsRight() throws {
        let tenThirds = try ExactDecimal(10).divided(by: ExactDecimal(3))
        #expect(try ExactDecimal(1000).divided(by: tenThirds).formatted(places: 2) == "300.00")
        let twentyThirds = try ExactDecimal(20).divided(by: ExactDecimal(3))
        #expect(try ExactDecimal(300).divided(by: twentyThirds).formatted(places: 2) == "45.00")
    }
}
