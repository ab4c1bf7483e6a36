import Foundation
import PolicyModel

/// The Gregorian days on which a day of the Chinese lunisolar calendar falls, computed by
/// Foundation's Chinese calendar (`Calendar(identifier: .chinese)`), never read from a
/// typed table. A leap month (闰月) never holds a festival: 八月十五 is the 15th of the
/// ordinary eighth month.
///
/// ```swift
/// let calendar = ChineseCalendarDays()
/// calendar.days(of: LunarDay("正月初一")!, in: 2025)   // [2025-01-29]
/// calendar.days(of: LunarDay("八月十五")!, in: 2025)   // [2025-10-06]
/// ```
package final class ChineseCalendarDays {
    let calendar: Calendar
    /// Each Gregorian year scanned so far: the lunar day of each of its days.
    var years: [Int: [LunarDay: [CivilDate]]] = [:]

    package init() {
        var calendar = Calendar(identifier: .chinese)
        // Civil days are counted in UTC, so a day's noon is that day everywhere the
        // calendar is asked; noon keeps clear of any day boundary.
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        self.calendar = calendar
    }

    /// The days of Gregorian `year` that are `lunar` (usually one; none when the lunar
    /// month has no such day that year, such as a 三十 of a 29-day month).
    package func days(of lunar: LunarDay, in year: Int) -> [CivilDate] {
        if let known = years[year] { return known[lunar] ?? [] }
        var table: [LunarDay: [CivilDate]] = [:]
        guard let first = CivilDate(year: year, month: 1, day: 1), let last = CivilDate(year: year, month: 12, day: 31) else { return [] }
        for day in first.dayNumber...last.dayNumber {
            guard let date = CivilDate(dayNumber: day), let key = lunarDay(of: date) else { continue }
            table[key, default: []].append(date)
        }
        years[year] = table
        return table[lunar] ?? []
    }

    /// The lunar month and day of a Gregorian date; nil in a leap month.
    package func lunarDay(of date: CivilDate) -> LunarDay? {
        let instant = Date(timeIntervalSince1970: TimeInterval(date.dayNumber) * 86_400 + 43_200)
        let parts = calendar.dateComponents([.month, .day, .isLeapMonth], from: instant)
        if parts.isLeapMonth == true { return nil }
        guard let month = parts.month, let day = parts.day else { return nil }
        return LunarDay(month: month, day: day)
    }
}
