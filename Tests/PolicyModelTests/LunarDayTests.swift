import PolicyModel
import Testing

/// A festival's day of the Chinese calendar as a policy writes it: 正月初一 … 腊月三十, or MM-DD.
@Suite("Lunar days")
struct LunarDayTests {
    @Test("Chinese names and MM-DD give the month and day", arguments: [
        ("正月初一", 1, 1), ("正月十五", 1, 15), ("八月十五", 8, 15), ("九月初九", 9, 9), ("五月初五", 5, 5),
        ("七月初七", 7, 7), ("腊月廿三", 12, 23), ("十二月二十三", 12, 23), ("冬月初十", 11, 10), ("十一月二十", 11, 20),
        ("三月三十", 3, 30), ("一月初一", 1, 1), ("01-15", 1, 15), ("12-30", 12, 30), (" 08-15 ", 8, 15),
    ])
    func parses(_ text: String, _ month: Int, _ day: Int) {
        #expect(LunarDay(text) == LunarDay(month: month, day: day))
    }

    @Test("anything else is not a lunar day", arguments: [
        "", "八月", "十五", "八月三十五", "十三月初一", "八月初十一", "8-15", "2025-08-15", "00-10", "13-01", "08-31", "八月十五日", "闰六月初一",
    ])
    func rejects(_ text: String) {
        #expect(LunarDay(text) == nil)
    }

    @Test("written back the Chinese way", arguments: [
        (1, 1, "正月初一"), (1, 15, "正月十五"), (8, 15, "八月十五"), (9, 9, "九月初九"), (10, 10, "十月初十"),
        (11, 20, "冬月二十"), (12, 23, "腊月廿三"), (12, 30, "腊月三十"),
    ])
    func text(_ month: Int, _ day: Int, _ expected: String) {
        #expect(LunarDay(month: month, day: day)?.text == expected)
    }
}
