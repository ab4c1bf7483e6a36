import PolicyModel
import PolicySyntax

extension PolicyChecker {
    func checkCompliance(_ syntax: ComplianceSyntax, parameters: [ParameterDeclaration]) -> ComplianceDeclaration? {
        let errorsBefore = diagnostics.errorCount
        let records = syntax.records.compactMap(checkRecordKind)
        if syntax.records.isEmpty {
            diagnostics.append(.error("the compliance section declares no record kinds", at: syntax.span, help: "declare at least one under `records:`"))
        }
        let festivals = syntax.festivals.compactMap { checkFestival($0, parameters: parameters) }
        let requirements = syntax.requirements.compactMap { checkRequirement($0, records: syntax.records, recordKinds: records, festivals: syntax.festivals, parameters: parameters) }
        if syntax.requirements.isEmpty {
            diagnostics.append(.error("the compliance section declares no requirements", at: syntax.span, help: "declare at least one under `requirements:`"))
        }
        if syntax.requirements.count > 64, let extra = syntax.requirements.dropFirst(64).first {
            diagnostics.append(.error("a compliance section holds at most 64 requirements", at: extra.name.span, help: "split the requirements over two policies"))
        }
        let grouping = checkGrouping(syntax)
        var spotCheck: ComplianceDeclaration.SpotCheck?
        if let check = syntax.spotCheck, let per = check.per, let window = windowKind(per) {
            if window == .festival {
                diagnostics.append(.error("a spot check is drawn per calendar window, not per festival", at: per.span, help: "use `per: quarter` or `per: month`"))
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
            diagnostics.append(.error("`elder` must name a text field of record kind `\(syntax.name.value)`", at: elder.span,
                                      help: NameSuggestion.help(for: elder.value, in: syntax.fields.map(\.name.value), kind: "fields")
                                        ?? "declare the field that holds the elder's id, e.g. `elder: string` under `fields:`"))
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
                diagnostics.append(.error("`\(lunar.text)` is not a day of the Chinese calendar", at: lunar.span,
                                          help: "write the month and day the way a calendar does, like `正月初一`, `八月十五`, `腊月廿三`, or as `MM-DD` (`08-15`)"))
            }
        }
        if let anniversary = syntax.anniversary {
            let dateInputs = merged.inputs.indices.filter { inputTypes[$0] == .date }
            if let input = dateInputs.first(where: { merged.inputs[$0].name.value == anniversary.value }) {
                day = .anniversary(input: input)
            } else {
                diagnostics.append(.error("`anniversary` must name a date fact of the elder", at: anniversary.span,
                                          help: NameSuggestion.help(for: anniversary.value, in: dateInputs.map { merged.inputs[$0].name.value }, kind: "date facts")))
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
                diagnostics.append(.error("no record kind `\(of.value)`", at: of.span, help: NameSuggestion.help(for: of.value, in: records.map(\.name.value), kind: "record kinds")))
            }
        }
        var counts: Expression?
        if let recordKind, let written = syntax.counts {
            let fields = recordFields(records[recordKind])
            guard fields.allSatisfy({ $0 != nil }) else { return nil }
            var scope: [String: (Expression, ValueType)] = [:]
            for (slot, field) in fields.compactMap({ $0 }).enumerated() { scope[field.name] = (.input(slot), field.type) }
            localScope = scope
            localScopeName = "the `counts` of requirement `\(name)`"
            localScopeItem = "the record"
            counts = checkBool(written.syntax, role: "`counts`")
            localScope = nil
            localScopeItem = "the event"
        }
        let atLeast = syntax.atLeastDays.flatMap { checkCount($0, key: "at_least_days", parameters: parameters) }
        let window = syntax.per.flatMap(windowKind)
        var festivalIndices: [Int] = []
        if window == .festival {
            let names = syntax.festivals ?? festivals.map(\.name)
            if names.isEmpty, let per = syntax.per {
                diagnostics.append(.error("requirement `\(name)` is judged per festival, but the section declares no festivals", at: per.span,
                                          help: "declare them under `festivals:`, e.g. `mid_autumn: {label: 中秋节, lunar: 八月十五, days_around: 3}`"))
            }
            for festival in names {
                guard let index = festivals.firstIndex(where: { $0.name.value == festival.value }) else {
                    diagnostics.append(.error("no festival `\(festival.value)`", at: festival.span, help: NameSuggestion.help(for: festival.value, in: festivals.map(\.name.value), kind: "festivals")))
                    continue
                }
                festivalIndices.append(index)
            }
        } else if let listed = syntax.festivals?.first, window != nil {
            diagnostics.append(.error("`festivals` belongs to a requirement judged `per: festival`", at: listed.span, help: "remove it, or judge the requirement per festival"))
        }
        let elders = syntax.elders.flatMap { checkBool($0.syntax, role: "`elders`") }
        var from: Expression?
        if let written = syntax.from, let (expression, type) = checkExpression(written.syntax, expected: .date) {
            if type == .date {
                from = expression
            } else {
                diagnostics.append(.error("`from` must be a date about the elder, but this is \(type)", at: written.syntax.span,
                                          help: "name a date fact such as `card_issued_on`: only windows that start on or after it are judged"))
            }
        }
        if let atLeast, let window, case .constant(.integer(let days), _) = atLeast, let longest = window.longestSpan, days > longest, let span = syntax.atLeastDays?.syntax.span {
            diagnostics.append(.warning("requirement `\(name)` asks for \(days) distinct days in a window of at most \(longest) day\(longest == 1 ? "" : "s"): it can never be met", at: span))
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
        diagnostics.append(.error("unknown window `\(per.value)`", at: per.span,
                                  help: NameSuggestion.closest(to: per.value, in: names).map { "did you mean `\($0)`?" }
                                    ?? "the windows are " + names.map { "`\($0)`" }.joined(separator: ", ")))
        return nil
    }

    /// A number of days: a whole number or an integer parameter, never below zero.
    func checkCount(_ written: WrittenExpression, key: String, parameters: [ParameterDeclaration]) -> Expression? {
        let syntax = written.syntax
        switch syntax.kind {
        case .integer(let text):
            guard let value = Int64(text) else {
                diagnostics.append(.error("`\(text)` is too large", at: syntax.span))
                return nil
            }
            if value < 0 {
                diagnostics.append(.error("`\(key)` must be 0 or more, not \(text)", at: syntax.span, help: "a number of days cannot be negative"))
                return nil
            }
            return .constant(.integer(value), .integer)
        case .negate(let operand):
            if case .integer(let text) = operand.kind {
                diagnostics.append(.error("`\(key)` must be 0 or more, not -\(text)", at: syntax.span, help: "a number of days cannot be negative"))
                return nil
            }
        case .name(let name):
            if let (kind, index) = symbols[name], kind == .parameter, index < parameters.count {
                let parameter = parameters[index]
                guard parameter.type == .integer else {
                    diagnostics.append(.error("`\(key)` must be a whole number, but parameter `\(name)` is \(parameter.type)", at: syntax.span))
                    return nil
                }
                if let negative = parameter.timeline.first(where: { ($0.value.integerValue ?? 0) < 0 }) {
                    let when = parameter.timeline.count > 1 ? " from \(negative.from)" : ""
                    diagnostics.append(.error("`\(key)` must be 0 or more, but parameter `\(name)` is \(negative.value.display(as: .integer))\(when)",
                                              at: syntax.span, help: "a number of days cannot be negative; the value is at \(negative.span)"))
                    return nil
                }
                return .parameter(index)
            }
            if symbols[name] == nil {
                diagnostics.append(.error("unknown name `\(name)`", at: syntax.span,
                                          help: NameSuggestion.help(for: name, in: parameters.map(\.name), kind: "parameters")))
                return nil
            }
        default:
            break
        }
        diagnostics.append(.error("`\(key)` must be a whole number of days or the name of an integer parameter", at: syntax.span,
                                  help: "e.g. `\(key): 1` or `\(key): festival_window_days`"))
        return nil
    }

    func checkGrouping(_ syntax: ComplianceSyntax) -> ComplianceDeclaration.Grouping? {
        guard let by = syntax.groupBy else {
            if let groups = syntax.groups {
                diagnostics.append(.error("`groups` names the groups of `group_by`, which is missing", at: groups.span, help: "add `group_by: FACT`, e.g. `group_by: village`"))
            }
            return nil
        }
        guard let input = merged.inputs.firstIndex(where: { $0.name.value == by.value }) else {
            diagnostics.append(.error("`group_by` must name a fact of the elder", at: by.span,
                                      help: NameSuggestion.help(for: by.value, in: merged.inputs.map(\.name.value), kind: "facts")))
            return nil
        }
        switch inputTypes[input] {
        case .string?, .enumeration?: break
        default:
            diagnostics.append(.error("`group_by` must name a text or enum fact, but `\(by.value)` is \(inputTypes[input].map { "\($0)" } ?? "untyped")", at: by.span))
            return nil
        }
        guard let groups = syntax.groups else {
            diagnostics.append(.error("`group_by` needs `groups`, the name the report gives the groups", at: by.span, help: "e.g. `groups: villages`"))
            return nil
        }
        guard PolicyFileParser.isValidName(groups.value), groups.value != "elders", groups.value != "policy", groups.value != "period",
              groups.value != "refused", groups.value != "spot_check" else {
            diagnostics.append(.error("`\(groups.value)` cannot name the groups", at: groups.span,
                                      help: "use lowercase letters, digits and `_`, other than the report's own keys (`policy`, `period`, `elders`, `refused`, `spot_check`)"))
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
