import CarePolicy
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Replays a ledger from JSON Lines text and returns the report.
func replay(_ policy: LoadedPolicy, _ lines: [String], asOf: String? = nil) throws -> LedgerReport {
    try policy.replayLedger(events: lines.joined(separator: "\n"), asOf: asOf.flatMap { CivilDate($0) })
}

extension LedgerReport {
    /// Amounts of one account as two-decimal strings, keyed by account key.
    func amounts(_ account: String) -> [String: String] {
        balances(of: account).mapValues { $0.formatted(places: 2) }
    }

    var refusalLines: [Int] { state.refused.map(\.line) }
}

/// Anqing's service vouchers (brief 2.5): issue, spend, settlement at 8.00, quarter hours,
/// carry-over within the year and expiry at the end of 31 December.
@Suite struct VoucherLedgerTests {
    let anqing: LoadedPolicy
    init() throws { anqing = try SamplePerson.policy("anqing") }

    @Test func spendingDebitsTheVoucherAndSettlesTheProviderAtTheRate() throws {
        let report = try replay(anqing, [
            #"{"type":"issue","person":"p1","date":"2025-03-01","hours":20}"#,
            #"{"type":"spend","person":"p1","date":"2025-03-15","hours":2.5,"provider":"prov-9"}"#,
            #"{"type":"spend","person":"p1","date":"2025-03-20","hours":1.25,"provider":"prov-9"}"#,
            #"{"type":"spend","person":"p1","date":"2025-03-21","hours":0.75,"provider":"prov-2"}"#,
        ])
        #expect(report.amounts("voucher_hours") == ["p1": "15.50"])
        #expect(report.amounts("provider_settlement_cny") == ["prov-9": "30.00", "prov-2": "6.00"])
        #expect(report.state.accepted == 4)
        #expect(report.state.refused.isEmpty)
    }

