import PolicyModel

extension PolicyFileParser {
    /// Fields every record has without declaring them, and why.
    static let implicitRecordFields = [
        "date": "every record has `date` (YYYY-MM-DD), the day of the service; remove this line",
        "record": "`record` names a record's kind in a file of several kinds; choose another name",
    ]

    mutating func parseCompliance(_ node: YAMLNode) -> ComplianceSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.compliance, context: "`compliance`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("`compliance` must be a mapping with `title`, `records` and `requirements`", at: node.span))
            return nil
        }
        let title = reader.required("title", diagnostics: &diagnostics, help: "give the requirements' Chinese title, e.g. `title: 居家养老服务要求`")
        if reader.node("records") == nil {
            diagnostics.append(.error("`compliance` is missing `records`", at: reader.span,
                                      help: "declare the kind of record the requirements count, e.g. `records: {service: {elder: elder, fields: {...}}}`"))
        }
        if reader.node("requirements") == nil {
            diagnostics.append(.error("`compliance` is missing `requirements`", at: reader.span,
                                      help: "declare at least one requirement, e.g. `requirements: {daily_knock: {of: service, at_least_days: 1, per: day}}`"))
        }
        let records = entries(reader.node("records"), section: "records").compactMap { parseRecordKind($0) }
        let festivals = entries(reader.node("festivals"), section: "festivals").compactMap { parseFestival($0) }
        let requirements = entries(reader.node("requirements"), section: "requirements").compactMap { parseRequirement($0) }
        var spotCheck: SpotCheckSyntax?
        if let node = reader.node("spot_check") {
            if let check = try? MappingReader(node, allowed: PolicyFileKeys.spotCheck, context: "`spot_check`", diagnostics: &diagnostics) {
                spotCheck = SpotCheckSyntax(per: check.required("per", diagnostics: &diagnostics, help: "the window each sample is drawn for, e.g. `per: quarter`").map { Located($0.text, $0.span) },
                                            provenance: check.provenance(diagnostics: &diagnostics), span: check.span)
            } else {
                diagnostics.append(.error("`spot_check` must be a mapping such as `{per: quarter}`", at: node.span))
            }
        }
        let groupBy = reader.scalar("group_by", diagnostics: &diagnostics).map { Located($0.text, $0.span) }
        let groups = reader.scalar("groups", diagnostics: &diagnostics).map { Located($0.text, $0.span) }
        guard let title else { return nil }
        return ComplianceSyntax(title: Located(title.text, title.span), groupBy: groupBy, groups: groups,
                                groupLabel: reader.text("group_label", diagnostics: &diagnostics), records: records, festivals: festivals,
                                requirements: requirements, spotCheck: spotCheck, provenance: reader.provenance(diagnostics: &diagnostics), span: reader.span)
    }

    mutating func parseRecordKind(_ entry: YAMLEntry) -> ComplianceRecordSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.complianceRecord, context: "record kind `\(entry.key)`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("record kind `\(entry.key)` must be a mapping with `elder` and `fields`", at: entry.value.span))
            return nil
        }
        var fields: [LedgerEventSyntax.Field] = []
        for field in entries(reader.node("fields"), section: "fields") {
            if let help = Self.implicitRecordFields[field.key] {
                diagnostics.append(.error("`\(field.key)` is a field of every record and is not declared", at: field.keySpan, help: help))
                continue
            }
            fields.append(LedgerEventSyntax.Field(name: Located(field.key, field.keySpan), type: parseFieldType(field)))
        }
        let elder = reader.required("elder", diagnostics: &diagnostics, help: "name the field that holds the elder's id, e.g. `elder: elder`")
        return ComplianceRecordSyntax(name: Located(entry.key, entry.keySpan), label: reader.text("label", diagnostics: &diagnostics),
                                      elderField: elder.map { Located($0.text, $0.span) }, fields: fields,
                                      provenance: reader.provenance(diagnostics: &diagnostics))
    }

    mutating func parseFestival(_ entry: YAMLEntry) -> FestivalSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.festival, context: "festival `\(entry.key)`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("festival `\(entry.key)` must be a mapping with `lunar` or `anniversary`, and `days_around`", at: entry.value.span))
            return nil
        }
        let lunar = reader.scalar("lunar", diagnostics: &diagnostics)
        let anniversary = reader.scalar("anniversary", diagnostics: &diagnostics)
        if (lunar == nil) == (anniversary == nil) {
            diagnostics.append(.error("festival `\(entry.key)` needs exactly one of `lunar` and `anniversary`", at: entry.keySpan,
                                      help: "`lunar: 八月十五` is a day of the Chinese calendar; `anniversary: birth_date` the yearly return of a date fact"))
        }
        let around = reader.required("days_around", diagnostics: &diagnostics,
                                     help: "give the days before and after the festival that belong to its window, e.g. `days_around: festival_window_days`")
        return FestivalSyntax(name: Located(entry.key, entry.keySpan), label: reader.text("label", diagnostics: &diagnostics), lunar: lunar,
                              anniversary: anniversary.map { Located($0.text, $0.span) }, daysAround: around.flatMap { parseExpression($0) },
                              provenance: reader.provenance(diagnostics: &diagnostics))
    }

    mutating func parseRequirement(_ entry: YAMLEntry) -> RequirementSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.requirement, context: "requirement `\(entry.key)`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("requirement `\(entry.key)` must be a mapping with `of`, `at_least_days` and `per`", at: entry.value.span))
            return nil
        }
        let of = reader.required("of", diagnostics: &diagnostics, help: "name the kind of record it counts, e.g. `of: service`")
        let atLeast = reader.required("at_least_days", diagnostics: &diagnostics, help: "the least number of distinct days with a counted record in each window, e.g. `at_least_days: 1`")
        let per = reader.required("per", diagnostics: &diagnostics, help: "the window: `day`, `iso_week`, `half_month`, `month`, `quarter` or `festival`")
        let counts = reader.node("counts").flatMap { parseCondition($0) }
        let elders = reader.node("elders").flatMap { parseCondition($0) }
        let from = reader.scalar("from", diagnostics: &diagnostics).flatMap { parseExpression($0) }
        let festivals = reader.node("festivals").map { _ in reader.list("festivals", diagnostics: &diagnostics).map { Located($0.text, $0.span) } }
        return RequirementSyntax(name: Located(entry.key, entry.keySpan), label: reader.text("label", diagnostics: &diagnostics),
                                 recordKind: of.map { Located($0.text, $0.span) }, counts: counts, atLeastDays: atLeast.flatMap { parseExpression($0) },
                                 per: per.map { Located($0.text, $0.span) }, festivals: festivals, elders: elders, from: from,
                                 provenance: reader.provenance(diagnostics: &diagnostics))
    }
}
