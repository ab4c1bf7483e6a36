import PolicyModel

/// One requirement made ready for a period: the windows every elder shares (calendar
/// windows and lunar festivals) with the days each requires, and the festivals whose
/// windows are each elder's own (a birthday).
package struct RequirementPlan: Sendable {
    /// A window with its days as offsets in the period, and the days it requires.
    package struct Window: Sendable {
        package let window: ComplianceWindow
        package let first: Int
        package let last: Int
        package let required: Int
        /// Ties of windows starting the same day keep the requirement's festival order.
        let order: Int
    }

    package let requirement: Requirement
    package let shared: [Window]
    /// Festivals (indices into the section's) whose windows are each elder's own.
    package let ownFestivals: [Int]

    package init(_ requirement: Requirement, period: CompliancePeriod, festivals: FestivalCalendar, parameters: [ParameterDeclaration]) throws(ComplianceError) {
        self.requirement = requirement
        var shared: [Window] = []
        var own: [Int] = []
        if requirement.window == .festival {
            for (order, festival) in requirement.festivals.enumerated() {
                if case .anniversary = festivals.festivals[festival].day {
                    own.append(festival)
                    continue
                }
                for window in festivals.lunarWindows[festival] {
                    shared.append(try Self.plan(window, order: order, requirement: requirement, period: period, parameters: parameters))
                }
            }
            shared.sort { ($0.window.start, $0.order) < ($1.window.start, $1.order) }
        } else {
            for window in requirement.window.windows(from: period.from, to: period.to) {
                shared.append(try Self.plan(window, order: 0, requirement: requirement, period: period, parameters: parameters))
            }
        }
        self.shared = shared
        ownFestivals = own
    }

    /// The windows judged for an elder with these facts, in date order.
    package func windows(facts: [Value], festivals: FestivalCalendar, period: CompliancePeriod, parameters: [ParameterDeclaration]) throws(ComplianceError) -> [Window] {
        guard !ownFestivals.isEmpty else { return shared }
        var windows = shared
        for festival in ownFestivals {
            let order = requirement.festivals.firstIndex(of: festival) ?? 0
            for window in try festivals.windows(of: festival, facts: facts) {
                windows.append(try Self.plan(window, order: order, requirement: requirement, period: period, parameters: parameters))
            }
        }
        windows.sort { ($0.window.start, $0.order) < ($1.window.start, $1.order) }
        return windows
    }

    static func plan(_ window: ComplianceWindow, order: Int, requirement: Requirement, period: CompliancePeriod, parameters: [ParameterDeclaration]) throws(ComplianceError) -> Window {
        let required = try DayCount.value(requirement.atLeastDays, on: window.start, parameters: parameters, what: "`at_least_days` of requirement `\(requirement.name)`")
        return Window(window: window, first: window.start.dayNumber - period.from.dayNumber, last: window.end.dayNumber - period.from.dayNumber,
                      required: required, order: order)
    }
}
