import PolicyCompliance
import PolicyModel
import Testing

/// Each window kind: the window containing a day, its first and last day and its label
/// (brief 7.2), and the windows lying wholly inside a period.
@Suite("Compliance windows")
struct WindowTests {
    @Test("the window containing a day", arguments: [
        (ComplianceWindowKind.day, "2025-01-05", "2025-01-05", "2025-01-05", "2025-01-05"),
        (.isoWeek, "2025-01-08", "2025-01-06", "2025-01-12", "2025-W02"),
        (.isoWeek, "2025-12-29", "2025-12-29", "2026-01-04", "2026-W01"),
        (.isoWeek, "2026-01-04", "2025-12-29", "2026-01-04", "2026-W01"),
        (.isoWeek, "2025-01-01", "2024-12-30", "2025-01-05", "2025-W01"),
        (.isoWeek, "2021-01-03", "2020-12-28", "2021-01-03", "2020-W53"),
        (.isoWeek, "2020-12-31", "2020-12-28", "2021-01-03", "2020-W53"),
        (.isoWeek, "2026-12-31", "2026-12-28", "2027-01-03", "2026-W53"),
        (.halfMonth, "2025-01-15", "2025-01-01", "2025-01-15", "2025-01-H1"),
        (.halfMonth, "2025-01-16", "2025-01-16", "2025-01-31", "2025-01-H2"),
        (.halfMonth, "2024-02-20", "2024-02-16", "2024-02-29", "2024-02-H2"),
        (.halfMonth, "2025-02-20", "2025-02-16", "2025-02-28", "2025-02-H2"),
        (.halfMonth, "2100-02-28", "2100-02-16", "2100-02-28", "2100-02-H2"),
        (.halfMonth, "2000-02-29", "2000-02-16", "2000-02-29", "2000-02-H2"),
        (.halfMonth, "2025-04-30", "2025-04-16", "2025-04-30", "2025-04-H2"),
        (.month, "2024-02-10", "2024-02-01", "2024-02-29", "2024-02"),
        (.month, "2025-12-31", "2025-12-01", "2025-12-31", "2025-12"),
        (.quarter, "2025-01-01", "2025-01-01", "2025-03-31", "2025-Q1"),
        (.quarter, "2025-05-20", "2025-04-01", "2025-06-30", "2025-Q2"),
        (.quarter, "2025-09-30", "2025-07-01", "2025-09-30", "2025-Q3"),
        (.quarter, "2025-10-01", "2025-10-01", "2025-12-31", "2025-Q4"),
    ])
    func containing(_ kind: ComplianceWindowKind, _ day: String, _ start: String, _ end: String, _ label: String) throws {
        let window = try #require(kind.window(containing: try date(day)))
        #expect(window.start.description == start)
        #expect(window.end.description == end)
        #expect(window.label == label)
    }

    @Test("only windows wholly inside the period", arguments: [
        (ComplianceWindowKind.isoWeek, "2025-01-01", "2025-01-31", ["2025-W02", "2025-W03", "2025-W04"]),
        (.isoWeek, "2025-12-22", "2026-01-11", ["2025-W52", "2026-W01", "2026-W02"]),
        (.halfMonth, "2024-02-01", "2024-02-29", ["2024-02-H1", "2024-02-H2"]),
        (.halfMonth, "2024-02-01", "2024-02-28", ["2024-02-H1"]),
        (.halfMonth, "2025-02-02", "2025-03-15", ["2025-02-H2", "2025-03-H1"]),
        (.month, "2025-01-15", "2025-04-30", ["2025-02", "2025-03", "2025-04"]),
        (.quarter, "2025-01-01", "2025-12-30", ["2025-Q1", "2025-Q2", "2025-Q3"]),
        (.quarter, "2025-02-01", "2025-05-31", []),
        (.day, "2025-02-27", "2025-03-02", ["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"]),
        (.festival, "2025-01-01", "2025-12-31", []),
    ])
    func inside(_ kind: ComplianceWindowKind, _ from: String, _ to: String, _ labels: [String]) throws {
        #expect(kind.windows(from: try date(from), to: try date(to)).map(\.label) == labels)
    }

    @Test("ISO weekdays and weeks", arguments: [
        ("1970-01-01", 4, 1970, 1), ("2025-12-29", 1, 2026, 1), ("2025-12-28", 7, 2025, 52), ("2024-12-30", 1, 2025, 1),
        ("2027-01-03", 7, 2026, 53), ("2021-01-04", 1, 2021, 1), ("1969-12-31", 3, 1970, 1),
    ])
    func isoWeek(_ day: String, _ weekday: Int, _ year: Int, _ week: Int) throws {
        let value = try date(day)
        #expect(value.isoWeekday == weekday)
        #expect(value.isoWeek.year == year)
        #expect(value.isoWeek.week == week)
    }
}
