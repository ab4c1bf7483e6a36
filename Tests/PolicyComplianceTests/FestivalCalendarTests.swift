import CarePolicy
import PolicyCompliance
import PolicyModel
import Testing

/// Festivals: lunar days computed by Foundation's Chinese calendar (checked against known
/// dates), anniversaries (29 February → 1 March in other years), windows of ± days.
@Suite("Festival calendar")
struct FestivalCalendarTests {
    @Test("lunar days fall on the known Gregorian days", arguments: [
        ("正月初一", 2025, ["2025-01-29"]),   // 春节 2025
        ("正月初一", 2026, ["2026-02-17"]),   // 春节 2026
        ("正月初一", 2024, ["2024-02-10"]),
        ("正月十五", 2025, ["2025-02-12"]),   // 元宵节
        ("正月十五", 2024, ["2024-02-24"]),
        ("八月十五", 2025, ["2025-10-06"]),   // 中秋节
        ("八月十五", 2024, ["2024-09-17"]),
        ("九月初九", 2025, ["2025-10-29"]),   // 重阳节
        ("九月初九", 2026, ["2026-10-18"]),
        ("五月初五", 2025, ["2025-05-31"]),   // 端午节
        ("六月初一", 2025, ["2025-06-25"]),   // not 2025-07-25, the first day of 闰六月
        ("腊月廿三", 2025, ["2025-01-22"]),   // 腊月 of the lunar year that began in 2024
    ])
    func lunarDays(_ lunar: String, _ year: Int, _ expected: [String]) throws {
        let day = try #require(LunarDay(lunar))
        #expect(ChineseCalendarDays().days(of: day, in: year).map(\.description) == expected)
    }

    @Test("a day of a leap month is no festival day")
    func leapMonth() throws {
        let calendar = ChineseCalendarDays()
        #expect(calendar.lunarDay(of: try date("2025-07-25")) == nil)
        #expect(calendar.lunarDay(of: try date("2025-08-23")) == LunarDay(month: 7, day: 1))
    }

    @Test("Sunhe's festival windows in 2025: each festival day ± 3, named after the festival day's year")
    func sunheWindows() throws {
        let policy = try SunheScenario.policy()
        let festivals = try FestivalCalendar(policy: policy.checked, from: try date("2025-01-01"), to: try date("2025-12-31"))
        let lunar = festivals.lunarWindows.map { $0.map { "\($0.label) \($0.start)…\($0.end)" } }
        #expect(lunar == [
            ["spring_festival-2025 2025-01-26…2025-02-01"],
            ["lantern_festival-2025 2025-02-09…2025-02-15"],
            ["mid_autumn-2025 2025-10-03…2025-10-09"],
            ["double_ninth-2025 2025-10-26…2025-11-01"],
            [],
        ])
    }

    @Test("birthdays: 29 February is 1 March in a year without one; only windows inside the period", arguments: [
        ("1944-02-29", "2025-01-01", "2025-12-31", ["birthday-2025 2025-02-26…2025-03-04"]),
        ("1944-02-29", "2024-01-01", "2024-12-31", ["birthday-2024 2024-02-26…2024-03-03"]),
        ("1950-06-15", "2024-01-01", "2025-12-31", ["birthday-2024 2024-06-12…2024-06-18", "birthday-2025 2025-06-12…2025-06-18"]),
        ("1950-01-02", "2025-01-01", "2025-12-31", []),
        ("1950-12-30", "2025-01-01", "2025-12-31", []),
        ("2025-03-01", "2025-01-01", "2025-12-31", []),
    ])
    func birthdays(_ born: String, _ from: String, _ to: String, _ expected: [String]) throws {
        let policy = try SunheScenario.policy()
        let festivals = try FestivalCalendar(policy: policy.checked, from: try date(from), to: try date(to))
        let facts = try policy.decodeFacts(json: SunheScenario.elder("e1", ["birth_date": born]))
        let birthday = try #require(policy.checked.compliance?.festivals.firstIndex { $0.name == "birthday" })
        #expect(try festivals.windows(of: birthday, facts: facts.values).map { "\($0.label) \($0.start)…\($0.end)" } == expected)
    }
}
