import Foundation
import CarePolicy
import Testing
import PolicySimulation
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Random event streams for each district ledger, with some bad events mixed in.
enum RandomEvents {
    static func date(_ day: Int) -> String {
        let date = CivilDate(dayNumber: CivilDate("2025-01-01")!.dayNumber + day)!
        return date.description
    }

    static func amount(_ random: inout SeededGenerator, unit: Double, upTo: Int) -> String {
        if Int.random(in: 0..<12, using: &random) == 0 { return ["0.3", "-1", "0", "\"x\""].randomElement(using: &random)! }
        let steps = Int.random(in: 1...upTo, using: &random)
        let value = Double(steps) * unit
        return String(format: "%.2f", value)
    }

    static func vouchers(_ random: inout SeededGenerator, count: Int) -> [String] {
        var day = 0
        return (0..<count).map { _ in
            day += Int.random(in: -3...20, using: &random)
            let person = "p\(Int.random(in: 1...3, using: &random))"
            if Bool.random(using: &random) {
                return #"{"type":"issue","person":"\#(person)","date":"\#(date(max(0, day)))","hours":\#(amount(&random, unit: 0.25, upTo: 80))}"#
            }
            return #"{"type":"spend","person":"\#(person)","date":"\#(date(max(0, day)))","hours":\#(amount(&random, unit: 0.25, upTo: 40)),"provider":"prov-\#(Int.random(in: 1...2, using: &random))"}"#
        }
    }

    static func points(_ random: inout SeededGenerator, count: Int) -> [String] {
        var day = 0
        var services = 0
        return (0..<count).map { _ in
            day += Int.random(in: 0...3, using: &random)
            let who = "v\(Int.random(in: 1...4, using: &random))"
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                services += 1
                return #"{"type":"service","id":"s\#(services)","volunteer":"\#(who)","recipient":"r1","date":"\#(date(day))","minutes":\#(Int.random(in: 1...200, using: &random)),"service_type":"meal_help","community":"c\#(Int.random(in: 1...2, using: &random))"}"#
            case 1:
                return #"{"type":"verify","service":"s\#(Int.random(in: 0...max(1, services), using: &random))","date":"\#(date(day))"}"#
            case 2:
                return #"{"type":"transfer","from":"\#(who)","to":"v\#(Int.random(in: 1...4, using: &random))","date":"\#(date(day))","points":\#(amount(&random, unit: 0.5, upTo: 4))}"#
            default:
                return #"{"type":"redeem","person":"\#(who)","date":"\#(date(day))","hours":\#(amount(&random, unit: 0.5, upTo: 4))}"#
            }
        }
    }

    static func timeBank(_ random: inout SeededGenerator, count: Int) -> [String] {
        (0..<count).map { index in
            let type = ["deposit", "deposit", "withdraw", "exchange"].randomElement(using: &random)!
            return #"{"type":"\#(type)","person":"v\#(Int.random(in: 1...3, using: &random))","date":"\#(date(index))","minutes":\#(Int.random(in: -5...120, using: &random))}"#
        }
    }
}

/// Invariants of every ledger over random event streams: no balance below zero, a
/// refused event changes nothing, transfers conserve the total, a prefix then the rest
/// equals the whole, and expiry never touches the current year's vouchers.
@Suite struct LedgerPropertyTests {
    static let seeds: [UInt64] = Array(1...40)
    /// Loaded once: checking and compiling a policy costs more than replaying 60 events.
    static let anqing = try! SamplePerson.policy("anqing")
    static let dongxihu = try! SamplePerson.policy("dongxihu")
    static let rural = try! SamplePerson.policy("rural-pilot")

    static func streams(seed: UInt64) throws -> [(LoadedPolicy, [String])] {
        var random = SeededGenerator(seed: seed)
        return [
            (anqing, RandomEvents.vouchers(&random, count: 60)),
            (dongxihu, RandomEvents.points(&random, count: 60)),
            (rural, RandomEvents.timeBank(&random, count: 60)),
        ]
    }

    /// The state without the list of refusals: what a refused event must not change.
    static func sameBooks(_ a: LedgerState, _ b: LedgerState) -> Bool {
        a.lots == b.lots && a.expired == b.expired && a.lastDates == b.lastDates && a.held == b.held && a.taken == b.taken
            && a.groups == b.groups && a.accepted == b.accepted && a.latestDate == b.latestDate
    }

