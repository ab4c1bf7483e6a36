import PolicyModel
import Testing

/// `dayNumber` counts days from 1970-01-01; differences are day counts across leap years.
@Suite("CivilDate day numbers")
struct CivilDateDayNumberTests {
    static func date(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test("known day numbers", arguments: [
        ("1970-01-01", 0),
        ("1970-01-02", 1),
        ("1969-12-31", -1),
        ("2000-01-01", 10957),
        ("2024-01-01", 19723),
        ("2024-02-29", 19782),
        ("0001-01-01", -719162),
        ("9999-12-31", 2932896),
    ])
    func dayNumbers(_ text: String, _ number: Int) {
        #expect(Self.date(text).dayNumber == number)
        #expect(CivilDate(dayNumber: number) == Self.date(text))
    }

    @Test("days between dates across leap years", arguments: [
        ("2024-02-28", "2024-03-01", 2),
        ("2025-02-28", "2025-03-01", 1),
        ("2100-02-28", "2100-03-01", 1),
        ("2000-02-28", "2000-03-01", 2),
        ("2024-01-01", "2025-01-01", 366),
        ("2025-01-01", "2026-01-01", 365),
        ("2024-12-31", "2024-01-01", -365),
        ("1955-11-24", "2025-11-24", 25568),
    ])
    func differences(_ start: String, _ end: String, _ days: Int) {
        #expect(Self.date(end).dayNumber - Self.date(start).dayNumber == days)
    }

    @Test("every day from 1999 to 2001 converts to a number and back")
    func roundTrip() throws {
        let first = Self.date("1999-01-01").dayNumber
        var previous: CivilDate?
        for number in first..<(first + 3 * 366) {
            let date = try #require(CivilDate(dayNumber: number))
            #expect(date.dayNumber == number)
            if let previous { #expect(previous < date) }
            previous = date
        }
        #expect(previous == Self.date("2002-01-02"))
    }

    @Test("day numbers outside years 1 to 9999 have no date")
    func outOfRange() {
        #expect(CivilDate(dayNumber: 2932897) == nil)
        #expect(CivilDate(dayNumber: -719163) == nil)
    }
}
