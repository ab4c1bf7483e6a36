import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Example persons are valid inputs: ranges, enum values and birth dates that give the
/// needed age on the evaluation date, leap days included.
@Suite struct ExamplePersonTests {
    static func space() throws -> FactSpace {
        let policy = try LoadedPolicy.load(path: FixturePaths.fixture("analysis_findings"))
        return try FactSpace(policies: [policy.checked], from: CivilDate("2024-02-29")!, until: nil)
    }

    @Test(arguments: [(70, 79, "1954-02-28"), (0, 59, "1965-02-28"), (100, nil, "1924-02-29")] as [(Int, Int?, String)])
    func aBirthDateGivesTheAgeOnALeapDay(_ low: Int, _ high: Int?, _ expected: String) throws {
        let space = try Self.space()
        let ages = Domain.numbers(ValueBounds(from: ExactDecimal(Int64(low)), to: high.map { ExactDecimal(Int64($0)) }))
        let region = try #require(Region.everything.constrained(.age("birth_date"), to: ages, in: space))
        let person = try #require(ExamplePerson.make(for: region, in: space))
        #expect(person.value(of: "birth_date") == .date(CivilDate(expected)!))
        let age = CivilDate.fullYears(from: CivilDate(expected)!, to: person.date)
        #expect(age >= low && age <= (high ?? 200))
    }

    @Test func decimalsAndIntegersStayInTheirRanges() throws {
        let space = try Self.space()
        var region = try #require(Region.everything.constrained(.fact("monthly_income"), to: .numbers(ValueBounds(lower: .init(value: ExactDecimal(1000), strict: true), upper: nil)), in: space))
        region = try #require(region.constrained(.fact("ability_level"), to: .numbers(ValueBounds(from: ExactDecimal(3), to: nil)), in: space))
        let person = try #require(ExamplePerson.make(for: region, in: space))
        #expect(person.value(of: "monthly_income") == .decimal(ExactDecimal("1000.01")!))
        #expect(person.value(of: "ability_level") == .integer(3))
        #expect(Region.everything.constrained(.fact("ability_level"), to: .numbers(ValueBounds(from: ExactDecimal(5), to: nil)), in: space) == nil)
    }

    @Test func aCoverOfRegionsIsTheSameSetOfPersons() throws {
        let space = try Self.space()
        let young = try #require(Region.everything.constrained(.age("birth_date"), to: .numbers(ValueBounds(from: nil, to: ExactDecimal(59))), in: space))
        let old = try #require(Region.everything.constrained(.age("birth_date"), to: .numbers(ValueBounds(from: ExactDecimal(60), to: nil)), in: space))
        let alone = try #require(young.constrained(.fact("lives_alone"), to: .flag(true), in: space))
        let notAlone = try #require(young.constrained(.fact("lives_alone"), to: .flag(false), in: space))
        // age < 60 alone, age < 60 not alone, age ≥ 60: everyone.
        let text = RegionText(space: space, policy: try LoadedPolicy.load(path: FixturePaths.fixture("analysis_findings")).checked)
        #expect(RegionCover.simplify([alone, notAlone, old], in: space).map(text.describe) == ["everyone"])
        #expect(RegionCover.simplify([alone, old], in: space).map(text.describe) == ["age ≥ 60", "lives_alone"])
    }
}
