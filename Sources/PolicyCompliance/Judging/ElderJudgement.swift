import PolicyModel
import PolicyRuntime

/// How one elder fared: for each requirement, the windows judged, how many were met, and
/// the missed ones in date order.
package struct ElderOutcome: Sendable {
    /// One requirement's windows for the elder.
    package struct Tally: Sendable, Equatable {
        package var windows = 0
        package var met = 0
        package var missed: [ComplianceWindow] = []
    }

    package let elder: Int
    package let tallies: [Tally]

    /// Whether any requirement judged the elder in any window.
    package var isJudged: Bool { tallies.contains { $0.windows > 0 } }
    /// Judged, and no window missed.
    package var isFullyCompliant: Bool { isJudged && tallies.allSatisfy { $0.missed.isEmpty } }
}

/// Judges elders against the marks of their records: for each requirement and each of its
/// windows that judges the elder, the distinct days marked in the window against the days
/// it requires.
package struct ElderJudgement: Sendable {
    package let plans: [RequirementPlan]
    package let festivals: FestivalCalendar
    package let period: CompliancePeriod
    package let parameters: [ParameterDeclaration]
    package let roster: ElderRoster

    package func judge(_ elder: Int, marks: DayMarks, predicates: ElderPredicates) throws(ComplianceError) -> ElderOutcome {
        let record = roster.elders[elder]
        predicates.start(record)
        var tallies: [ElderOutcome.Tally] = []
        tallies.reserveCapacity(plans.count)
        for (index, plan) in plans.enumerated() {
            var tally = ElderOutcome.Tally()
            for window in try plan.windows(facts: record.facts.values, festivals: festivals, period: period, parameters: parameters) {
                guard try predicates.judges(requirement: index, on: window.window.start, offset: window.first) else { continue }
                tally.windows += 1
                if marks.count(elder: elder, requirement: index, first: window.first, last: window.last) >= window.required {
                    tally.met += 1
                } else {
                    tally.missed.append(window.window)
                }
            }
            tallies.append(tally)
        }
        return ElderOutcome(elder: elder, tallies: tallies)
    }
}
