import PolicyCompliance
import PolicyModel
import RecordFormats
import Testing

/// Each village's summary (村服务站每月检查一次) over several elders, whatever the order of
/// the records and of the elders; and the township's spot-check sample.
@Suite("Village summary and spot check")
struct VillageSummaryTests {
    typealias S = SunheScenario

    /// One week (2025-W10): e1 misses nothing, e2 misses Sunday's knock, e3 is outside the
    /// service scope, e4 (another village) has no record.
    static func week() -> S {
        var records: [String] = []
        for day in S.days("2025-03-03", "2025-03-09") {
            records.append(S.record("e1", "caregiver", "knock", day))
            if day != "2025-03-09" { records.append(S.record("e2", "neighbour_volunteer", "knock", day)) }
        }
        records += [S.record("e1", "caregiver", "chat", "2025-03-03"), S.record("e1", "caregiver", "chat", "2025-03-05"),
                    S.record("e2", "caregiver", "chat", "2025-03-03"), S.record("e2", "caregiver", "chat", "2025-03-04"),
                    S.record("e3", "caregiver", "knock", "2025-03-03")]
        return S(elders: [S.elder("e1"), S.elder("e2"), S.elder("e3", ["hukou_local": false, "village": "上辛堡村"]),
                          S.elder("e4", ["village": "上辛堡村"])], records: records)
    }

