import PolicyModel
import Testing

/// Full years between two dates (周岁): a birthday counts on the day itself, and
/// someone born on 29 February has a birthday on 1 March in a non-leap year.
@Suite("CivilDate full years (周岁)")
struct CivilDateFullYearsTests {
    @Test("age in full years", arguments: [
        ("1955-11-24", "2025-11-23", 69),
        ("1955-11-24", "2025-11-24", 70),
        ("1955-11-24", "2025-11-25", 70),
        ("2000-02-29", "2025-02-28", 24),
        ("2000-02-29", "2025-03-01", 25),
        ("2000-02-29", "2028-02-28", 27),
        ("2000-02-29", "2028-02-29", 28),
        ("2000-01-01", "2000-01-01", 0),
        ("2000-12-31", "2001-12-30", 0),
        ("2000-12-31", "2001-12-31", 1),
        ("1924-06-15", "2025-06-14", 100),
    ])
    func fullYears(_ born: String, _ on: String, _ years: Int) throws {
        let start = try #require(CivilDate(born)), end = try #require(CivilDate(on))
        #expect(CivilDate.fullYears(from: start, to: end) == years)
    }

    @Test("negative when the end is earlier", arguments: [
        ("2000-06-01", "1999-06-01", -1),
        ("2000-06-01", "1990-06-01", -10),
        ("2000-06-01", "2000-05-31", -1),
    ])
    func negative(_ start: String, _ end: String, _ years: Int) throws {
        let from = try #require(CivilDate(start)), to = try #require(CivilDate(end))
        #expect(CivilDate.fullYears(from: from, to: to) == years)
    }
}
