import PolicyModel

/// A record refused, with its line (or position, counted from 1) and the reason.
package struct RefusedRecord: Sendable, Equatable {
    package let line: Int
    package let reason: String

    package init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
}

/// What a compliance run found: every elder's windows for every requirement, each
/// group's summary, the refused records and the spot-check sample.
package struct ComplianceReport: Sendable {
    /// One group of elders (a village): how many were judged, how many missed nothing,
    /// and per requirement the windows judged and met.
    package struct GroupSummary: Sendable, Equatable {
        package let name: String
        package var elders = 0
        package var fullyCompliant = 0
        package var windows: [Int]
        package var met: [Int]
    }

    /// How the records went.
    package struct RecordCounts: Sendable, Equatable {
        package var read = 0
        package var counted = 0
        package var refused = 0

        package init(read: Int = 0, counted: Int = 0, refused: Int = 0) {
            self.read = read
            self.counted = counted
            self.refused = refused
        }
    }

    package let policy: PolicyMetadata
    /// The policy's parameter names, for a requirement that reads one.
    package let parameterNames: [String]
    package let compliance: ComplianceDeclaration
    package let period: CompliancePeriod
    package let roster: ElderRoster
    /// In the order the elders were given.
    package let outcomes: [ElderOutcome]
    package let refused: [RefusedRecord]
    package let records: RecordCounts
    /// Each spot-check window's label and the ids drawn, in window order; empty when none was asked for.
    package let spotCheck: [(window: String, elders: [String])]

    /// The groups in the order of their names; empty when the policy groups nobody.
    package var groups: [GroupSummary] {
        guard compliance.grouping != nil else { return [] }
        var summaries: [String: GroupSummary] = [:]
        let count = compliance.requirements.count
        for outcome in outcomes {
            let name = roster.elders[outcome.elder].group ?? ""
            var summary = summaries[name] ?? GroupSummary(name: name, windows: Array(repeating: 0, count: count), met: Array(repeating: 0, count: count))
            if outcome.isJudged { summary.elders += 1 }
            if outcome.isFullyCompliant { summary.fullyCompliant += 1 }
            for (index, tally) in outcome.tallies.enumerated() {
                summary.windows[index] += tally.windows
                summary.met[index] += tally.met
            }
            summaries[name] = summary
        }
        return summaries.values.sorted { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) }
    }
}
