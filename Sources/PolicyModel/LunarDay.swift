/// A month and day of the Chinese lunisolar calendar (农历), as a festival is named:
/// `正月初一` (春节), `正月十五`, `八月十五`, `九月初九`, or written `01-01`. Never a leap
/// month (闰月). Which Gregorian day it falls on in a year is computed by the calendar,
/// not kept in a table.
///
/// ```swift
/// LunarDay("八月十五")      // month 8, day 15
/// LunarDay("腊月廿三")      // month 12, day 23
/// LunarDay("09-09")?.text   // "九月初九"
/// ```
package struct LunarDay: Sendable, Hashable {
    package let month: Int
    package let day: Int

    package init?(month: Int, day: Int) {
        guard (1...12).contains(month), (1...30).contains(day) else { return nil }
        self.month = month
        self.day = day
    }

    /// Parses `正月初一`-style Chinese or `MM-DD`; nil for anything else.
    package init?(_ text: String) {
        let trimmed = text.trimmingSpaces
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard parts.allSatisfy({ $0.count == 2 }), let month = Int(parts[0]), let day = Int(parts[1]) else { return nil }
            self.init(month: month, day: day)
            return
        }
        guard let monthEnd = trimmed.firstIndex(of: "月") else { return nil }
        let monthText = String(trimmed[..<monthEnd]), dayText = String(trimmed[trimmed.index(after: monthEnd)...])
        guard let month = LunarDay.months[monthText], let day = LunarDay.dayNumber(dayText) else { return nil }
        self.init(month: month, day: day)
    }

    /// The day written the Chinese way: `八月十五`.
    package var text: String {
        let monthNames = ["正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊"]
        return monthNames[month - 1] + "月" + LunarDay.dayName(day)
    }

    static let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
    static let months: [String: Int] = [
        "正": 1, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
        "十一": 11, "冬": 11, "十二": 12, "腊": 12,
    ]

    /// 初一…初十, 十一…十九, 二十, 廿一…廿九 (or 二十一…), 三十.
    static func dayNumber(_ text: String) -> Int? {
        let characters = Array(text)
        switch characters.count {
        case 2 where characters[0] == "初":
            if characters[1] == "十" { return 10 }
            return digits[characters[1]]
        case 2 where characters[0] == "十":
            return digits[characters[1]].map { 10 + $0 }
        case 2 where characters[0] == "廿":
            return digits[characters[1]].map { 20 + $0 }
        case 2 where characters[1] == "十":
            guard let tens = digits[characters[0]], tens == 2 || tens == 3 else { return nil }
            return tens * 10
        case 3 where characters[0] == "二" && characters[1] == "十":
            return digits[characters[2]].map { 20 + $0 }
        default:
            return nil
        }
    }

    static func dayName(_ day: Int) -> String {
        let names = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch day {
        case 1...9: return "初" + names[day]
        case 10: return "初十"
        case 11...19: return "十" + names[day - 10]
        case 20: return "二十"
        case 21...29: return "廿" + names[day - 20]
        default: return "三十"
        }
    }
}

extension String {
    /// The text without leading and trailing spaces (no Foundation in this module).
    var trimmingSpaces: Substring {
        let characters = self[...]
        guard let first = characters.firstIndex(where: { $0 != " " }) else { return "" }
        let last = characters.lastIndex(where: { $0 != " " }) ?? first
        return characters[first...last]
    }
}
