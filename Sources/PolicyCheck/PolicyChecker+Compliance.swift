import PolicyModel
import PolicySyntax

extension PolicyChecker {
    func checkCompliance(_ syntax: ComplianceSyntax, parameters: [ParameterDeclaration]) -> ComplianceDeclaration? {
        let errorsBefore = diagnostics.errorCount
        let records = syntax.records.compactMap(checkRecordKind)
        if syntax.records.isEmpty {
            diagnostics.append(.error(.noRecordKinds, at: syntax.span, help: .declareRecordsUnder))
        }
        let festivals = syntax.festivals.compactMap { checkFestival($0, parameters: parameters) }
        let requirements = syntax.requirements.compactMap { checkRequirement($0, records: syntax.records, recordKinds: records, festivals: syntax.festivals, parameters: parameters) }
        if syntax.requirements.isEmpty {
            diagnostics.append(.error(.noRequirements, at: syntax.span, help: .declareRequirementsUnder))
        }
        if syntax.requirements.count > 64, let extra = syntax.requirements.dropFirst(64).first {
            diagnostics.append(.error(.tooManyRequirements, at: extra.name.span, help: .splitRequirements))
        }
        let grouping = checkGrouping(syntax)
        var spotCheck: ComplianceDeclaration.SpotCheck?
        if let check = syntax.spotCheck, let per = check.per, let window = windowKind(per) {
            if window == .festival {
                diagnostics.append(.error(.spotCheckPerFestival, at: per.span, help: .spotCheckPerQuarter))
            } else {
                spotCheck = .init(window: window, provenance: Provenance(check.provenance))
            }
        }
        guard diagnostics.errorCount == errorsBefore, records.count == syntax.records.count, festivals.count == syntax.festivals.count,
              requirements.count == syntax.requirements.count else { return nil }
        return ComplianceDeclaration(title: syntax.title.value, grouping: grouping, records: records, festivals: festivals, requirements: requirements,
                                     spotCheck: spotCheck, provenance: Provenance(syntax.provenance), span: syntax.span)
    }

    func checkRecordKind(_ syntax: ComplianceRecordSyntax) -> ComplianceRecordKind? {
        let fields = recordFields(syntax)
        guard let elder = syntax.elderField else { return nil }
        guard let slot = fields.firstIndex(where: { $0?.name == elder.value }), fields[slot]?.type == .string else {
            diagnostics.append(.error(.elderNeedsTextField(syntax.name.value), at: elder.span,
                                      help: NameSuggestion.help(for: elder.value, in: syntax.fields.map(\.name.value), kind: .fields)?.help ?? .declareElderField))
            return nil
        }
        let typed = fields.compactMap { $0 }
        guard typed.count == fields.count else { return nil }
        return ComplianceRecordKind(name: syntax.name.value, label: syntax.label ?? syntax.name.value, fields: typed, elderField: slot,
                                    provenance: Provenance(syntax.provenance), span: syntax.name.span)
    }

    /// The record's fields with `date` first; nil where a type did not resolve.
    func recordFields(_ syntax: ComplianceRecordSyntax) -> [LedgerEventType.Field?] {
        [LedgerEventType.Field(name: "date", type: .date)] + syntax.fields.map { field in
            field.type.flatMap { resolveType($0, name: field.name.value) }.map { LedgerEventType.Field(name: field.name.value, type: $0) }
        }
    }

    func checkFestival(_ syntax: FestivalSyntax, parameters: [ParameterDeclaration]) -> Festival? {
        var day: Festival.Day?
        if let lunar = syntax.lunar {
            if let parsed = LunarDay(lunar.text) {
                day = .lunar(parsed)
            } else {
                diagnostics.append(.error(.notLunarDay(lunar.text), at: lunar.span, help: .writeLunarDay))
            }
        }
        if let anniversary = syntax.anniversary {
            let dateInputs = merged.inputs.indices.filter { inputTypes[$0] == .date }
            if let input = dateInputs.first(where: { merged.inputs[$0].name.value == anniversary.value }) {
                day = .anniversary(input: input)
            } else {
                diagnostics.append(.error(.anniversaryNeedsDateFact, at: anniversary.span,
                                          help: NameSuggestion.help(for: anniversary.value, in: dateInputs.map { merged.inputs[$0].name.value }, kind: .dateFacts)?.help))
            }
        }
        guard let around = syntax.daysAround, let daysAround = checkCount(around, key: "days_around", parameters: parameters), let day else { return nil }
        return Festival(name: syntax.name.value, label: syntax.label ?? syntax.name.value, day: day, daysAround: daysAround,
                        provenance: Provenance(syntax.provenance), span: syntax.name.span)
    }

