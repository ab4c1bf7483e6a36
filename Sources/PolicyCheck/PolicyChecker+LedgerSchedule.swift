import PolicyModel
import PolicySyntax

extension PolicyChecker {
    /// A `scheduled:` entry: a known calendar, an event type that takes no other event,
    /// and an expression of the right type for every field of the event but `date`.
    /// The expressions are about a person, in the policy's own scope.
    func checkSchedule(_ syntax: LedgerScheduleSyntax, events: [LedgerEventSyntax], fieldLists: [[LedgerEventType.Field?]]) -> LedgerSchedule? {
        let name = syntax.name.value
        let errorsBefore = diagnostics.errorCount
        let calendar = LedgerSchedule.Calendar(rawValue: syntax.every.text)
        if calendar == nil {
            diagnostics.append(.error(.unknownCalendar(syntax.every.text, schedule: name), at: syntax.every.span, help: .calendars))
        }
        guard let eventType = events.firstIndex(where: { $0.name.value == syntax.eventType.value }) else {
            diagnostics.append(.error(.noEventTypeToSchedule(syntax.eventType.value), at: syntax.eventType.span,
                                      help: NameSuggestion.help(for: syntax.eventType.value, in: events.map(\.name.value), kind: .eventTypes)?.help))
            return nil
        }
        if !events[eventType].takes.isEmpty {
            diagnostics.append(.error(.scheduledEventTakes(syntax.eventType.value), at: syntax.eventType.span, help: .scheduleWithoutTake))
            return nil
        }
        let eventFields = fieldLists[eventType]
        let names = eventFields.compactMap { $0?.name }
        var given: [String: LedgerScheduleSyntax.Field] = [:]
        for field in syntax.fields {
            if field.name.value == "date" {
                diagnostics.append(.error(.dateIsNotGiven, at: field.name.span, help: .everySetsDate(syntax.every.text)))
            } else if !names.contains(field.name.value) {
                diagnostics.append(.error(.eventHasNoField(event: syntax.eventType.value, field: field.name.value), at: field.name.span,
                                          help: NameSuggestion.help(for: field.name.value, in: Array(names.dropFirst()), kind: .fields)?.help))
            } else {
                given[field.name.value] = field
            }
        }
        var fields: [Expression] = []
        for case let field? in eventFields.dropFirst() {
            guard let written = given[field.name] else {
                diagnostics.append(.error(.scheduleMissingField(schedule: name, field: field.name, event: syntax.eventType.value), at: syntax.name.span,
                                          help: .giveFieldExpression(field.name)))
                continue
            }
            guard let (expression, type) = checkExpression(written.value.syntax, expected: field.type) else { continue }
            guard PolicyChecker.fits(type, field.type) else {
                diagnostics.append(.error(.scheduleFieldType(field: field.name, event: syntax.eventType.value, field.type, actual: type), at: written.value.syntax.span))
                continue
            }
            fields.append(PolicyChecker.widen(expression, from: type, to: field.type))
        }
        let condition = syntax.condition.flatMap { checkBool($0.syntax, role: .scheduleWhen(name)) }
        guard let calendar, diagnostics.errorCount == errorsBefore, fields.count == eventFields.count - 1 else { return nil }
        return LedgerSchedule(name: name, label: syntax.label ?? name, calendar: calendar, eventType: eventType, condition: condition, fields: fields,
                              provenance: Provenance(syntax.provenance), span: syntax.name.span)
    }
}
