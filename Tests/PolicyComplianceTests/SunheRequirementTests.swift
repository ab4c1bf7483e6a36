import PolicyCompliance
import PolicyModel
import Testing

/// Sunhe's eight requirements (brief 7.2) judged over hand-made service cards, with the
/// windows, met counts and missed labels worked out by hand.
@Suite("Sunhe requirements")
struct SunheRequirementTests {
    typealias S = SunheScenario

    /// The first quarter of 2025 for one elder: every requirement and window kind, each
    /// with a known gap.
    @Test("every requirement over 2025-Q1, with exact missed labels")
    func firstQuarter() throws {
        var records: [String] = []
        // Knocks every day but 2025-01-05 and 2025-03-31.
        for day in S.days("2025-01-01", "2025-03-31") where day != "2025-01-05" && day != "2025-03-31" {
            records.append(S.record("e1", day.hasSuffix("5") ? "neighbour_volunteer" : "caregiver", "knock", day))
        }
        // Chats on Monday and Thursday of W02…W13; in W10 two chats on Monday 03-03 instead.
        for monday in stride(from: try date("2025-01-06").dayNumber, through: try date("2025-03-24").dayNumber, by: 7) {
            let first = CivilDate(dayNumber: monday)!.description
            records.append(S.record("e1", "caregiver", "chat", first))
            records.append(S.record("e1", "neighbour_volunteer", "chat", first == "2025-03-03" ? first : CivilDate(dayNumber: monday + 3)!.description))
        }
        records += [
            S.record("e1", "social_volunteer", "visit", "2025-01-15"),
            S.record("e1", "social_volunteer", "festival_visit", "2025-01-29"),   // 春节: January's visit and the festival's
            S.record("e1", "social_volunteer", "festival_visit", "2025-02-12"),   // 元宵节
            S.record("e1", "paired_unit", "visit", "2025-01-10"),
            S.record("e1", "paired_unit", "visit", "2025-01-28"),                 // a visit, not a festival visit
            S.record("e1", "village_clinic", "health_call", "2025-01-03"),
            S.record("e1", "village_clinic", "health_visit", "2025-01-20"),
            S.record("e1", "village_clinic", "checkup", "2025-02-05"),
            S.record("e1", "village_clinic", "health_call", "2025-02-20"),
            S.record("e1", "village_clinic", "health_call", "2025-03-25"),
            S.record("e1", "caregiver", "checkup", "2025-03-01"),                 // not the clinic: counts for nothing
        ]
        let report = try S(elders: [S.elder("e1")], records: records).report(from: "2025-01-01", to: "2025-03-31")
        #expect(report.refused.isEmpty)
        #expect(report.tallies("e1") == [
            "daily_knock": ["90", "88", "2025-01-05", "2025-03-31"],
            "twice_weekly_chat": ["12", "11", "2025-W10"],
            "volunteer_monthly_visit": ["3", "2", "2025-03"],
            "volunteer_festival_visit": ["2", "2"],
            "unit_monthly_visit": ["3", "1", "2025-02", "2025-03"],
            "unit_festival_visit": ["2", "0", "spring_festival-2025", "lantern_festival-2025"],
            "clinic_half_month_contact": ["6", "5", "2025-03-H1"],
            "clinic_quarterly_checkup": ["1", "1"],
        ])
    }

    @Test("two chats on one day count once")
    func twoChatsOneDay() throws {
        let once = [S.record("e1", "caregiver", "chat", "2025-01-06"), S.record("e1", "neighbour_volunteer", "chat", "2025-01-06")]
        let report = try S(elders: [S.elder("e1")], records: once).report(from: "2025-01-06", to: "2025-01-12")
        #expect(report.tally("e1", "twice_weekly_chat")! == (1, 0, ["2025-W02"]))
        let twice = try S(elders: [S.elder("e1")], records: once + [S.record("e1", "caregiver", "chat", "2025-01-12")]).report(from: "2025-01-06", to: "2025-01-12")
        #expect(twice.tally("e1", "twice_weekly_chat")! == (1, 1, []))
    }

    @Test("ISO weeks across the year end: 2025-12-29 is in 2026-W01")
    func weeksAcrossYearEnd() throws {
        let records = ["2025-12-22", "2025-12-24", "2025-12-29", "2025-12-29", "2026-01-05", "2026-01-11"].map { S.record("e1", "caregiver", "chat", $0) }
        let report = try S(elders: [S.elder("e1")], records: records).report(from: "2025-12-22", to: "2026-01-11")
        #expect(report.tally("e1", "twice_weekly_chat")! == (3, 2, ["2026-W01"]))
        #expect(report.tally("e1", "daily_knock")!.windows == 21)
        for name in ["volunteer_monthly_visit", "unit_monthly_visit", "clinic_half_month_contact", "clinic_quarterly_checkup", "volunteer_festival_visit"] {
            #expect(report.tally("e1", name)! == (0, 0, []), "\(name)")
        }
    }

    @Test("half months of February: 16–29 in a leap year, 16–28 in another", arguments: [
        ("2024-02-01", "2024-02-29", "2024-02-29", (2, 1, ["2024-02-H1"])),
        ("2025-02-01", "2025-02-28", "2025-02-28", (2, 1, ["2025-02-H1"])),
        ("2024-02-01", "2024-02-29", "2024-02-15", (2, 1, ["2024-02-H2"])),
        ("2024-02-01", "2024-02-28", "2024-02-28", (1, 0, ["2024-02-H1"])),
    ])
    func februaryHalves(_ from: String, _ to: String, _ call: String, _ expected: (Int, Int, [String])) throws {
        let report = try S(elders: [S.elder("e1")], records: [S.record("e1", "village_clinic", "health_call", call)]).report(from: from, to: to)
        #expect(report.tally("e1", "clinic_half_month_contact")! == expected)
    }

    @Test("a card issued mid-period: only windows starting on or after the issue day are judged")
    func cardIssuedMidPeriod() throws {
        let elder = S.elder("e1", ["card_issued_on": "2025-03-10", "birth_date": "1950-03-05"])
        let report = try S(elders: [elder]).report(from: "2025-03-01", to: "2025-03-31")
        #expect(report.tallies("e1") == [
            "daily_knock": ["22", "0"] + S.days("2025-03-10", "2025-03-31"),
            "twice_weekly_chat": ["3", "0", "2025-W11", "2025-W12", "2025-W13"],
            "volunteer_monthly_visit": ["0", "0"],
            "volunteer_festival_visit": ["0", "0"],          // birthday-2025 (03-02…03-08) starts before the card
            "unit_monthly_visit": ["0", "0"],
            "unit_festival_visit": ["0", "0"],
            "clinic_half_month_contact": ["1", "0", "2025-03-H2"],
            "clinic_quarterly_checkup": ["0", "0"],
        ])
    }

    @Test("an elder turning 60 mid-period is judged from the first window starting on or after the birthday")
    func turningSixty() throws {
        let report = try S(elders: [S.elder("e1", ["birth_date": "1965-03-20"])]).report(from: "2025-03-01", to: "2025-04-30")
        #expect(report.tallies("e1") == [
            "daily_knock": ["42", "0"] + S.days("2025-03-20", "2025-04-30"),
            "twice_weekly_chat": ["5", "0", "2025-W13", "2025-W14", "2025-W15", "2025-W16", "2025-W17"],
            "volunteer_monthly_visit": ["1", "0", "2025-04"],
            "volunteer_festival_visit": ["0", "0"],          // birthday-2025 starts 03-17, when the elder is 59
            "unit_monthly_visit": ["1", "0", "2025-04"],
            "unit_festival_visit": ["0", "0"],
            "clinic_half_month_contact": ["2", "0", "2025-04-H1", "2025-04-H2"],
            "clinic_quarterly_checkup": ["0", "0"],
        ])
    }

    @Test("a festival visit counts as the month's visit and the festival's")
    func festivalVisitIsAVisit() throws {
        let records = [S.record("e1", "social_volunteer", "festival_visit", "2025-10-06"), S.record("e1", "paired_unit", "visit", "2025-10-06")]
        let report = try S(elders: [S.elder("e1")], records: records).report(from: "2025-10-01", to: "2025-10-31")
        #expect(report.tally("e1", "volunteer_monthly_visit")! == (1, 1, []))
        // double_ninth-2025 (10-26…11-01) ends after the period, so it is not judged.
        #expect(report.tally("e1", "volunteer_festival_visit")! == (1, 1, []))
        #expect(report.tally("e1", "unit_monthly_visit")! == (1, 1, []))
        #expect(report.tally("e1", "unit_festival_visit")! == (1, 0, ["mid_autumn-2025"]))
    }

    @Test("leap-day birthdays: 2024-02-29 in a leap year, 1 March otherwise", arguments: [
        ("2024-02-01", "2024-03-31", "2024-02-29", (3, 1, ["spring_festival-2024", "lantern_festival-2024"])),
        ("2025-02-01", "2025-03-31", "2025-03-01", (2, 1, ["lantern_festival-2025"])),
        ("2025-02-01", "2025-03-31", "2025-03-04", (2, 1, ["lantern_festival-2025"])),
        ("2025-02-01", "2025-03-31", "2025-02-25", (2, 0, ["lantern_festival-2025", "birthday-2025"])),
    ])
    func leapDayBirthday(_ from: String, _ to: String, _ visit: String, _ expected: (Int, Int, [String])) throws {
        let report = try S(elders: [S.elder("e1", ["birth_date": "1944-02-29"])], records: [S.record("e1", "social_volunteer", "festival_visit", visit)])
            .report(from: from, to: to)
        #expect(report.tally("e1", "volunteer_festival_visit")! == expected)
    }

    @Test("an elder outside the service scope has every requirement with no window")
    func notEligible() throws {
        let report = try S(elders: [S.elder("e1", ["hukou_local": false])], records: [S.record("e1", "caregiver", "knock", "2025-01-01")])
            .report(from: "2025-01-01", to: "2025-12-31")
        #expect(report.tallies("e1").count == 8)
        #expect(report.tallies("e1").values.allSatisfy { $0 == ["0", "0"] })
        #expect(report.outcomes[0].isJudged == false)
    }
}