    func checkRequirement(_ syntax: RequirementSyntax, records: [ComplianceRecordSyntax], recordKinds: [ComplianceRecordKind],
                          festivals: [FestivalSyntax], parameters: [ParameterDeclaration]) -> Requirement? {
        let name = syntax.name.value
        var recordKind: Int?
        if let of = syntax.recordKind {
            recordKind = records.firstIndex { $0.name.value == of.value }
            if recordKind == nil {
                diagnostics.append(.error(.noRecordKind(of.value), at: of.span, help: NameSuggestion.help(for: of.value, in: records.map(\.name.value), kind: .recordKinds)?.help))
            }
        }
        var counts: Expression?
        if let recordKind, let written = syntax.counts {
            let fields = recordFields(records[recordKind])
            guard fields.allSatisfy({ $0 != nil }) else { return nil }
            var scope: [String: (Expression, ValueType)] = [:]
            for (slot, field) in fields.compactMap({ $0 }).enumerated() { scope[field.name] = (.input(slot), field.type) }
            localScope = scope
            localScopeName = .counts(requirement: name)
            counts = checkBool(written.syntax, role: .keyword("counts"))
            localScope = nil
        }
        let atLeast = syntax.atLeastDays.flatMap { checkCount($0, key: "at_least_days", parameters: parameters) }
        let window = syntax.per.flatMap(windowKind)
        var festivalIndices: [Int] = []
        if window == .festival {
            let names = syntax.festivals ?? festivals.map(\.name)
            if names.isEmpty, let per = syntax.per {
                diagnostics.append(.error(.festivalWindowWithoutFestivals(name), at: per.span, help: .declareFestivals))
            }
            for festival in names {
                guard let index = festivals.firstIndex(where: { $0.name.value == festival.value }) else {
                    diagnostics.append(.error(.noFestival(festival.value), at: festival.span, help: NameSuggestion.help(for: festival.value, in: festivals.map(\.name.value), kind: .festivals)?.help))
                    continue
                }
                festivalIndices.append(index)
            }
        } else if let listed = syntax.festivals?.first, window != nil {
            diagnostics.append(.error(.festivalsNeedFestivalWindow, at: listed.span, help: .removeFestivals))
        }
        let elders = syntax.elders.flatMap { checkBool($0.syntax, role: .keyword("elders")) }
        var from: Expression?
        if let written = syntax.from, let (expression, type) = checkExpression(written.syntax, expected: .date) {
            if type == .date {
                from = expression
            } else {
                diagnostics.append(.error(.fromNotDate(type), at: written.syntax.span, help: .fromMeaning))
            }
        }
        if let atLeast, let window, case .constant(.integer(let days), _) = atLeast, let longest = window.longestSpan, days > longest, let span = syntax.atLeastDays?.syntax.span {
            diagnostics.append(.warning(.requirementNeverMet(name, days: days, longest: longest), at: span))
        }
        guard let recordKind, let atLeast, let window, (syntax.counts == nil) == (counts == nil), (syntax.elders == nil) == (elders == nil),
              (syntax.from == nil) == (from == nil) else { return nil }
        return Requirement(name: name, label: syntax.label ?? name, recordKind: recordKind, counts: counts, countsText: syntax.counts?.text,
                           atLeastDays: atLeast, window: window, festivals: festivalIndices, elders: elders, eldersText: syntax.elders?.text,
                           from: from, fromText: syntax.from?.text, provenance: Provenance(syntax.provenance), span: syntax.name.span)
    }

