import PolicyModel

/// One window a requirement is judged in: its first and last day (both included) and how
/// it is named in a report (`2025-W02`, `mid_autumn-2025`).
package struct ComplianceWindow: Sendable, Hashable {
    package let start: CivilDate
    package let end: CivilDate
    package let label: String

    package init(start: CivilDate, end: CivilDate, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }

    /// The number of days in the window.
    package var days: Int { end.dayNumber - start.dayNumber + 1 }
}

extension ComplianceWindowKind {
    /// The window of this kind that contains `date`; nil for `.festival`, whose windows
    /// come from the festivals.
    ///
    /// ```swift
    /// ComplianceWindowKind.isoWeek.window(containing: CivilDate("2025-12-29")!)?.label   // "2026-W01"
    /// ComplianceWindowKind.halfMonth.window(containing: CivilDate("2024-02-20")!)?.end  // 2024-02-29
    /// ```
    package func window(containing date: CivilDate) -> ComplianceWindow? {
        let year = date.year, month = date.month
        switch self {
        case .day:
            return ComplianceWindow(start: date, end: date, label: date.description)
        case .isoWeek:
            let monday = CivilDate(dayNumber: date.dayNumber - (date.isoWeekday - 1)) ?? date
            let sunday = CivilDate(dayNumber: monday.dayNumber + 6) ?? date
            let (weekYear, week) = date.isoWeek
            return ComplianceWindow(start: monday, end: sunday, label: Self.digits(weekYear, 4) + "-W" + Self.digits(week, 2))
        case .halfMonth:
            let first = date.day <= 15
            let start = CivilDate(packed: Int32(year * 10000 + month * 100 + (first ? 1 : 16)))
            let end = CivilDate(packed: Int32(year * 10000 + month * 100 + (first ? 15 : CivilDate.daysInMonth(year: year, month: month))))
            return ComplianceWindow(start: start, end: end, label: Self.monthLabel(year, month) + (first ? "-H1" : "-H2"))
        case .month:
            return ComplianceWindow(start: CivilDate(packed: Int32(year * 10000 + month * 100 + 1)),
                                    end: CivilDate(packed: Int32(year * 10000 + month * 100 + CivilDate.daysInMonth(year: year, month: month))),
                                    label: Self.monthLabel(year, month))
        case .quarter:
            let quarter = (month - 1) / 3 + 1
            let last = quarter * 3
            return ComplianceWindow(start: CivilDate(packed: Int32(year * 10000 + (last - 2) * 100 + 1)),
                                    end: CivilDate(packed: Int32(year * 10000 + last * 100 + CivilDate.daysInMonth(year: year, month: last))),
                                    label: Self.digits(year, 4) + "-Q" + String(quarter))
        case .festival:
            return nil
        }
    }

    /// Every window of this kind lying wholly inside `from`…`to`, in date order; empty for `.festival`.
    package func windows(from: CivilDate, to: CivilDate) -> [ComplianceWindow] {
        var result: [ComplianceWindow] = []
        var day = from.dayNumber
        while day <= to.dayNumber, let date = CivilDate(dayNumber: day), let window = window(containing: date) {
            if window.start >= from && window.end <= to { result.append(window) }
            day = window.end.dayNumber + 1
        }
        return result
    }

    static func monthLabel(_ year: Int, _ month: Int) -> String { digits(year, 4) + "-" + digits(month, 2) }

    static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension CivilDate {
    /// 1 for Monday … 7 for Sunday (1970-01-01 was a Thursday).
    package var isoWeekday: Int {
        let remainder = (dayNumber + 3) % 7
        return (remainder < 0 ? remainder + 7 : remainder) + 1
    }

    /// The ISO 8601 week-numbering year and week: the week's Thursday decides the year.
    package var isoWeek: (year: Int, week: Int) {
        guard let thursday = CivilDate(dayNumber: dayNumber - isoWeekday + 4) else { return (year, 1) }
        let firstOfYear = CivilDate(packed: Int32(thursday.year * 10000 + 101))
        return (thursday.year, (thursday.dayNumber - firstOfYear.dayNumber) / 7 + 1)
    }
}
