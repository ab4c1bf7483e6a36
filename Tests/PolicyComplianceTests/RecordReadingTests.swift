import Foundation
import PolicyCompliance
import PolicyModel
import RecordFormats
import Testing

/// Records: a bad one is refused with its line and reason and the rest are judged; the
/// fast reader gives the same outcome as the general way; a streamed file gives the same
/// report as the same records in memory, on any number of workers.
@Suite("Compliance records")
struct RecordReadingTests {
    typealias S = SunheScenario

    static let lines = [
        S.record("e1", "caregiver", "knock", "2025-03-03"),
        S.record("nobody", "caregiver", "knock", "2025-03-03"),
        S.record("e1", "doctor", "knock", "2025-03-03"),
        S.record("e1", "caregiver", "knok", "2025-03-03"),
        S.record("e1", "caregiver", "knock", "2025-02-30"),
        #"{"elder": "e1", "provider": "p1", "provider_kind": "caregiver", "kind": "knock", "date": "2025-03-04""#,
        "",
        "[1, 2]",
        #"{"elder":"e1","provider_kind":"caregiver","kind":"knock","date":"2025-03-05"}"#,
        #"{"elder":"e1","provider":"p1","provider_kind":"caregiver","kind":"knock","date":"2025-03-06","record":"visit"}"#,
        #"{"elder":"e1","provider":"p\u0031","provider_kind":"caregiver","kind":"knock","date":"2025-03-07","note":{"a":[1,null]}}"#,
        #"{"elder":"e1","provider":"p1","provider_kind":"caregiver","kind":"knock","date":"2025-03-08","record":"service"}"#,
        S.record("e1", "caregiver", "knock", "2025-04-01"),
        #"{"elder":"e1","provider":"p1","provider_kind":"caregiver","kind":"knock","date":"2025-03-09","elder":"e2"}"#,
    ]

    @Test("refused records are reported with their line and reason; the rest are judged")
    func refused() throws {
        let report = try S(elders: [S.elder("e1"), S.elder("e2")], records: Self.lines).streamedReport(from: "2025-03-03", to: "2025-03-09", workers: 2)
        let refused = report.refused.map { "\($0.line): \($0.reason)" }
        #expect(refused == [
            "2: unknown elder `nobody`: not among the elders judged",
            #"3: field `provider_kind`: "doctor" is not allowed; expected one of "caregiver", "neighbour_volunteer", "social_volunteer", "paired_unit", "village_clinic""#,
            #"4: field `kind`: "knok" is not allowed; expected one of "knock", "chat", "visit", "festival_visit", "health_call", "health_visit", "checkup"; did you mean "knock"?"#,
            #"5: field `date`: expected a date "YYYY-MM-DD" that exists in the calendar, found "2025-02-30""#,
            "6: the line is not valid JSON (column 102: expected `,` or `}` in an object)",
            "8: a record must be a JSON object, not a list",
            "9: field `provider` is missing; expected text",
            "10: unknown record kind `visit`; the kinds are `service`",
            #"14: the line is not valid JSON (column 94: the key "elder" is given twice)"#,
        ])
        // 03-03 (line 1), 03-07 (line 11: an escape and an unknown member) and 03-08 (line 12) count;
        // 04-01 (line 13) is outside the period.
        #expect(report.tally("e1", "daily_knock")! == (7, 3, ["2025-03-04", "2025-03-05", "2025-03-06", "2025-03-09"]))
        #expect(report.tally("e2", "daily_knock")! == (7, 0, S.days("2025-03-03", "2025-03-09")))
        #expect(report.records == .init(read: 13, counted: 3, refused: 9))
    }

    @Test("the fast reader and the general way give the same outcome for every line")
    func fastAndGeneral() throws {
        let run = try S(elders: [S.elder("e1"), S.elder("e2")]).run(from: "2025-03-01", to: "2025-03-31")
        let reader = try #require(RecordLineReader(run.counter))
        var fast = 0
        for line in Self.lines + S.days("2025-02-27", "2025-04-02").map { S.record("e2", "village_clinic", "checkup", $0) } {
            let bytes = Array(line.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let general = run.counter.count(line: buffer)
                if let outcome = reader.read(buffer) {
                    fast += 1
                    #expect(outcome == general, "\(line)")
                }
            }
        }
        // The plain records are read the fast way (line 1, 13, and the 35 checkups).
        #expect(fast == 37)
    }

    @Test("a streamed file gives the report of the same records in memory, on 1 or 2 workers", arguments: [1, 2])
    func streamed(_ workers: Int) throws {
        var records: [String] = []
        for (index, day) in S.days("2025-01-01", "2025-06-30").enumerated() {
            records.append(S.record(index % 3 == 0 ? "e1" : "e2", "caregiver", "knock", day))
            if index % 4 == 0 { records.append(S.record("e3", "village_clinic", "health_call", day)) }
        }
        let scenario = S(elders: [S.elder("e1"), S.elder("e2", ["village": "上辛堡村"]), S.elder("e3")], records: records)
        let inMemory = try scenario.report(from: "2025-01-01", to: "2025-06-30")
        let streamed = try scenario.streamedReport(from: "2025-01-01", to: "2025-06-30", workers: workers)
        #expect(streamed.text == inMemory.text)
        #expect(streamed.records == .init(read: records.count, counted: records.count, refused: 0))
    }
}
