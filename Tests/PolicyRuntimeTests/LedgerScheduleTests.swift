import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicyModel
import PolicyRuntime

/// Anqing's vouchers issued from the decisions (`scheduled: monthly_vouchers`): on the
/// first day of each month, each person's `monthly_hours` of that day, as an `issue`
/// event that goes through the ledger's rules like any other.
@Suite struct LedgerScheduleTests {
    let anqing: LoadedPolicy
    let people: String
    init() throws {
        anqing = try SamplePerson.policy("anqing")
        people = try String(contentsOfFile: FixturePaths.packageRoot + "/docs/examples/ledgers/anqing-people.jsonl", encoding: .utf8)
    }

    func replay(_ events: [String], months: String, asOf: String? = nil) throws -> LedgerReport {
        try anqing.replayLedger(events: events.joined(separator: "\n"), asOf: asOf.flatMap { CivilDate($0) }, people: people, months: LedgerMonths(months))
    }

    /// v1 is free (20 h) all year, v2 low-cost (10 h), v3 turns 70 on 2025-07-15 and is
    /// free from August, v4 is paid (0 h: no event), v5's facts do not decode.
    @Test func aYearOfVouchersFollowsEachMonthsDecisions() throws {
        let report = try replay([], months: "2025-01..2025-12")
        #expect(report.amounts("voucher_hours") == ["v1": "240.00", "v2": "120.00", "v3": "100.00"])
        #expect(report.state.accepted == 29)
        #expect(report.state.refused == [LedgerRefusalRecord(line: 5, eventType: "issue", date: nil,
            reason: "the person's facts cannot be read: invalid facts: `ability_level`: is 7, above the largest allowed value 4 (allowed: 0 to 4)",
            scheduled: "monthly_vouchers")])
    }

    @Test func theExampleOfTheDocsGivesItsBalances() throws {
        let spends = try String(contentsOfFile: FixturePaths.packageRoot + "/docs/examples/ledgers/anqing-monthly-spends.jsonl", encoding: .utf8)
        let report = try anqing.replayLedger(events: spends, people: people, months: LedgerMonths("2025-01..2025-12"))
        #expect(report.amounts("voucher_hours") == ["v1": "34.00", "v2": "108.00", "v3": "98.00"])
        #expect(report.amounts("provider_settlement_cny") == ["prov-2": "96.00", "prov-9": "1664.00"])
        #expect(report.state.accepted == 33)
        #expect(report.state.refused.map(\.line) == [5, 3])
        #expect(report.state.refused[1].reason == "服务券余额不足：v3 has 0.00 in `voucher_hours`, the event needs 2.00")
    }

    /// A month's vouchers come before the file's events of that day, and not before.
    @Test func aMonthsVouchersComeBeforeTheFilesEventsOfItsFirstDay() throws {
        let report = try replay([
            #"{"type":"spend","person":"v2","date":"2025-02-28","hours":25,"provider":"prov-2"}"#,
            #"{"type":"spend","person":"v2","date":"2025-02-28","hours":15,"provider":"prov-2"}"#,
            #"{"type":"spend","person":"v2","date":"2025-03-01","hours":15,"provider":"prov-2"}"#,
        ], months: "2025-01..2025-03")
        // By 28 February v2 has January's and February's 10 hours: 25 is too much, 15 is
        // spent; March's 10 are issued before the spend of 1 March, which then has 15.
        #expect(report.refusalLines == [5, 1])
        #expect(report.state.refused[1].reason == "服务券余额不足：v2 has 20.00 in `voucher_hours`, the event needs 25.00")
        #expect(report.amounts("voucher_hours") == ["v1": "60.00", "v2": "0.00"])
    }

    /// Issued vouchers lapse at the end of the year like any others; months after the
    /// as-of date are not issued.
    @Test func vouchersLapseAndLaterMonthsAreNotIssued() throws {
        let lapsed = try replay([], months: "2025-11..2026-01", asOf: "2026-01-01")
        #expect(lapsed.amounts("voucher_hours") == ["v1": "20.00", "v2": "10.00", "v3": "20.00"])
        #expect(lapsed.expired(of: "voucher_hours").mapValues { $0.formatted(places: 2) } == ["v1": "40.00", "v2": "20.00", "v3": "40.00"])
        let early = try replay([], months: "2025-01..2025-12", asOf: "2025-03-15")
        #expect(early.amounts("voucher_hours") == ["v1": "60.00", "v2": "30.00"])
    }

    @Test func aPolicyWithoutSchedulesRefusesToIssue() throws {
        let rural = try SamplePerson.policy("rural-pilot")
        #expect(throws: LedgerError.self) { try rural.replayLedger(events: "", people: people, months: LedgerMonths("2025-01")) }
        do {
            _ = try rural.replayLedger(events: "", people: people, months: LedgerMonths("2025-01"))
        } catch {
            #expect(error.description == "policy `rural-pilot` schedules no events; add `scheduled:` to its `ledger:` to issue them from the decisions")
        }
    }

    @Test(arguments: [("2025-01..2025-03", ["2025-01-01", "2025-02-01", "2025-03-01"]), ("2025-11..2026-02", ["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"]),
                      ("2024-02", ["2024-02-01"])])
    func monthRangesAreTheirFirstDays(text: String, days: [String]) {
        #expect(LedgerMonths(text)?.days.map(\.description) == days)
    }

    @Test(arguments: ["2025-03..2025-01", "2025-13", "2025-1..2025-02", "2025-01..", "2025-01-01", "1900-01..2200-01", ""])
    func aBadMonthRangeIsRefused(text: String) {
        #expect(LedgerMonths(text) == nil)
    }
}
