import PolicyModel
import PolicyCompiler
import RecordFormats

/// Everything a ledger replay has recorded so far. Value semantics: a copy is a
/// snapshot, and two replays of the same events have equal states.
package struct LedgerState: Sendable, Equatable {
    /// Per account family, per key: the amounts by year of credit (year 0 when the
    /// account does not expire).
    package internal(set) var lots: [[String: [Int: ExactDecimal]]]
    /// Per account family, per key: what has lapsed.
    package internal(set) var expired: [[String: ExactDecimal]]
    /// Per account family, per key: the date of the last event that touched it.
    package internal(set) var lastDates: [[String: CivilDate]]
    /// Per event type: held events awaiting a later event, by id, with their field values.
    package internal(set) var held: [[String: [Value]]]
    /// Per event type: ids already taken, with the line that took them.
    package internal(set) var taken: [[String: Int]]
    /// Per check: the distinct counted values per group.
    package internal(set) var groups: [[String: Set<String>]]
    package internal(set) var accepted = 0
    package internal(set) var refused: [LedgerRefusalRecord] = []
    /// The latest date of an accepted event.
    package internal(set) var latestDate: CivilDate?

    package init(_ ledger: LedgerDeclaration) {
        lots = Array(repeating: [:], count: ledger.accounts.count)
        expired = Array(repeating: [:], count: ledger.accounts.count)
        lastDates = Array(repeating: [:], count: ledger.accounts.count)
        held = Array(repeating: [:], count: ledger.events.count)
        taken = Array(repeating: [:], count: ledger.events.count)
        groups = Array(repeating: [:], count: ledger.checks.count)
    }

    /// The balance of one account: the sum of its lots.
    package func balance(account: Int, key: String) -> ExactDecimal {
        (lots[account][key] ?? [:]).values.reduce(ExactDecimal.zero) { (try? $0.adding($1)) ?? $0 }
    }
}

/// An event the ledger refused, and why. A refused event changes nothing.
public struct LedgerRefusalRecord: Error, Sendable, Equatable {
    /// The line of the events file (1-based), or of the people file for a scheduled event.
    public let line: Int
    public let eventType: String?
    public let date: CivilDate?
    /// Why, in the policy's words where the policy gives them.
    public let reason: String
    /// The clause the refusal cites, if any.
    public let source: String?
    /// For an event the ledger made itself: the `scheduled:` entry that made it. `line`
    /// is then the person's line in the people file.
    public let scheduled: String?

    public init(line: Int, eventType: String?, date: CivilDate?, reason: String, source: String? = nil, scheduled: String? = nil) {
        self.line = line
        self.eventType = eventType
        self.date = date
        self.reason = reason
        self.source = source
        self.scheduled = scheduled
    }

    /// The same refusal, of an event made by the `scheduled:` entry `name` for the person on `line`.
    package func scheduled(by name: String, line personLine: Int) -> LedgerRefusalRecord {
        LedgerRefusalRecord(line: personLine, eventType: eventType, date: date, reason: reason, source: source, scheduled: name)
    }
}
