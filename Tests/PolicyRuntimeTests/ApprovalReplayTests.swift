import Foundation
import CarePolicy
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Anqing's approval path (brief 2.4): submitted → community_reviewed → street_reviewed
/// → district_approved, with a rejection possible at any open step.
@Suite struct ApprovalReplayTests {
    let anqing: LoadedPolicy
    init() throws { anqing = try SamplePerson.policy("anqing") }

    func follow(_ lines: [String]) throws -> ApprovalReplay {
        try anqing.followApproval(history: lines.joined(separator: "\n"))
    }

    @Test func beforeAnyStepTheNextIsTheApplication() throws {
        let path = try follow([])
        #expect(path.state == nil)
        #expect(path.next?.id == "submitted")
        #expect(path.next?.actor == "老人本人或其代理人（向所在社区提出）")
    }

    @Test func eachStepGivesTheNextAndWhoTakesIt() throws {
        let path = try follow([
            #"{"step":"submitted","date":"2026-01-05"}"#,
            #"{"step":"community_reviewed","date":"2026-01-10","by":"城东社区"}"#,
        ])
        #expect(path.state == "community_reviewed")
        #expect(path.next?.id == "street_reviewed")
        #expect(path.next?.actor == "街道")
        #expect(!path.isClosed)
    }

    @Test func theLastStepClosesTheApplication() throws {
        let path = try follow([
            #"{"step":"submitted","date":"2026-01-05"}"#,
            #"{"step":"community_reviewed","date":"2026-01-10"}"#,
            #"{"step":"street_reviewed","date":"2026-01-20"}"#,
            #"{"step":"district_approved","date":"2026-02-01"}"#,
            #"{"step":"district_approved","date":"2026-02-02"}"#,
        ])
        #expect(path.state == "district_approved")
        #expect(path.isClosed)
        #expect(path.next == nil)
        #expect(path.refused.map(\.reason) == ["the application has already passed its last step `district_approved` (区民政局审批、备案, taken by 区民政局); it takes no more steps"])
    }

    @Test func anOutOfOrderStepIsRefusedNamingTheStepDue() throws {
        let path = try follow([
            #"{"step":"submitted","date":"2026-01-05"}"#,
            #"{"step":"street_reviewed","date":"2026-01-08"}"#,
        ])
        #expect(path.state == "submitted")
        #expect(path.refused == [ApprovalReplay.Refusal(line: 2, step: "street_reviewed",
            reason: "step `street_reviewed` cannot come now: the application is at `submitted` (申请, taken by 老人本人或其代理人（向所在社区提出）); the next step is `community_reviewed` (社区初评, taken by 社区)")])
    }

    @Test func aRejectionNeedsAReasonAndEndsTheApplication() throws {
        let path = try follow([
            #"{"step":"rejected","date":"2026-01-01","reason":"x"}"#,
            #"{"step":"submitted","date":"2026-01-05"}"#,
            #"{"step":"rejected","date":"2026-01-09"}"#,
            #"{"step":"rejected","date":"2026-01-09","reason":"不符合服务对象条件","by":"城东社区"}"#,
            #"{"step":"community_reviewed","date":"2026-01-10"}"#,
        ])
        #expect(path.state == "rejected")
        #expect(path.isClosed)
        #expect(path.refused.map(\.line) == [1, 3, 5])
        #expect(path.refused.map(\.reason) == [
            "nothing to reject: the application has not been submitted; the first step is `submitted` (申请, taken by 老人本人或其代理人（向所在社区提出）)",
            "a rejection needs a `reason`, which is shown to the applicant",
            "the application was already rejected (不予批准); it takes no more steps",
        ])
    }

    @Test func stepsMustNotGoBackInTimeAndMustBeKnown() throws {
        let path = try follow([
            #"{"step":"submitted","date":"2026-01-05"}"#,
            #"{"step":"community_reviewed","date":"2026-01-04"}"#,
            #"{"step":"comunity_reviewed","date":"2026-01-06"}"#,
            #"{"step":"community_reviewed"}"#,
        ])
        #expect(path.refused.map(\.reason) == [
            "dated 2026-01-04, before the previous step `submitted` (2026-01-05)",
            "unknown step `comunity_reviewed`; the steps are `submitted`, `community_reviewed`, `street_reviewed`, `district_approved`, `rejected`; did you mean `community_reviewed`?",
            "the step needs a `date` written YYYY-MM-DD",
        ])
        #expect(path.state == "submitted")
    }
}

