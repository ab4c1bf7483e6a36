import PolicyModel
import PolicyCompiler
import RecordFormats

/// The outcome of a replay as of a date: what each account holds, what is owed to
/// each provider, what has lapsed, which events still await a later one, the
/// aggregate checks, and every refusal with its line.
public struct LedgerReport: Sendable {
    /// One aggregate check and its result per group.
    public struct CheckResult: Sendable {
        /// One group (a community): its count and whether it reaches the threshold.
        public struct Group: Sendable, Equatable {
            public let group: String
            public let count: Int
            public let passes: Bool
            public init(group: String, count: Int, passes: Bool) {
                self.group = group
                self.count = count
                self.passes = passes
            }
        }

        package let check: LedgerCheck
        public let atLeast: Int64?
        public let groups: [Group]
    }

    package let ledger: LedgerDeclaration
    public let policy: PolicyMetadata
    /// The date the balances, lapses and check thresholds are as of.
    public let asOf: CivilDate
    package let state: LedgerState
    public let checks: [CheckResult]

    /// The balance of each key of a `balance` account, after lapses up to the report date.
    public func balances(of accountName: String) -> [String: ExactDecimal] {
        guard let index = ledger.accounts.firstIndex(where: { $0.name == accountName }) else { return [:] }
        return state.lots[index].keys.reduce(into: [:]) { result, key in result[key] = state.balance(account: index, key: key) }
    }

    /// The events refused, in file order, each with its line and reason.
    public var refused: [LedgerRefusalRecord] { state.refused }

    /// The report as JSON text (see `json`).
    public var jsonText: String { JSONText.write(json, pretty: true) }

    /// What has lapsed from each key of an account.
    public func expired(of accountName: String) -> [String: ExactDecimal] {
        guard let index = ledger.accounts.firstIndex(where: { $0.name == accountName }) else { return [:] }
        return state.expired[index]
    }

    /// `{"policy":…, "ledger":…, "as_of":…, "events":{…}, "balances":{…}, "settlements":{…},
    /// "expired":{…}, "held":{…}, "checks":[…], "refused":[…]}`, keys sorted, amounts as two-decimal strings.
    package var json: JSONText.Node {
        func accounts(_ kind: LedgerAccount.Kind, _ table: (Int) -> [String: ExactDecimal]) -> JSONText.Node {
            .object(ledger.accounts.indices.filter { ledger.accounts[$0].kind == kind }.map { index in
                let amounts = table(index)
                return (ledger.accounts[index].name, .object(amounts.keys.sorted().map { ($0, .string(amounts[$0]!.formatted(places: 2))) }))
            })
        }
        let balances = accounts(.balance) { index in
            state.lots[index].keys.reduce(into: [:]) { $0[$1] = state.balance(account: index, key: $1) }
        }
        let settlements = accounts(.settlement) { index in
            state.lots[index].keys.reduce(into: [:]) { $0[$1] = state.balance(account: index, key: $1) }
        }
        let expired = JSONText.Node.object(ledger.accounts.indices.filter { ledger.accounts[$0].expiry != nil }.map { index in
            let amounts = state.expired[index]
            return (ledger.accounts[index].name, .object(amounts.keys.sorted().map { ($0, .string(amounts[$0]!.formatted(places: 2))) }))
        })
        let held = JSONText.Node.object(ledger.events.indices.filter { ledger.events[$0].holdField != nil }.map { index in
            (ledger.events[index].name, .array(state.held[index].keys.sorted().map { .string($0) }))
        })
        let checks = JSONText.Node.array(self.checks.map { result in
            .object([
                ("id", .string(result.check.id)),
                ("label", .string(result.check.label)),
                ("at_least", result.atLeast.map { .integer($0) } ?? .null),
                ("groups", .array(result.groups.map { group in
                    .object([("group", .string(group.group)), ("count", .integer(Int64(group.count))), ("passes", .bool(group.passes))])
                })),
            ])
        })
        let refused = JSONText.Node.array(state.refused.map { refusal in
            var entries: [(String, JSONText.Node)] = [("line", .integer(Int64(refusal.line)))]
            if let scheduled = refusal.scheduled { entries.append(("scheduled", .string(scheduled))) }
            entries.append(("type", refusal.eventType.map { .string($0) } ?? .null))
            entries.append(("date", refusal.date.map { .string($0.description) } ?? .null))
            entries.append(("reason", .string(refusal.reason)))
            if let source = refusal.source { entries.append(("source", .string(source))) }
            return .object(entries)
        })
        return .object([
            ("policy", .object([("id", .string(policy.id)), ("version", .string(policy.version)), ("hash", .string(policy.contentHash))])),
            ("ledger", .string(ledger.title)),
            ("as_of", .string(asOf.description)),
            ("events", .object([("accepted", .integer(Int64(state.accepted))), ("refused", .integer(Int64(state.refused.count)))])),
            ("balances", balances),
            ("settlements", settlements),
            ("expired", expired),
            ("held", held),
            ("checks", checks),
            ("refused", refused),
        ])
    }
}