    func windowKind(_ per: Located<String>) -> ComplianceWindowKind? {
        if let kind = ComplianceWindowKind(rawValue: per.value) { return kind }
        let names = ComplianceWindowKind.allCases.map(\.rawValue)
        diagnostics.append(.error(.unknownWindow(per.value), at: per.span,
                                  help: NameSuggestion.closest(to: per.value, in: names).map { .suggestion(.didYouMean($0)) } ?? .windowsAre(names)))
        return nil
    }

    /// A number of days: a whole number or an integer parameter, never below zero.
    func checkCount(_ written: WrittenExpression, key: String, parameters: [ParameterDeclaration]) -> Expression? {
        let syntax = written.syntax
        switch syntax.kind {
        case .integer(let text):
            guard let value = Int64(text) else {
                diagnostics.append(.error(.numberTooLarge(text), at: syntax.span))
                return nil
            }
            if value < 0 {
                diagnostics.append(.error(.countNegative(key: key, found: text), at: syntax.span, help: .daysNotNegative))
                return nil
            }
            return .constant(.integer(value), .integer)
        case .negate(let operand):
            if case .integer(let text) = operand.kind {
                diagnostics.append(.error(.countNegative(key: key, found: "-" + text), at: syntax.span, help: .daysNotNegative))
                return nil
            }
        case .name(let name):
            if let (kind, index) = symbols[name], kind == .parameter, index < parameters.count {
                let parameter = parameters[index]
                guard parameter.type == .integer else {
                    diagnostics.append(.error(.countParameterNotWhole(key: key, parameter: name, parameter.type), at: syntax.span))
                    return nil
                }
                if let negative = parameter.timeline.first(where: { ($0.value.integerValue ?? 0) < 0 }) {
                    let when = parameter.timeline.count > 1 ? "\(negative.from)" : nil
                    diagnostics.append(.error(.countParameterNegative(key: key, parameter: name, value: negative.value.display(as: .integer), from: when),
                                              at: syntax.span, help: .daysNotNegativeValueAt(negative.span)))
                    return nil
                }
                return .parameter(index)
            }
            if symbols[name] == nil {
                diagnostics.append(.error(.unknownName(name), at: syntax.span,
                                          help: NameSuggestion.help(for: name, in: parameters.map(\.name), kind: .parameters)?.help))
                return nil
            }
        default:
            break
        }
        diagnostics.append(.error(.countShape(key), at: syntax.span, help: .countExample(key)))
        return nil
    }

    func checkGrouping(_ syntax: ComplianceSyntax) -> ComplianceDeclaration.Grouping? {
        guard let by = syntax.groupBy else {
            if let groups = syntax.groups {
                diagnostics.append(.error(.groupsWithoutGroupBy, at: groups.span, help: .addGroupBy))
            }
            return nil
        }
        guard let input = merged.inputs.firstIndex(where: { $0.name.value == by.value }) else {
            diagnostics.append(.error(.groupByNeedsFact, at: by.span,
                                      help: NameSuggestion.help(for: by.value, in: merged.inputs.map(\.name.value), kind: .facts)?.help))
            return nil
        }
        switch inputTypes[input] {
        case .string?, .enumeration?: break
        default:
            diagnostics.append(.error(.groupByNeedsTextOrEnum(by.value, inputTypes[input]), at: by.span))
            return nil
        }
        guard let groups = syntax.groups else {
            diagnostics.append(.error(.groupByNeedsGroups, at: by.span, help: .groupsExample))
            return nil
        }
        guard PolicyFileParser.isValidName(groups.value), groups.value != "elders", groups.value != "policy", groups.value != "period",
              groups.value != "refused", groups.value != "spot_check" else {
            diagnostics.append(.error(.cannotNameGroups(groups.value), at: groups.span, help: .groupNameRules))
            return nil
        }
        return .init(input: input, name: by.value, plural: groups.value, label: syntax.groupLabel ?? merged.inputs[input].label ?? by.value)
    }
}

extension ComplianceWindowKind {
    /// The most days a window of this kind can have; nil for a festival (set by its parameter).
    var longestSpan: Int64? {
        switch self {
        case .day: return 1
        case .isoWeek: return 7
        case .halfMonth: return 16
        case .month: return 31
        case .quarter: return 92
        case .festival: return nil
        }
    }
}
