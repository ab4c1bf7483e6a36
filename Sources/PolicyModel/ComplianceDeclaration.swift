/// A checked `compliance:` section: the kinds of record written when an elder is served,
/// the festivals, and the requirements judged over those records — at least N distinct
/// days with a counted record in each window, for each elder the requirement judges.
///
/// Its expressions come in two scopes. A requirement's `counts` reads one record: its
/// fields are the slots of `.input(slot)`, and it may read the parameters. A requirement's
/// `elders` and `from`, and a festival's `daysAround`, read an elder like any decision
/// (inputs, definitions, decisions, parameters), on the first day of the window judged.
package struct ComplianceDeclaration: Sendable {
    package let title: String
    /// The input that groups elders in the report (a village), and the groups' name.
    package let grouping: Grouping?
    package let records: [ComplianceRecordKind]
    package let festivals: [Festival]
    package let requirements: [Requirement]
    /// The window a spot check draws its sample for, when the policy has one.
    package let spotCheck: SpotCheck?
    package let provenance: Provenance
    package let span: SourceSpan

    package init(title: String, grouping: Grouping?, records: [ComplianceRecordKind], festivals: [Festival], requirements: [Requirement],
                 spotCheck: SpotCheck?, provenance: Provenance, span: SourceSpan) {
        self.title = title
        self.grouping = grouping
        self.records = records
        self.festivals = festivals
        self.requirements = requirements
        self.spotCheck = spotCheck
        self.provenance = provenance
        self.span = span
    }

    /// `group_by: village`, `groups: villages`, `group_label: 村`.
    package struct Grouping: Sendable {
        package let input: Int
        package let name: String
        package let plural: String
        package let label: String
        package init(input: Int, name: String, plural: String, label: String) {
            self.input = input
            self.name = name
            self.plural = plural
            self.label = label
        }
    }

    /// `spot_check: {per: quarter}`.
    package struct SpotCheck: Sendable {
        package let window: ComplianceWindowKind
        package let provenance: Provenance
        package init(window: ComplianceWindowKind, provenance: Provenance) {
            self.window = window
            self.provenance = provenance
        }
    }
}

/// The windows a requirement is judged in. Labels follow brief 7.2: `2025-01-05`,
/// `2025-W02`, `2025-01-H1`, `2025-01`, `2025-Q1`, `mid_autumn-2025`.
package enum ComplianceWindowKind: String, Sendable, CaseIterable {
    case day
    /// Monday to Sunday, numbered by ISO 8601 (2025-12-29 is in 2026-W01).
    case isoWeek = "iso_week"
    /// Days 1–15 and 16 to the end of the month.
    case halfMonth = "half_month"
    case month
    case quarter
    /// Each window of each festival the requirement names.
    case festival
}

/// A kind of record: typed fields in order (`date` first), and which names the elder.
package struct ComplianceRecordKind: Sendable {
    package let name: String
    package let label: String
    /// `date` first, then the declared fields.
    package let fields: [LedgerEventType.Field]
    /// The slot of the field holding the elder's `id`.
    package let elderField: Int
    package let provenance: Provenance
    package let span: SourceSpan

    package init(name: String, label: String, fields: [LedgerEventType.Field], elderField: Int, provenance: Provenance, span: SourceSpan) {
        self.name = name
        self.label = label
        self.fields = fields
        self.elderField = elderField
        self.provenance = provenance
        self.span = span
    }
}

/// A festival and its window: the festival day ± `daysAround` days.
package struct Festival: Sendable {
    /// Which day of each year the festival falls on.
    package enum Day: Sendable, Hashable {
        /// A day of the Chinese lunisolar calendar (never a leap month).
        case lunar(LunarDay)
        /// The month and day of a date input (a birthday); 29 February is 1 March in a
        /// year that has none.
        case anniversary(input: Int)
    }

    package let name: String
    package let label: String
    package let day: Day
    /// An integer over the parameters, evaluated on the festival day.
    package let daysAround: Expression
    package let provenance: Provenance
    package let span: SourceSpan

    package init(name: String, label: String, day: Day, daysAround: Expression, provenance: Provenance, span: SourceSpan) {
        self.name = name
        self.label = label
        self.day = day
        self.daysAround = daysAround
        self.provenance = provenance
        self.span = span
    }
}

/// One requirement: at least `atLeastDays` distinct days with a counted record of kind
/// `recordKind` in each judged window.
package struct Requirement: Sendable {
    package let name: String
    package let label: String
    package let recordKind: Int
    /// Over the record's fields and the parameters; nil counts every record of the kind.
    package let counts: Expression?
    package let countsText: String?
    /// An integer over the parameters (checked to be 0 or more).
    package let atLeastDays: Expression
    package let window: ComplianceWindowKind
    /// For `.festival`: the festivals (indices into the section's) whose windows are judged.
    package let festivals: [Int]
    /// Over the elder, on the window's first day; nil judges every elder.
    package let elders: Expression?
    package let eldersText: String?
    /// A date over the elder: only windows starting on or after it are judged.
    package let from: Expression?
    package let fromText: String?
    package let provenance: Provenance
    package let span: SourceSpan

    package init(name: String, label: String, recordKind: Int, counts: Expression?, countsText: String?, atLeastDays: Expression,
                 window: ComplianceWindowKind, festivals: [Int], elders: Expression?, eldersText: String?, from: Expression?, fromText: String?,
                 provenance: Provenance, span: SourceSpan) {
        self.name = name
        self.label = label
        self.recordKind = recordKind
        self.counts = counts
        self.countsText = countsText
        self.atLeastDays = atLeastDays
        self.window = window
        self.festivals = festivals
        self.elders = elders
        self.eldersText = eldersText
        self.from = from
        self.fromText = fromText
        self.provenance = provenance
        self.span = span
    }
}
