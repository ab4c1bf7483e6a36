import CarePolicy
import PolicyCompliance
import PolicyModel
import RecordFormats
import Testing
import TestSupport

/// Another district's requirements, written in its own file with nothing of Sunhe
/// (Tests/Fixtures/compliance_street, the example of docs/compliance.md section 4): a
/// record kind with a bool and a whole-number field, a `counts` that reads a parameter, a
/// group that is an enum, a requirement judged only for elders a decision selects and
/// from an enrolment date, festivals of its own choosing.
@Suite("Another district's requirements")
struct OtherDistrictTests {
    static func elder(_ id: String, born: String, community: String, alone: Bool = false, enrolled: String? = nil) -> String {
        #"{"id":"\#(id)","birth_date":"\#(born)","lives_alone":\#(alone),"community":"\#(community)""#
            + (enrolled.map { #","enrolled_on":"\#($0)""# } ?? "") + "}"
    }

    static func contact(_ elder: String, _ kind: String, inPerson: Bool, minutes: Int, _ date: String) -> String {
        #"{"elder":"\#(elder)","worker":"w1","worker_kind":"\#(kind)","in_person":\#(inPerson),"minutes":\#(minutes),"date":"\#(date)"}"#
    }

    static let records = [
        // e1's helper calls, W02–W07 long enough; W08's lasts 3 minutes, under `minimum_call_minutes`.
        contact("e1", "helper", inPerson: false, minutes: 10, "2025-01-06"), contact("e1", "helper", inPerson: false, minutes: 10, "2025-01-13"),
        contact("e1", "helper", inPerson: false, minutes: 10, "2025-01-20"), contact("e1", "helper", inPerson: false, minutes: 10, "2025-01-27"),
        contact("e1", "helper", inPerson: false, minutes: 10, "2025-02-03"), contact("e1", "helper", inPerson: false, minutes: 12, "2025-02-10"),
        contact("e1", "helper", inPerson: false, minutes: 3, "2025-02-18"),
        // Two visits on 02-05 are one day; the 02-12 call of the social worker is not a visit in person.
        contact("e1", "social_worker", inPerson: true, minutes: 40, "2025-02-05"), contact("e1", "social_worker", inPerson: true, minutes: 20, "2025-02-05"),
        contact("e1", "social_worker", inPerson: false, minutes: 15, "2025-02-12"), contact("e1", "social_worker", inPerson: true, minutes: 30, "2025-02-20"),
        // A volunteer's visit in person on 01-30, inside spring_festival-2025 (01-27…01-31).
        contact("e1", "volunteer", inPerson: true, minutes: 60, "2025-01-30"),
        contact("e2", "doctor", inPerson: true, minutes: 10, "2025-01-07"),
        #"{"elder":"e2","worker":"w2","worker_kind":"helper","in_person":false,"minutes":"ten","date":"2025-01-07"}"#,
    ]

    static func report() throws -> ComplianceReport {
        let policy = try LoadedPolicy.load(path: FixturePaths.fixture("compliance_street"))
        let elders = [
            elder("e1", born: "1940-03-01", community: "east", enrolled: "2025-01-15"),
            elder("e2", born: "1960-05-01", community: "west"),
            elder("e3", born: "1970-05-01", community: "west"),
        ]
        let facts = try elders.enumerated().map { (line: $0.offset + 1, facts: try policy.decodeFacts(json: $0.element)) }
        let run = try ComplianceRun(evaluator: policy.evaluator, elders: facts, from: try date("2025-01-01"), to: try date("2025-02-28"))
        return try run.judge(records: records.map { (try? JSONValue.parse($0.utf8)) ?? .null }, spotCheck: SpotCheckRequest(count: 1, seed: 5))
    }

    @Test("each elder's windows, with exact missed labels")
    func tallies() throws {
        let report = try Self.report()
        #expect(report.tallies("e1") == [
            "weekly_call": ["7", "6", "2025-W08"],
            "home_visits": ["1", "1"],                  // January starts before 01-15, the day e1 was enrolled
            "festival_visit": ["1", "1"],               // double_ninth-2025 is outside the period
        ])
        #expect(report.tallies("e2") == [
            "weekly_call": ["7", "0", "2025-W02", "2025-W03", "2025-W04", "2025-W05", "2025-W06", "2025-W07", "2025-W08"],
            "home_visits": ["0", "0"],                  // 64 and not alone: `visited` is false
            "festival_visit": ["0", "0"],
        ])
        #expect(report.tallies("e3") == ["weekly_call": ["0", "0"], "home_visits": ["0", "0"], "festival_visit": ["0", "0"]])
    }

    @Test("refused records, communities and the monthly spot check")
    func document() throws {
        let report = try Self.report()
        #expect(report.refused.map { "\($0.line): \($0.reason)" } == [
            #"13: field `worker_kind`: "doctor" is not allowed; expected one of "helper", "social_worker", "volunteer""#,
            #"14: field `minutes`: expected a whole number, found the text "ten""#,
        ])
        #expect(report.records == .init(read: 14, counted: 10, refused: 2))   // the 3-minute call and the call of the social worker count for nothing
        #expect(report.groups.map { "\($0.name): \($0.elders) judged, \($0.fullyCompliant) fully compliant, \($0.met) of \($0.windows)" } == [
            "east: 1 judged, 0 fully compliant, [6, 1, 1] of [7, 1, 1]",
            "west: 1 judged, 0 fully compliant, [0, 0, 0] of [7, 0, 0]",
        ])
        #expect(report.spotCheck.map(\.window) == ["2025-01", "2025-02"])
        #expect(report.spotCheck.allSatisfy { $0.elders.count == 1 })
        #expect(report.text.contains(#""communities": {"#))
    }
}