    @Test("villages: elders judged, fully compliant, windows and met per requirement")
    func summary() throws {
        let report = try Self.week().report(from: "2025-03-03", to: "2025-03-09")
        let groups = report.groups.map { group in
            "\(group.name): \(group.elders) judged, \(group.fullyCompliant) fully compliant; "
                + zip(report.compliance.requirements, zip(group.windows, group.met)).map { "\($0.name) \($1.1)/\($1.0)" }.joined(separator: ", ")
        }
        #expect(groups == [
            "上辛堡村: 1 judged, 0 fully compliant; daily_knock 0/7, twice_weekly_chat 0/1, volunteer_monthly_visit 0/0, volunteer_festival_visit 0/0, "
                + "unit_monthly_visit 0/0, unit_festival_visit 0/0, clinic_half_month_contact 0/0, clinic_quarterly_checkup 0/0",
            "沙子营村: 2 judged, 1 fully compliant; daily_knock 13/14, twice_weekly_chat 2/2, volunteer_monthly_visit 0/0, volunteer_festival_visit 0/0, "
                + "unit_monthly_visit 0/0, unit_festival_visit 0/0, clinic_half_month_contact 0/0, clinic_quarterly_checkup 0/0",
        ])
        #expect(report.tally("e2", "daily_knock")! == (7, 6, ["2025-03-09"]))
    }

    @Test("the report does not depend on the order of the records or of the elders", arguments: [1, 2, 3])
    func order(_ seed: UInt64) throws {
        let week = Self.week()
        let reference = try week.report(from: "2025-03-03", to: "2025-03-09")
        var generator = SplitMix(seed: seed)
        var shuffled = week
        shuffled.records.shuffle(using: &generator)
        #expect(try shuffled.report(from: "2025-03-03", to: "2025-03-09").text == reference.text)
        let reversed = S(elders: week.elders.reversed(), records: shuffled.records)
        let other = try reversed.report(from: "2025-03-03", to: "2025-03-09")
        #expect(other.groups == reference.groups)
        #expect(other.tallies("e2") == reference.tallies("e2"))
    }

    @Test("the JSON document: every requirement for every elder, villages, refused, spot check")
    func document() throws {
        var scenario = S(elders: [S.elder("e1"), S.elder("e2", ["hukou_local": false, "village": "上辛堡村"])],
                         records: [S.record("e1", "caregiver", "knock", "2025-03-03"), S.record("e1", "caregiver", "chat", "2025-03-03"), "{"])
        scenario.records.append(S.record("e1", "caregiver", "knock", "2025-03-04"))
        let report = try scenario.streamedReport(from: "2025-03-03", to: "2025-03-04", workers: 1, spotCheck: SpotCheckRequest(count: 1, seed: 7))
        let policy = try S.policy().metadata
        #expect(JSONText.write(report.json) == #"{"policy":{"id":"sunhe","version":"2025.1","hash":"\#(policy.contentHash)"},"#
            + #""period":{"from":"2025-03-03","to":"2025-03-04"},"#
            + #""elders":{"e1":{"village":"沙子营村","requirements":{"daily_knock":{"windows":2,"met":2,"missed":[]},"twice_weekly_chat":{"windows":0,"met":0,"missed":[]},"#
            + #""volunteer_monthly_visit":{"windows":0,"met":0,"missed":[]},"volunteer_festival_visit":{"windows":0,"met":0,"missed":[]},"#
            + #""unit_monthly_visit":{"windows":0,"met":0,"missed":[]},"unit_festival_visit":{"windows":0,"met":0,"missed":[]},"#
            + #""clinic_half_month_contact":{"windows":0,"met":0,"missed":[]},"clinic_quarterly_checkup":{"windows":0,"met":0,"missed":[]}}},"#
            + #""e2":{"village":"上辛堡村","requirements":{"daily_knock":{"windows":0,"met":0,"missed":[]},"twice_weekly_chat":{"windows":0,"met":0,"missed":[]},"#
            + #""volunteer_monthly_visit":{"windows":0,"met":0,"missed":[]},"volunteer_festival_visit":{"windows":0,"met":0,"missed":[]},"#
            + #""unit_monthly_visit":{"windows":0,"met":0,"missed":[]},"unit_festival_visit":{"windows":0,"met":0,"missed":[]},"#
            + #""clinic_half_month_contact":{"windows":0,"met":0,"missed":[]},"clinic_quarterly_checkup":{"windows":0,"met":0,"missed":[]}}}},"#
            + #""villages":{"上辛堡村":{"elders":0,"fully_compliant":0,"requirements":{"daily_knock":{"windows":0,"met":0},"twice_weekly_chat":{"windows":0,"met":0},"#
            + #""volunteer_monthly_visit":{"windows":0,"met":0},"volunteer_festival_visit":{"windows":0,"met":0},"unit_monthly_visit":{"windows":0,"met":0},"#
            + #""unit_festival_visit":{"windows":0,"met":0},"clinic_half_month_contact":{"windows":0,"met":0},"clinic_quarterly_checkup":{"windows":0,"met":0}}},"#
            + #""沙子营村":{"elders":1,"fully_compliant":1,"requirements":{"daily_knock":{"windows":2,"met":2},"twice_weekly_chat":{"windows":0,"met":0},"#
            + #""volunteer_monthly_visit":{"windows":0,"met":0},"volunteer_festival_visit":{"windows":0,"met":0},"unit_monthly_visit":{"windows":0,"met":0},"#
            + #""unit_festival_visit":{"windows":0,"met":0},"clinic_half_month_contact":{"windows":0,"met":0},"clinic_quarterly_checkup":{"windows":0,"met":0}}}},"#
            + #""refused":[{"line":3,"reason":"the line is not valid JSON (column 2: expected a key in double quotes)"}],"#
            + #""spot_check":{"2025-Q1":["e1"]}}"#)
    }

    @Test("the streamed document is the document, pretty and compact, with and without elders")
    func streamed() throws {
        for scenario in [Self.week(), S(elders: [])] {
            let report = try scenario.report(from: "2025-03-03", to: "2025-03-09", spotCheck: SpotCheckRequest(count: 1, seed: 7))
            for pretty in [true, false] {
                var bytes: [UInt8] = [], flushed: [UInt8] = []
                report.writeJSON(pretty: pretty, into: &bytes) { pending in
                    flushed += pending
                    pending.removeAll()
                }
                #expect(String(decoding: flushed + bytes, as: UTF8.self) == JSONText.write(report.json, pretty: pretty))
            }
        }
    }

    @Test("the spot check is deterministic, one sample per quarter, weighted toward missed windows")
    func spotCheck() throws {
        var elders: [String] = []
        var records: [String] = []
        for index in 0..<40 {
            let id = "e" + String(index)
            elders.append(S.elder(id, ["village": index % 2 == 0 ? "沙子营村" : "上辛堡村"]))
            // e0…e9 meet all eight windows of the week (weight 1); the others miss them all (weight 9).
            guard index < 10 else { continue }
            records += S.days("2025-03-03", "2025-03-09").map { S.record(id, "caregiver", "knock", $0) }
            records += [S.record(id, "caregiver", "chat", "2025-03-03"), S.record(id, "caregiver", "chat", "2025-03-06")]
        }
        let scenario = S(elders: elders, records: records)
        let first = try scenario.report(from: "2025-03-03", to: "2025-03-09", spotCheck: SpotCheckRequest(count: 5, seed: 42))
        let again = try S(elders: elders.reversed(), records: records.reversed()).report(from: "2025-03-03", to: "2025-03-09", spotCheck: SpotCheckRequest(count: 5, seed: 42))
        #expect(first.spotCheck.map(\.window) == ["2025-Q1"])
        #expect(first.spotCheck.map(\.elders) == again.spotCheck.map(\.elders))
        #expect(first.spotCheck.allSatisfy { $0.elders.count == 5 && Set($0.elders).count == 5 })
        // Over 200 seeds, the compliant quarter of the elders is drawn far less often than a
        // uniform draw would (25%): about 10 / (10 + 30 × 9) of the places, 3.6%.
        let compliant = Set((0..<10).map { "e" + String($0) })
        var drawn = 0, ofCompliant = 0
        for seed in 1...200 {
            let sample = try scenario.report(from: "2025-03-03", to: "2025-03-09", spotCheck: SpotCheckRequest(count: 5, seed: UInt64(seed))).spotCheck[0].elders
            drawn += sample.count
            ofCompliant += sample.filter { compliant.contains($0) }.count
        }
        #expect(drawn == 1000)
        #expect(ofCompliant > 0 && ofCompliant < 80, "\(ofCompliant) of 1000 places went to elders who missed nothing")
    }
}

/// A seeded generator for shuffling test records (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
