import PolicyModel
import Testing

@Suite("CivilDate parsing")
struct CivilDateParsingTests {
    @Test("real dates written YYYY-MM-DD are read", arguments: [
        ("2024-02-29", 2024, 2, 29),
        ("2000-02-29", 2000, 2, 29),
        ("2025-11-24", 2025, 11, 24),
        ("1955-01-01", 1955, 1, 1),
        ("0001-01-01", 1, 1, 1),
        ("9999-12-31", 9999, 12, 31),
        ("2025-04-30", 2025, 4, 30),
    ])
    func parses(_ text: String, _ year: Int, _ month: Int, _ day: Int) throws {
        let date = try #require(CivilDate(text))
        #expect(date.year == year)
        #expect(date.month == month)
        #expect(date.day == day)
        #expect(date.packed == Int32(year * 10000 + month * 100 + day))
        #expect(date.description == text)
    }

    @Test("impossible dates are refused", arguments: [
        "2025-02-29", "1900-02-29", "2100-02-29", "2025-13-01", "2025-00-10", "2025-01-00",
        "2025-04-31", "2025-06-31", "2025-01-32", "0000-01-01",
    ])
    func refusesImpossibleDates(_ text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test("anything but exactly YYYY-MM-DD is refused", arguments: [
        "2025-1-1", "2025-01-1", "25-01-01", "2025/01/01", "2025.01.01", " 2025-01-01", "2025-01-01 ",
        "2025-01-01T00:00", "20250101", "", "２０２５-01-01", "2025-0a-01", "+025-01-01", "2025--1-01",
    ])
    func refusesOtherShapes(_ text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test("the component initialiser checks the calendar", arguments: [
        (2024, 2, 29, true), (2023, 2, 29, false), (2025, 12, 31, true), (2025, 12, 32, false),
        (0, 1, 1, false), (10000, 1, 1, false), (2025, 0, 1, false), (2025, 13, 1, false),
    ] as [(Int, Int, Int, Bool)])
    func components(_ year: Int, _ month: Int, _ day: Int, _ valid: Bool) {
        #expect((CivilDate(year: year, month: month, day: day) != nil) == valid)
    }

    @Test("leap years follow the Gregorian rule", arguments: [
        (1900, false), (2000, true), (2024, true), (2025, false), (2100, false), (2400, true), (1996, true),
    ])
    func leapYears(_ year: Int, _ isLeap: Bool) {
        #expect(CivilDate.isLeapYear(year) == isLeap)
        #expect(CivilDate.daysInMonth(year: year, month: 2) == (isLeap ? 29 : 28))
    }

    @Test("days in each month of 2025")
    func daysInMonths() {
        #expect((1...12).map { CivilDate.daysInMonth(year: 2025, month: $0) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    }

    @Test("dates order by calendar")
    func ordering() throws {
        let dates = try ["2025-01-01", "2024-12-31", "2024-02-29", "2025-01-02"].map { try #require(CivilDate($0)) }
        #expect(dates.sorted().map(\.description) == ["2024-02-29", "2024-12-31", "2025-01-01", "2025-01-02"])
        #expect(try #require(CivilDate("2024-12-31")) < #require(CivilDate("2025-01-01")))
        #expect(CivilDate("2025-01-01") == CivilDate(year: 2025, month: 1, day: 1))
    }

    @Test("today is a real date that survives a round trip through text")
    func today() throws {
        let today = CivilDate.today()
        #expect(today.year >= 2024)
        #expect(CivilDate(today.description) == today)
    }
}
