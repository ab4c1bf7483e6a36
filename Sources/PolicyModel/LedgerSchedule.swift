/// An event the ledger makes itself: on each day of its calendar (the first day of
/// each month), for each person, an event of type `eventType` whose fields (after
/// `date`, the day itself) are the values of `fields` for that person on that day,
/// when `condition` holds. Its expressions read the person's facts, definitions and
/// decisions and the parameters, as a decision's do; the event then goes through the
/// event type's refusals and effects like any other, so the ledger and the decisions
/// cannot disagree.
package struct LedgerSchedule: Sendable {
    /// The days on which the events are made.
    package enum Calendar: String, Sendable, CaseIterable {
        /// The first day of each month.
        case month
    }

    package let name: String
    package let label: String
    package let calendar: Calendar
    package let eventType: Int
    package let condition: Expression?
    /// One expression per field of the event type after `date`, in the type's order.
    package let fields: [Expression]
    package let provenance: Provenance
    package let span: SourceSpan

    package init(name: String, label: String, calendar: Calendar, eventType: Int, condition: Expression?, fields: [Expression],
                 provenance: Provenance, span: SourceSpan) {
        self.name = name
        self.label = label
        self.calendar = calendar
        self.eventType = eventType
        self.condition = condition
        self.fields = fields
        self.provenance = provenance
        self.span = span
    }
}