    @Test func spendingBeyondTheBalanceIsRefusedAndChangesNothing() throws {
        let report = try replay(anqing, [
            #"{"type":"issue","person":"p1","date":"2025-03-01","hours":2}"#,
            #"{"type":"spend","person":"p1","date":"2025-03-15","hours":2.25,"provider":"prov-9"}"#,
        ])
        #expect(report.amounts("voucher_hours") == ["p1": "2.00"])
        #expect(report.amounts("provider_settlement_cny") == [:])
        #expect(report.state.refused == [LedgerRefusalRecord(line: 2, eventType: "spend", date: CivilDate("2025-03-15"),
            reason: "服务券余额不足：p1 has 2.00 in `voucher_hours`, the event needs 2.25")])
    }

    @Test func hoursMustBeQuarterHours() throws {
        let report = try replay(anqing, [
            #"{"type":"issue","person":"p1","date":"2025-03-01","hours":10}"#,
            #"{"type":"spend","person":"p1","date":"2025-03-15","hours":0.3,"provider":"prov-9"}"#,
            #"{"type":"issue","person":"p1","date":"2025-04-01","hours":1.1}"#,
        ])
        #expect(report.refusalLines == [2, 3])
        #expect(report.state.refused[0].reason == "0.3 is not a multiple of 0.25, the unit of 服务券余额（小时） (`voucher_hours`)")
        #expect(report.amounts("voucher_hours") == ["p1": "10.00"])
    }

    @Test func unusedHoursCarryOverWithinTheYearAndLapseAfter31December() throws {
        let events = [
            #"{"type":"issue","person":"p1","date":"2025-01-01","hours":20}"#,
            #"{"type":"issue","person":"p1","date":"2025-12-01","hours":20}"#,
            #"{"type":"spend","person":"p1","date":"2025-12-31","hours":5,"provider":"prov-9"}"#,
        ]
        let lastDay = try replay(anqing, events, asOf: "2025-12-31")
        #expect(lastDay.amounts("voucher_hours") == ["p1": "35.00"])
        #expect(lastDay.expired(of: "voucher_hours").isEmpty)
        let nextYear = try replay(anqing, events + [#"{"type":"issue","person":"p1","date":"2026-01-01","hours":20}"#], asOf: "2026-01-01")
        #expect(nextYear.amounts("voucher_hours") == ["p1": "20.00"])
        #expect(nextYear.expired(of: "voucher_hours").mapValues { $0.formatted(places: 2) } == ["p1": "35.00"])
    }

    @Test func spendingInTheNewYearCannotUseLastYearsHours() throws {
        let report = try replay(anqing, [
            #"{"type":"issue","person":"p1","date":"2025-11-01","hours":10}"#,
            #"{"type":"spend","person":"p1","date":"2026-01-02","hours":1,"provider":"prov-9"}"#,
        ])
        #expect(report.refusalLines == [2])
        #expect(report.state.refused[0].reason.hasPrefix("服务券余额不足：p1 has 0.00"))
        // Reported as of the refused event's date: last year's hours have lapsed.
        #expect(report.asOf == CivilDate("2026-01-02"))
        #expect(report.amounts("voucher_hours") == ["p1": "0.00"])
        #expect(report.expired(of: "voucher_hours").mapValues { $0.formatted(places: 2) } == ["p1": "10.00"])
    }

    @Test func eventsOfAnAccountMustComeInDateOrder() throws {
        let report = try replay(anqing, [
            #"{"type":"issue","person":"p1","date":"2026-01-01","hours":10}"#,
            #"{"type":"spend","person":"p1","date":"2025-12-01","hours":1,"provider":"prov-9"}"#,
            #"{"type":"issue","person":"p2","date":"2025-12-01","hours":1}"#,
        ])
        #expect(report.refusalLines == [2])
        #expect(report.state.refused[0].reason == "dated 2025-12-01, before an earlier event of p1 in `voucher_hours` (2026-01-01); events of an account that expires must come in date order")
    }

    @Test func settlementsTakeEventsInAnyOrder() throws {
        // Grouped by person, not sorted by date: each person's vouchers are in order.
        let report = try replay(anqing, [
            #"{"type":"issue","person":"p1","date":"2025-03-01","hours":20}"#,
            #"{"type":"issue","person":"p2","date":"2025-03-01","hours":20}"#,
            #"{"type":"spend","person":"p1","date":"2025-03-20","hours":2,"provider":"prov-9"}"#,
            #"{"type":"spend","person":"p2","date":"2025-03-15","hours":2,"provider":"prov-9"}"#,
        ])
        #expect(report.state.refused.isEmpty)
        #expect(report.amounts("provider_settlement_cny") == ["prov-9": "32.00"])
    }

    @Test func eventsAfterTheAsOfDateAreRefused() throws {
        let report = try replay(anqing, [
            #"{"type":"issue","person":"p1","date":"2025-03-01","hours":10}"#,
            #"{"type":"issue","person":"p1","date":"2025-04-01","hours":10}"#,
        ], asOf: "2025-03-31")
        #expect(report.refusalLines == [2])
        #expect(report.state.refused[0].reason == "dated 2025-04-01, after the replay's as-of date 2025-03-31")
        #expect(report.amounts("voucher_hours") == ["p1": "10.00"])
    }

    @Test func malformedEventsAreRefusedWithTheFieldNamed() throws {
        let report = try replay(anqing, [
            "not json",
            #"["issue"]"#,
            #"{"person":"p1","date":"2025-03-01","hours":1}"#,
            #"{"type":"isue","person":"p1","date":"2025-03-01","hours":1}"#,
            #"{"type":"issue","date":"2025-03-01","hours":1}"#,
            #"{"type":"issue","person":"p1","date":"2025-02-30","hours":1}"#,
            #"{"type":"issue","person":"p1","date":"2025-03-01","hours":"lots"}"#,
            #"{"type":"issue","person":"p1","date":"2025-03-01","hours":-4}"#,
            #"{"type":"issue","person":"p1","date":"2025-03-01","hours":4,"note":"extra fields are allowed"}"#,
        ])
        #expect(report.state.refused.map(\.reason) == [
            "the line is not valid JSON (column 1: expected a value (an object, array, string, number, true, false or null))",
            "an event must be a JSON object, not a list",
            "the event has no `type`; the types are `issue`, `spend`",
            "unknown event type `isue`; the types are `issue`, `spend`; did you mean `issue`?",
            "field `person` is missing; expected text",
            "field `date`: expected a date \"YYYY-MM-DD\" that exists in the calendar, found \"2025-02-30\"",
            "field `hours`: expected a decimal amount such as \"12.00\", found the text \"lots\"",
            "发放的服务券时数必须大于零",
        ])
        #expect(report.amounts("voucher_hours") == ["p1": "4.00"])
    }

    @Test func theReportIsTheContractJSON() throws {
        let report = try replay(anqing, [
            #"{"type":"issue","person":"p1","date":"2025-03-01","hours":20}"#,
            #"{"type":"spend","person":"p1","date":"2025-03-15","hours":2.5,"provider":"prov-9"}"#,
            #"{"type":"spend","person":"p1","date":"2025-03-16","hours":30,"provider":"prov-9"}"#,
        ])
        let text = JSONText.write(report.json)
        // As of the latest event read; the refused one is listed with its line.
        #expect(text.contains(#""as_of":"2025-03-16","events":{"accepted":2,"refused":1},"balances":{"voucher_hours":{"p1":"17.50"}},"settlements":{"provider_settlement_cny":{"prov-9":"20.00"}},"expired":{"voucher_hours":{}},"held":{},"checks":[],"refused":[{"line":3,"type":"spend","date":"2025-03-16","reason":"服务券余额不足：p1 has 17.50 in `voucher_hours`, the event needs 30.00""#))
    }

    @Test func aPolicyWithoutALedgerSaysSo() throws {
        let policy = try LoadedPolicy.load(path: FixturePaths.fixture("good_timeline"))
        #expect(throws: LedgerError.self) { try policy.replayLedger(events: "") }
    }
}