/// Places of the rural programs (brief 4.5): higher ability level first, then older
/// (earlier birth date), then id.
@Suite struct ProgramAllocationTests {
    let rural: LoadedPolicy
    init() throws { rural = try SamplePerson.policy("rural-pilot") }

    static let people: [String] = [
        SamplePerson.json(["id": "d", "birth_date": "1940-01-01", "residence": "rural", "subsistence": "dibao", "ability_level": 3]),
        SamplePerson.json(["id": "a", "birth_date": "1950-01-01", "residence": "rural", "subsistence": "tekun", "ability_level": 4]),
        SamplePerson.json(["id": "c", "birth_date": "1940-01-01", "residence": "rural", "subsistence": "marginal", "ability_level": 3]),
        SamplePerson.json(["id": "b", "birth_date": "1935-06-01", "residence": "rural", "subsistence": "dibao", "ability_level": 3]),
        SamplePerson.json(["id": "e", "birth_date": "1930-01-01", "residence": "rural", "subsistence": "none", "ability_level": 4]),
        SamplePerson.json(["id": "f", "birth_date": "1930-01-01", "residence": "rural", "subsistence": "dibao", "ability_level": 1]),
    ]

    @Test func placesGoByLevelThenAgeThenID() throws {
        let allocation = try rural.allocate(program: "smart_bracelet", population: Self.people.joined(separator: "\n"), places: 3, on: CivilDate("2026-06-01")!)
        #expect(allocation.ranked.map(\.id) == ["a", "b", "c", "d"])
        #expect(allocation.allocated.map(\.id) == ["a", "b", "c"])
        #expect(allocation.withoutPlace == 1)
        #expect(allocation.considered == 6)
    }

    @Test func theOrderOfTheFileDoesNotMatter() throws {
        let forward = try rural.allocate(program: "smart_bracelet", population: Self.people.joined(separator: "\n"), on: CivilDate("2026-06-01")!)
        let backward = try rural.allocate(program: "smart_bracelet", population: Self.people.reversed().joined(separator: "\n"), on: CivilDate("2026-06-01")!)
        #expect(forward.ranked == backward.ranked)
        #expect(forward.places == 1653)
        #expect(forward.withoutPlace == 0)
    }

    @Test func homeAdaptationCountsSevereDisabilityAndFamilyPlanning() throws {
        let people = Self.people + [
            SamplePerson.json(["id": "g", "birth_date": "1960-01-01", "residence": "rural", "severe_disability": true]),
            SamplePerson.json(["id": "h", "birth_date": "1961-01-01", "residence": "rural", "family_planning_special": true]),
        ]
        let allocation = try rural.allocate(program: "home_adaptation", population: people.joined(separator: "\n"), on: CivilDate("2026-06-01")!)
        // c is 低保边缘户 (marginal): a bracelet, but not a home adaptation.
        #expect(allocation.ranked.map(\.id) == ["a", "b", "d", "f", "g", "h"])
    }

    @Test func badLinesAreProblemsAndTheRestAreRanked() throws {
        let people = [Self.people[0], "{\"id\":\"x\"}", SamplePerson.json(["id": NSNull()]), SamplePerson.json(["id": ""]), Self.people[0]]
        let allocation = try rural.allocate(program: "smart_bracelet", population: people.joined(separator: "\n"), on: CivilDate("2026-06-01")!)
        #expect(allocation.ranked.map(\.id) == ["d"])
        #expect(allocation.problems.map(\.line) == [2, 3, 4, 5])
        #expect(allocation.problems[1].message == "invalid facts: `id`: is missing (人员编号); expected text")
        #expect(allocation.problems[2].message == "the person has no `id`; places are given by id when all else ties")
        #expect(allocation.problems[3].message == "the id d was already given on line 1")
    }

    @Test func anUnknownProgramNamesTheKnownOnes() throws {
        #expect(throws: LedgerError.self) { try rural.allocate(program: "bracelet", population: "", on: CivilDate("2026-06-01")!) }
        do {
            _ = try rural.allocate(program: "bracelet", population: "", on: CivilDate("2026-06-01")!)
        } catch {
            #expect(error.description == "policy `rural-pilot` has no program `bracelet`; its programs are `smart_bracelet`, `home_adaptation`")
        }
    }
}
