import Foundation
import PolicyModel

/// The months a ledger issues its scheduled events for: `2025-01..2025-12`, or one
/// month, `2025-03`. Both ends included.
///
/// ```swift
/// LedgerMonths("2025-01..2025-03")?.days   // [2025-01-01, 2025-02-01, 2025-03-01]
/// ```
public struct LedgerMonths: Sendable, Equatable {
    /// The first day of the first month and of the last month.
    public let first: CivilDate
    public let last: CivilDate

    /// At most a hundred years of months.
    public static let largestCount = 1_200

    public init?(_ text: String) {
        let parts = text.components(separatedBy: "..")
        guard parts.count <= 2, let first = LedgerMonths.month(parts[0]), let last = LedgerMonths.month(parts.last ?? ""), first <= last,
              (last.year - first.year) * 12 + last.month - first.month < LedgerMonths.largestCount else { return nil }
        self.first = first
        self.last = last
    }

    /// `YYYY-MM` as the first day of that month.
    static func month(_ text: String) -> CivilDate? {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 4, pieces[1].count == 2, let year = Int(pieces[0]), let month = Int(pieces[1]) else { return nil }
        return CivilDate(year: year, month: month, day: 1)
    }

    /// The first day of every month from `first` to `last`.
    public var days: [CivilDate] {
        var result: [CivilDate] = []
        var year = first.year, month = first.month
        while let day = CivilDate(year: year, month: month, day: 1), day <= last {
            result.append(day)
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return result
    }
}