/// Dongxihu's mutual-aid points (brief 3.3): verified records earn, rounded down to 0.5
/// per record; transfers in 0.5 units within the balance; 1 point = 1 hour.
@Suite struct PointsLedgerTests {
    let dongxihu: LoadedPolicy
    init() throws { dongxihu = try SamplePerson.policy("dongxihu") }

    static func service(_ id: String, _ volunteer: String, minutes: Int, community: String = "c1", type: String = "meal_help", date: String = "2025-05-02") -> String {
        #"{"type":"service","id":"\#(id)","volunteer":"\#(volunteer)","recipient":"r1","date":"\#(date)","minutes":\#(minutes),"service_type":"\#(type)","community":"\#(community)"}"#
    }

    static func verify(_ id: String, date: String = "2025-05-10") -> String { #"{"type":"verify","service":"\#(id)","date":"\#(date)"}"# }

    @Test(arguments: [(80, "1.00"), (90, "1.50"), (29, "0.00"), (60, "1.00"), (119, "1.50"), (120, "2.00")])
    func verifiedMinutesEarnPointsRoundedDownToHalfPoints(minutes: Int, points: String) throws {
        let report = try replay(dongxihu, [Self.service("s1", "v1", minutes: minutes), Self.verify("s1")])
        #expect(report.amounts("points") == ["v1": points])
    }

    @Test func roundingIsPerServiceRecord() throws {
        // 45 + 45 minutes: 0.5 + 0.5 = 1.0 (not 1.5 for 90 minutes together).
        let report = try replay(dongxihu, [Self.service("s1", "v1", minutes: 45), Self.service("s2", "v1", minutes: 45),
                                           Self.verify("s1"), Self.verify("s2")])
        #expect(report.amounts("points") == ["v1": "1.00"])
    }

    @Test func onlyVerifiedRecordsEarn() throws {
        let report = try replay(dongxihu, [Self.service("s1", "v1", minutes: 120), Self.service("s2", "v1", minutes: 60), Self.verify("s2")])
        #expect(report.amounts("points") == ["v1": "1.00"])
        let held = try #require(report.json.objectValue?["held"]?.objectValue?["service"])
        #expect(JSONText.write(held) == #"["s1"]"#)
    }

    @Test func aRecordIsVerifiedOnceAndMustExist() throws {
        let report = try replay(dongxihu, [Self.service("s1", "v1", minutes: 60), Self.verify("s1"), Self.verify("s1"), Self.verify("s9"),
                                           Self.service("s1", "v2", minutes: 60)])
        #expect(report.state.refused.map(\.reason) == [
            "the `service` event s1 was already taken by the event on line 2; it can be taken once",
            "no `service` event s9 awaits this event (服务记录（社区核实录入）)",
            "a `service` event with id s1 was already recorded",
        ])
        #expect(report.amounts("points") == ["v1": "1.00"])
    }

    @Test func verificationCannotPrecedeTheService() throws {
        let report = try replay(dongxihu, [Self.service("s1", "v1", minutes: 60, date: "2025-05-10"), Self.verify("s1", date: "2025-05-09")])
        #expect(report.state.refused.map(\.reason) == ["dated 2025-05-09, before the `service` event s1 it takes (2025-05-10)"])
    }

    @Test func anUnknownServiceTypeIsRefused() throws {
        let report = try replay(dongxihu, [Self.service("s1", "v1", minutes: 60, type: "gardening")])
        #expect(report.refusalLines == [1])
        #expect(report.state.refused[0].reason.hasPrefix("field `service_type`: \"gardening\" is not allowed; expected one of \"meal_help\", \"cleaning\""))
    }

    @Test func transfersMoveHalfPointsWithinTheBalance() throws {
        let report = try replay(dongxihu, [
            Self.service("s1", "v1", minutes: 150), Self.verify("s1"),
            #"{"type":"transfer","from":"v1","to":"v2","date":"2025-06-01","points":0.5}"#,
            #"{"type":"transfer","from":"v1","to":"v2","date":"2025-06-01","points":0.3}"#,
            #"{"type":"transfer","from":"v1","to":"v2","date":"2025-06-01","points":2.5}"#,
            #"{"type":"transfer","from":"v1","to":"v1","date":"2025-06-01","points":0.5}"#,
            #"{"type":"transfer","from":"v1","to":"v3","date":"2025-06-02","points":2}"#,
        ])
        #expect(report.amounts("points") == ["v1": "0.00", "v2": "0.50", "v3": "2.00"])
        #expect(report.state.refused.map(\.reason) == [
            "0.3 is not a multiple of 0.5, the unit of 互助积分 (`points`)",
            "互助积分余额不足：v1 has 2.00 in `points`, the event needs 2.50",
            "不能把积分转赠给自己",
        ])
    }

    @Test func redeemingAnHourCostsAPoint() throws {
        let report = try replay(dongxihu, [
            Self.service("s1", "v1", minutes: 180), Self.verify("s1"),
            #"{"type":"redeem","person":"v1","date":"2025-07-01","hours":1.5}"#,
            #"{"type":"redeem","person":"v1","date":"2025-07-02","hours":2}"#,
        ])
        #expect(report.amounts("points") == ["v1": "1.50"])
        #expect(report.refusalLines == [4])
    }

    @Test func eachCommunityIsCheckedForFiveVolunteers() throws {
        var events: [String] = []
        for index in 1...5 { events.append(Self.service("a\(index)", "v\(index)", minutes: 60, community: "c1")) }
        events.append(Self.service("a6", "v1", minutes: 60, community: "c1"))
        for index in 1...2 { events.append(Self.service("b\(index)", "w\(index)", minutes: 60, community: "c2")) }
        let report = try replay(dongxihu, events)
        let check = try #require(report.checks.first)
        #expect(check.atLeast == 5)
        #expect(check.groups == [.init(group: "c1", count: 5, passes: true), .init(group: "c2", count: 2, passes: false)])
    }
}

