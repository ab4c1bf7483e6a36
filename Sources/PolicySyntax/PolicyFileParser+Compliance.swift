import PolicyModel

extension PolicyFileParser {
    /// Fields every record has without declaring them, and why.
    static let implicitRecordFields: [String: SyntaxMessage] = [
        "date": .recordDateIsImplicit,
        "record": .recordNameIsReserved,
    ]

    mutating func parseCompliance(_ node: YAMLNode) -> ComplianceSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.compliance, context: .section("compliance"), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.complianceShape, at: node.span))
            return nil
        }
        let title = reader.required("title", diagnostics: &diagnostics, help: .giveComplianceTitle)
        if reader.node("records") == nil {
            diagnostics.append(.error(.complianceMissingRecords, at: reader.span, help: .declareRecordKind))
        }
        if reader.node("requirements") == nil {
            diagnostics.append(.error(.complianceMissingRequirements, at: reader.span, help: .declareRequirement))
        }
        let records = entries(reader.node("records"), section: "records").compactMap { parseRecordKind($0) }
        let festivals = entries(reader.node("festivals"), section: "festivals").compactMap { parseFestival($0) }
        let requirements = entries(reader.node("requirements"), section: "requirements").compactMap { parseRequirement($0) }
        var spotCheck: SpotCheckSyntax?
        if let node = reader.node("spot_check") {
            if let check = try? MappingReader(node, allowed: PolicyFileKeys.spotCheck, context: .section("spot_check"), diagnostics: &diagnostics) {
                spotCheck = SpotCheckSyntax(per: check.required("per", diagnostics: &diagnostics, help: .spotCheckPerHelp).map { Located($0.text, $0.span) },
                                            provenance: check.provenance(diagnostics: &diagnostics), span: check.span)
            } else {
                diagnostics.append(.error(.spotCheckShape, at: node.span))
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
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.complianceRecord, context: .recordKind(entry.key), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.recordKindShape(entry.key), at: entry.value.span))
            return nil
        }
        var fields: [LedgerEventSyntax.Field] = []
        for field in entries(reader.node("fields"), section: "fields") {
            if let help = Self.implicitRecordFields[field.key] {
                diagnostics.append(.error(.implicitRecordField(field.key), at: field.keySpan, help: help))
                continue
            }
            fields.append(LedgerEventSyntax.Field(name: Located(field.key, field.keySpan), type: parseFieldType(field)))
        }
        let elder = reader.required("elder", diagnostics: &diagnostics, help: .elderFieldHelp)
        return ComplianceRecordSyntax(name: Located(entry.key, entry.keySpan), label: reader.text("label", diagnostics: &diagnostics),
                                      elderField: elder.map { Located($0.text, $0.span) }, fields: fields,
                                      provenance: reader.provenance(diagnostics: &diagnostics))
    }

    mutating func parseFestival(_ entry: YAMLEntry) -> FestivalSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.festival, context: .festival(entry.key), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.festivalShape(entry.key), at: entry.value.span))
            return nil
        }
        let lunar = reader.scalar("lunar", diagnostics: &diagnostics)
        let anniversary = reader.scalar("anniversary", diagnostics: &diagnostics)
        if (lunar == nil) == (anniversary == nil) {
            diagnostics.append(.error(.festivalLunarOrAnniversary(entry.key), at: entry.keySpan, help: .lunarOrAnniversaryHelp))
        }
        let around = reader.required("days_around", diagnostics: &diagnostics,
                                     help: .daysAroundHelp)
        return FestivalSyntax(name: Located(entry.key, entry.keySpan), label: reader.text("label", diagnostics: &diagnostics), lunar: lunar,
                              anniversary: anniversary.map { Located($0.text, $0.span) }, daysAround: around.flatMap { parseExpression($0) },
                              provenance: reader.provenance(diagnostics: &diagnostics))
    }

    mutating func parseRequirement(_ entry: YAMLEntry) -> RequirementSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.requirement, context: .requirement(entry.key), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.requirementShape(entry.key), at: entry.value.span))
            return nil
        }
        let of = reader.required("of", diagnostics: &diagnostics, help: .requirementOfHelp)
        let atLeast = reader.required("at_least_days", diagnostics: &diagnostics, help: .requirementAtLeastHelp)
        let per = reader.required("per", diagnostics: &diagnostics, help: .requirementPerHelp)
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
