import PolicyModel
import PolicyCompiler

/// A stretch of evaluation dates over which a compiled policy keeps the same parameter
/// values and trees, clipped to the dates the policy is in force.
package struct AnalysisPeriod: Sendable {
    package let from: CivilDate
    /// The last date, nil when open-ended.
    package let until: CivilDate?
    package let epoch: PolicyEpoch

    /// `from 2026-01-01` or `2019-01-01 to 2025-12-31`.
    package var description: String {
        until.map { "\(from) to \($0)" } ?? "from \(from)"
    }

    /// The periods of `compiled` in force, or only the one holding `date` (starting on it).
    package static func periods(of compiled: CompiledPolicy, asOf date: CivilDate? = nil) -> [AnalysisPeriod] {
        let metadata = compiled.checked.metadata
        var periods: [AnalysisPeriod] = []
        for (index, epoch) in compiled.epochs.enumerated() {
            var from = epoch.from
            var until = index + 1 < compiled.epochs.count ? CivilDate(dayNumber: compiled.epochs[index + 1].from.dayNumber - 1) : nil
            if let start = metadata.effectiveFrom, from < start { from = start }
            if let end = metadata.effectiveUntil { until = until.map { min($0, end) } ?? end }
            if let until, until < from { continue }
            periods.append(AnalysisPeriod(from: from, until: until, epoch: epoch))
        }
        guard let date else { return periods }
        return periods.compactMap { period in
            guard period.from <= date, period.until.map({ date <= $0 }) ?? true else { return nil }
            return AnalysisPeriod(from: date, until: period.until, epoch: period.epoch)
        }
    }
}
