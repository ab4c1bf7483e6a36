import CarePolicy
import Foundation
import PolicyCompliance
import PolicyModel
import PolicyRuntime
import RecordFormats
import TestSupport

/// Elders and service-card records for the Sunhe policy (policies/sunhe.yaml), and a run
/// over them: the scenarios of the compliance tests are written with these.
struct SunheScenario {
    static let loaded = Result { () throws(PolicyLoadError) -> LoadedPolicy in
        try LoadedPolicy.load(path: FixturePaths.packageRoot + "/policies/sunhe.yaml")
    }

    static func policy() throws -> LoadedPolicy { try loaded.get() }

    /// An elder's facts as JSON: a 74-year-old served in 沙子营村 unless changed.
    static func elder(_ id: String, _ changes: [String: Any] = [:]) -> String {
        var facts = SamplePerson.base
        facts["id"] = id
        facts["birth_date"] = "1950-06-15"
        facts["residence"] = "rural"
        facts["resides_local"] = true
        facts["village"] = "沙子营村"
        for (key, value) in changes { facts[key] = value }
        let data = (try? JSONSerialization.data(withJSONObject: facts, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// One service-card record as a JSON line.
    static func record(_ elder: String, _ providerKind: String, _ kind: String, _ date: String, provider: String = "p1") -> String {
        #"{"elder":"\#(elder)","provider":"\#(provider)","provider_kind":"\#(providerKind)","kind":"\#(kind)","date":"\#(date)"}"#
    }

    var elders: [String]
    var records: [String]

    init(elders: [String], records: [String] = []) {
        self.elders = elders
        self.records = records
    }

    func run(from: String, to: String) throws -> ComplianceRun {
        let policy = try Self.policy()
        let facts = try elders.enumerated().map { (line: $0.offset + 1, facts: try policy.decodeFacts(json: $0.element)) }
        return try ComplianceRun(evaluator: policy.evaluator, elders: facts, from: try date(from), to: try date(to))
    }

    /// The report of the records given as JSON values (positions counted from 1).
    func report(from: String, to: String, spotCheck: SpotCheckRequest? = nil) throws -> ComplianceReport {
        let values = records.map { line in (try? JSONValue.parse(line.utf8)) ?? .string(line) }
        return try run(from: from, to: to).judge(records: values, spotCheck: spotCheck)
    }

    /// The report of the records written to a JSON Lines file and streamed on `workers` threads.
    func streamedReport(from: String, to: String, workers: Int, spotCheck: SpotCheckRequest? = nil) throws -> ComplianceReport {
        let path = NSTemporaryDirectory() + "compliance-\(UUID().uuidString).jsonl"
        try (records.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try run(from: from, to: to).judge(recordsAt: path, workers: workers, spotCheck: spotCheck)
    }

    /// Every day from `from` to `to`, as `YYYY-MM-DD`.
    static func days(_ from: String, _ to: String) -> [String] {
        guard let first = CivilDate(from), let last = CivilDate(to) else { return [] }
        return (first.dayNumber...last.dayNumber).compactMap { CivilDate(dayNumber: $0)?.description }
    }
}

/// A date written in a test, or an error naming it.
func date(_ text: String) throws -> CivilDate {
    guard let date = CivilDate(text) else { throw TestDataError("`\(text)` is not a date") }
    return date
}

/// Test data that is itself wrong.
struct TestDataError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension ComplianceReport {
    /// One elder's tally of one requirement: windows, met, missed labels.
    func tally(_ elder: String, _ requirement: String) -> (windows: Int, met: Int, missed: [String])? {
        guard let outcome = outcomes.first(where: { roster.elders[$0.elder].id == elder }),
              let index = compliance.requirements.firstIndex(where: { $0.name == requirement }) else { return nil }
        let tally = outcome.tallies[index]
        return (tally.windows, tally.met, tally.missed.map(\.label))
    }

    /// Every requirement's tally of one elder, by name, with the missed labels.
    func tallies(_ elder: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for requirement in compliance.requirements {
            if let tally = tally(elder, requirement.name) {
                result[requirement.name] = ["\(tally.windows)", "\(tally.met)"] + tally.missed
            }
        }
        return result
    }

    var text: String { JSONText.write(json, pretty: true) }
}
