#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A calendar date with no time and no zone, as policies speak of dates (`2025-11-24`).
///
/// Stored as `yyyymmdd` in one integer, so ordering dates is ordering integers and
/// full years between two dates (周岁) is one subtraction:
///
/// ```swift
/// let born = CivilDate("1955-11-24")!
/// CivilDate.fullYears(from: born, to: CivilDate("2025-11-23")!)   // 69
/// CivilDate.fullYears(from: born, to: CivilDate("2025-11-24")!)   // 70
/// ```
/// Someone born on 29 February reaches a new age on 1 March in a non-leap year.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `year * 10000 + month * 100 + day`.
    public let packed: Int32

    /// The date whose `packed` form is `packed` (`yyyymmdd`), which must be a real date.
    public init(packed: Int32) {
        self.packed = packed
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        packed = Int32(year * 10000 + month * 100 + day)
    }

    /// Parses exactly `YYYY-MM-DD` (see `DigitReader.date`); nil for anything else or an
    /// impossible date (`2025-02-29`).
    public init?(_ text: some StringProtocol) {
        guard let packed = DigitReader.withUTF8(text, { DigitReader.date($0, 0, $0.count) }) else { return nil }
        self.init(packed: packed)
    }

    public var year: Int { Int(packed) / 10000 }
    public var month: Int { Int(packed) / 100 % 100 }
    public var day: Int { Int(packed) % 100 }

    public var description: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: 4 - y.count) + y + "-" + (m.count == 1 ? "0" : "") + m + "-" + (d.count == 1 ? "0" : "") + d
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.packed < rhs.packed }

    /// Full years from `start` to `end` (周岁 when `start` is a birth date); negative when `end` is earlier.
    public static func fullYears(from start: CivilDate, to end: CivilDate) -> Int {
        let difference = Int(end.packed) - Int(start.packed)
        return difference >= 0 ? difference / 10000 : -((-difference + 9999) / 10000)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init?(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Today's date in the machine's time zone.
    public static func today() -> CivilDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let year = Int(parts.tm_year) + 1900
        let month = Int(parts.tm_mon) + 1
        let day = Int(parts.tm_mday)
        return CivilDate(packed: Int32(year * 10000 + month * 100 + day))
    }
}
