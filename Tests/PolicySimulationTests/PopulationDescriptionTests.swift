import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicySimulation
import PolicyModel
import RecordFormats

/// A population description is read with exactly the values written, draws exactly the
/// rows an independent reckoning of its rules gives (`population_tiny/expected.csv`
/// comes from a small Python program, not from this engine), and a broken one is
/// refused with located errors.
@Suite struct PopulationDescriptionTests {
    static let tiny = FixturePaths.fixture("population_tiny", "population.yaml")

    @Test func theDescriptionIsReadWithExactValues() throws {
        let description = try PopulationGenerator(description: Self.tiny, seed: 42).description
        let vocabulary = description.vocabulary
        #expect(description.fields.map(\.name) == ["born", "id", "region", "level", "alone", "member"])
        #expect(description.fields.map(\.slot) == [1, 0, 2, 3, 5, 6])
        #expect(description.columns == [1, 0, 2, 3, 4, 5])
        let draws = description.fields.map { $0.cases.map(\.draw) }
        #expect(draws[0] == [.age([.init(low: 60, high: 69, weight: 3), .init(low: 90, high: 90, weight: 1)], total: 4)])
        #expect(draws[1] == [.numbered(prefix: "T-", first: 98, width: 3)])
        #expect(draws[2] == [.shared(values: [.enumCase(0), .enumCase(1), .enumCase(2)], runningTotals: [0.5, 0.75, 1.0])])
        #expect(draws[3] == [.weighted(values: [.integer(7), .integer(9)], weights: [1, 1], total: 2),
                             .bands([.init(low: 0, high: 2, weight: 1), .init(low: 3, high: 5, weight: 1)], total: 2)])
        #expect(draws[4] == [.chance(0.9), .chance(0.1)])
        #expect(draws[5] == [.fixed(.bool(true))])
        let printer = ExpressionPrinter(policy: vocabulary)
        #expect(description.fields.map { $0.cases.map { $0.condition.map(printer.print) } }
            == [[nil], [nil], [nil], ["age ≥ 90", nil], ["region = west and level ≥ 3", nil], [nil]])
        #expect(description.fields[3].cases[0].span?.description == Self.tiny + ":13:13")
    }

    @Test func aTinyDescriptionDrawsExactlyKnownRows() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        let generator = try PopulationGenerator(description: Self.tiny, seed: 42, referenceDate: CivilDate(year: 2026, month: 6, day: 1)!)
        try generator.write(size: 6, to: directory + "/tiny.csv")
        #expect(ScaleTestFiles.read(directory + "/tiny.csv") == ScaleTestFiles.read(FixturePaths.fixture("population_tiny", "expected.csv")))
        try generator.write(size: 2, to: directory + "/tiny.jsonl")
        #expect(ScaleTestFiles.read(directory + "/tiny.jsonl") == """
            {"id":"T-098","born":"1961-04-18","region":"west","level":3,"alone":true,"member":true}
            {"id":"T-099","born":"1965-05-10","region":"north","level":2,"alone":false,"member":true}

            """)
    }

    static let broken = ["errors_population_syntax", "errors_population_check", "errors_population_vocabulary"]

    /// With UPDATE_GOLDEN=1 the expectations are rewritten, and the run fails so that a
    /// rewritten expectation never passes unread.
    /// In Chinese (`expected.txt`) and English (`expected.en.txt`).
    @Test(arguments: broken, Language.allCases)
    func aBrokenDescriptionIsRefusedWithLocatedErrors(_ name: String, _ language: Language) throws {
        do {
            _ = try PopulationGenerator(description: FixturePaths.fixture(name, "population.yaml"), seed: 1)
            Issue.record("\(name) was accepted")
        } catch {
            let rendered = FixturePaths.portable(error.rendered(language)) + "\n"
            let file = language == .en ? "expected.en.txt" : "expected.txt"
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try rendered.write(toFile: FixturePaths.fixture(name, file), atomically: true, encoding: .utf8)
                Issue.record("recorded a new expectation for \(name); check it and run again without UPDATE_GOLDEN")
            }
            #expect(rendered == (try String(contentsOfFile: FixturePaths.fixture(name, file), encoding: .utf8)))
            #expect(error.diagnostics.all.allSatisfy { $0.span != nil })
        }
    }
}
