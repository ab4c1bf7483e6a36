import PolicyModel

/// The windows of a section's festivals that lie wholly inside a period: each festival day
/// ± its `days_around`, named `NAME-YEAR` after the festival day's year. Lunar festivals
/// are the same for every elder and computed once; an anniversary (a birthday) is each
/// elder's own.
///
/// ```swift
/// let festivals = try FestivalCalendar(policy: policy, from: CivilDate("2025-01-01")!, to: CivilDate("2025-12-31")!)
/// festivals.windows(of: 2, facts: elder)   // [mid_autumn-2025: 2025-10-03 … 2025-10-09]
/// ```
package struct FestivalCalendar: Sendable {
    package let festivals: [Festival]
    package let from: CivilDate
    package let to: CivilDate
    /// For each festival: its windows when lunar; empty for an anniversary.
    package let lunarWindows: [[ComplianceWindow]]
    let parameters: [ParameterDeclaration]

    package init(policy: CheckedPolicy, from: CivilDate, to: CivilDate) throws(ComplianceError) {
        let festivals = policy.compliance?.festivals ?? []
        self.festivals = festivals
        self.from = from
        self.to = to
        parameters = policy.parameters
        let calendar = ChineseCalendarDays()
        var lunar: [[ComplianceWindow]] = []
        for festival in festivals {
            guard case .lunar(let day) = festival.day else {
                lunar.append([])
                continue
            }
            var windows: [ComplianceWindow] = []
            // A window inside the period holds its festival day, so only the period's years matter.
            for year in from.year...to.year {
                for date in calendar.days(of: day, in: year) {
                    if let window = try Self.window(festival, on: date, parameters: parameters, from: from, to: to) { windows.append(window) }
                }
            }
            lunar.append(windows)
        }
        lunarWindows = lunar
    }

    /// The windows of festival `index` inside the period for one elder, in date order.
    package func windows(of index: Int, facts: [Value]) throws(ComplianceError) -> [ComplianceWindow] {
        let festival = festivals[index]
        guard case .anniversary(let input) = festival.day else { return lunarWindows[index] }
        guard input < facts.count, case .date(let fact) = facts[input] else { return [] }
        let firstYear = max(from.year, fact.year + 1)
        guard firstYear <= to.year else { return [] }
        var windows: [ComplianceWindow] = []
        for year in firstYear...to.year {
            let day = CivilDate(year: year, month: fact.month, day: fact.day) ?? CivilDate(year: year, month: 3, day: 1)
            if let day, let window = try Self.window(festival, on: day, parameters: parameters, from: from, to: to) { windows.append(window) }
        }
        return windows
    }

    /// The window around `day`, when it lies wholly inside `from`…`to`.
    static func window(_ festival: Festival, on day: CivilDate, parameters: [ParameterDeclaration], from: CivilDate, to: CivilDate) throws(ComplianceError) -> ComplianceWindow? {
        let around = try DayCount.value(festival.daysAround, on: day, parameters: parameters, what: "`days_around` of festival `\(festival.name)`")
        guard let start = CivilDate(dayNumber: day.dayNumber - around), let end = CivilDate(dayNumber: day.dayNumber + around),
              start >= from, end <= to else { return nil }
        return ComplianceWindow(start: start, end: end, label: festival.name + "-" + ComplianceWindowKind.digits(day.year, 4))
    }
}

/// A number of days written as a whole number or an integer parameter (`at_least_days`,
/// `days_around`), as in force on a date.
package enum DayCount {
    package static func value(_ expression: Expression, on date: CivilDate, parameters: [ParameterDeclaration], what: String) throws(ComplianceError) -> Int {
        switch expression {
        case .constant(.integer(let value), _):
            return Int(value)
        case .parameter(let index) where index < parameters.count:
            guard case .integer(let value)? = parameters[index].value(on: date) else {
                throw ComplianceError("\(what): parameter `\(parameters[index].name)` has no value in force on \(date)")
            }
            return Int(value)
        default:
            throw ComplianceError("\(what) is not a whole number of days")
        }
    }
}