    @Test(arguments: seeds)
    func noBalanceGoesNegativeAndRefusalsChangeNothing(seed: UInt64) throws {
        for (policy, events) in try Self.streams(seed: seed) {
            var replay = try LedgerReplay(policy: policy.checked)
            for (line, event) in events.enumerated() {
                let before = replay.state
                let refusal = replay.apply(line: line + 1, json: event)
                if refusal != nil {
                    #expect(Self.sameBooks(replay.state, before), "seed \(seed) line \(line + 1)")
                    #expect(replay.state.refused.count == before.refused.count + 1)
                }
                for (account, books) in replay.state.lots.enumerated() {
                    for (key, lots) in books {
                        for amount in lots.values { #expect(amount >= .zero, "seed \(seed): \(key) in account \(account)") }
                    }
                }
            }
            #expect(replay.state.accepted + replay.state.refused.count == events.count)
        }
    }

    @Test(arguments: seeds)
    func transfersConserveTheTotalOfPoints(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let events = RandomEvents.points(&random, count: 80)
        var replay = try LedgerReplay(policy: Self.dongxihu.checked)
        func total(_ state: LedgerState) -> ExactDecimal {
            state.lots[0].keys.reduce(.zero) { (try? $0.adding(state.balance(account: 0, key: $1))) ?? $0 }
        }
        for (line, event) in events.enumerated() {
            let before = total(replay.state)
            let accepted = replay.apply(line: line + 1, json: event) == nil
            if accepted && event.contains(#""type":"transfer""#) {
                #expect(total(replay.state) == before, "seed \(seed) line \(line + 1)")
            }
        }
    }

    @Test(arguments: seeds)
    func aPrefixThenTheRestEqualsTheWhole(seed: UInt64) throws {
        for (policy, events) in try Self.streams(seed: seed) {
            var whole = try LedgerReplay(policy: policy.checked)
            for (line, event) in events.enumerated() { whole.apply(line: line + 1, json: event) }
            let cut = Int(seed) % events.count
            var split = try LedgerReplay(policy: policy.checked)
            for (line, event) in events.prefix(cut).enumerated() { split.apply(line: line + 1, json: event) }
            _ = split.report()
            let resumed = split
            var rest = resumed
            for (offset, event) in events.dropFirst(cut).enumerated() { rest.apply(line: cut + offset + 1, json: event) }
            #expect(rest.state == whole.state, "seed \(seed), cut at \(cut)")
            #expect(JSONText.write(rest.report().json) == JSONText.write(whole.report().json))
        }
    }

    @Test(arguments: seeds)
    func vouchersLapseOnlyFromEarlierYears(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let events = RandomEvents.vouchers(&random, count: 80)
        let policy = Self.anqing
        var replay = try LedgerReplay(policy: policy.checked)
        // A model: what each person was issued and spent, by year, for accepted events only.
        var issued: [String: [Int: ExactDecimal]] = [:]
        var spent: [String: [Int: ExactDecimal]] = [:]
        for (line, event) in events.enumerated() {
            guard replay.apply(line: line + 1, json: event) == nil else { continue }
            guard case .object(let object)? = try? JSONValue.parse(Data(event.utf8)),
                  case .string(let person)? = object["person"], case .string(let day)? = object["date"], let date = CivilDate(day),
                  let hours = object["hours"].flatMap({ FactsDecoderProbe.decimal($0) }) else { continue }
            if event.contains(#""type":"issue""#) {
                issued[person, default: [:]][date.year] = try (issued[person]?[date.year] ?? .zero).adding(hours)
            } else {
                spent[person, default: [:]][date.year] = try (spent[person]?[date.year] ?? .zero).adding(hours)
            }
        }
        guard let latest = replay.state.latestDate else { return }
        let report = replay.report(asOf: latest)
        for person in Set(issued.keys).union(spent.keys) {
            let current = try (issued[person]?[latest.year] ?? .zero).subtracting(spent[person]?[latest.year] ?? .zero)
            #expect(report.balances(of: "voucher_hours")[person] ?? .zero == current, "seed \(seed): \(person)")
            var lapsed = ExactDecimal.zero
            for year in Set((issued[person] ?? [:]).keys).union((spent[person] ?? [:]).keys) where year < latest.year {
                lapsed = try lapsed.adding(try (issued[person]?[year] ?? .zero).subtracting(spent[person]?[year] ?? .zero))
            }
            #expect(report.expired(of: "voucher_hours")[person] ?? .zero == lapsed, "seed \(seed): \(person)")
        }
    }
}

/// Reads an amount from JSON as the ledger does.
enum FactsDecoderProbe {
    static func decimal(_ value: JSONValue) -> ExactDecimal? {
        switch value {
        case .integer(let number): return ExactDecimal(number)
        case .number(let number): return ExactDecimal("\(number)")
        default: return nil
        }
    }
}
