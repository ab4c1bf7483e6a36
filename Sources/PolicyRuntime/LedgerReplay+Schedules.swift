import PolicyModel

extension LedgerReplay {
    /// The days in `months` (first days of months, ascending) on which the policy's
    /// schedules make events, up to the replay's as-of date.
    package func scheduleDays(_ months: [CivilDate]) -> [CivilDate] {
        guard ledger.schedules.contains(where: { $0.calendar == .month }) else { return [] }
        return months.filter { day in asOf.map { day <= $0 } ?? true }
    }

    /// Makes and applies the events every schedule makes on `date` for each person, in
    /// the order of `persons` (each with their line in the people file), schedule by
    /// schedule. Each person is evaluated by `evaluator`, the way a decision is; an event
    /// then goes through its type's refusals and effects like one read from a file. A
    /// person who cannot be evaluated on the day is refused, with the reason.
    package mutating func applySchedules(on date: CivilDate, persons: [(line: Int, facts: Facts)], evaluator: PolicyEvaluator) {
        for schedule in ledger.schedules {
            let eventName = ledger.events[schedule.eventType].name
            let expressions = (schedule.condition.map { [$0] } ?? []) + schedule.fields
            for (line, facts) in persons {
                let values: [Value]
                do {
                    values = try evaluator.evaluate(expressions, for: facts, on: date)
                } catch {
                    _ = refuse(LedgerRefusalRecord(line: line, eventType: eventName, date: date, reason: "the person cannot be evaluated: \(error)",
                                                   scheduled: schedule.name))
                    continue
                }
                if schedule.condition != nil, values.first != .bool(true) { continue }
                let fields = [Value.date(date)] + values.dropFirst(schedule.condition == nil ? 0 : 1)
                switch stage(line: line, eventType: schedule.eventType, values: fields) {
                case .success(let staged):
                    state = staged
                    state.accepted += 1
                case .failure(let refusal):
                    _ = refuse(refusal.scheduled(by: schedule.name, line: line))
                }
            }
        }
    }
}
