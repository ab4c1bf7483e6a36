import PolicyModel

/// The `compliance:` section as written: the kinds of service record, the festivals,
/// and the requirements judged over the records (how many distinct days per window).
package struct ComplianceSyntax: Sendable {
    package let title: Located<String>
    /// The elders' fact the report groups them by (a village, a community).
    package let groupBy: Located<String>?
    /// What the groups are called in the report's JSON (`villages`).
    package let groups: Located<String>?
    package let groupLabel: String?
    package let records: [ComplianceRecordSyntax]
    package let festivals: [FestivalSyntax]
    package let requirements: [RequirementSyntax]
    package let spotCheck: SpotCheckSyntax?
    package let provenance: ProvenanceSyntax
    package let span: SourceSpan
}

/// One kind of record: its typed fields (`date` is implicit) and the field naming the elder.
package struct ComplianceRecordSyntax: Sendable {
    package let name: Located<String>
    package let label: String?
    package let elderField: Located<String>?
    package let fields: [LedgerEventSyntax.Field]
    package let provenance: ProvenanceSyntax
}

/// A festival: a day of the Chinese calendar (`lunar: 八月十五`) or the anniversary of a
/// date fact (`anniversary: birth_date`), with a window of ± `days_around` days.
package struct FestivalSyntax: Sendable {
    package let name: Located<String>
    package let label: String?
    package let lunar: YAMLScalar?
    package let anniversary: Located<String>?
    package let daysAround: WrittenExpression?
    package let provenance: ProvenanceSyntax
}

/// One requirement: which records count, at least how many distinct days per window,
/// which windows and which elders are judged.
package struct RequirementSyntax: Sendable {
    package let name: Located<String>
    package let label: String?
    package let recordKind: Located<String>?
    package let counts: WrittenExpression?
    package let atLeastDays: WrittenExpression?
    package let per: Located<String>?
    package let festivals: [Located<String>]?
    package let elders: WrittenExpression?
    package let from: WrittenExpression?
    package let provenance: ProvenanceSyntax
}

/// `spot_check: {per: quarter}`: the window of the sample drawn for a spot check.
package struct SpotCheckSyntax: Sendable {
    package let per: Located<String>?
    package let provenance: ProvenanceSyntax
    package let span: SourceSpan
}