/// The rural time bank (brief 4.2): minutes stored 1:1, withdrawn as the same time, or
/// exchanged for goods at 10.00 an hour.
@Suite struct TimeBankLedgerTests {
    @Test func depositsWithdrawalsAndExchangesForGoods() throws {
        let rural = try SamplePerson.policy("rural-pilot")
        let report = try replay(rural, [
            #"{"type":"deposit","person":"v1","date":"2024-03-01","minutes":90}"#,
            #"{"type":"withdraw","person":"v1","date":"2024-04-01","minutes":20}"#,
            #"{"type":"exchange","person":"v1","date":"2024-05-01","minutes":50}"#,
            #"{"type":"exchange","person":"v1","date":"2024-05-02","minutes":1}"#,
            #"{"type":"withdraw","person":"v2","date":"2024-05-02","minutes":1}"#,
        ])
        #expect(report.amounts("stored_minutes") == ["v1": "19.00"])
        #expect(report.amounts("goods_value_cny") == ["v1": "8.49"])
        #expect(report.state.refused.map(\.reason) == ["时间银行存储时间不足：v2 has 0.00 in `stored_minutes`, the event needs 1.00"])
    }
}

extension JSONText.Node {
    var objectValue: [String: JSONText.Node]? {
        if case .object(let entries) = self { return Dictionary(entries, uniquingKeysWith: { a, _ in a }) }
        return nil
    }
}

/// Parameters with dates work in a ledger: each event reads the value in force on its date.
@Suite struct LedgerTimelineTests {
    @Test func settlementUsesTheRateInForceOnTheDayOfService() throws {
        let variant = try LoadedPolicy.load(path: FixturePaths.fixture("good_ledger_variant"))
        let report = try replay(variant, [
            #"{"type":"issue","person":"p1","date":"2025-12-01","hours":10}"#,
            #"{"type":"spend","person":"p1","date":"2025-12-31","hours":2,"provider":"prov-9"}"#,
            #"{"type":"issue","person":"p1","date":"2026-01-01","hours":10}"#,
            #"{"type":"spend","person":"p1","date":"2026-01-01","hours":2,"provider":"prov-9"}"#,
        ])
        #expect(report.amounts("provider_settlement_cny") == ["prov-9": "36.00"])
        #expect(report.amounts("voucher_hours") == ["p1": "8.00"])
        #expect(report.expired(of: "voucher_hours").mapValues { $0.formatted(places: 2) } == ["p1": "8.00"])
    }
}
