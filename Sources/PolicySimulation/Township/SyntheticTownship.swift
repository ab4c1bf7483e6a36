import CarePolicy
import PolicyCompliance
import PolicyModel
import PolicyRuntime
import RecordFormats

/// A synthetic township for a policy with a `compliance:` section: elders drawn by a
/// population description, and their service records over a period — the same for the
/// same seed on every machine. Built for measuring `carepolicy compliance` at township
/// scale (10,000 elders × 365 days × about 3 records a day), never committed as data.
///
/// Nothing here knows a district. The description draws the shared facts; every other
/// fact of the policy is filled from its declaration: its default when it has one (left
/// out), the `group_by` fact as the group label and a number (`村01` … `村20`), a bool as
/// true nine times in ten, an enum as its first value. The records follow the policy's
/// own requirements (`SyntheticTownship+Records.swift`).
///
/// ```swift
/// let township = try SyntheticTownship(policy: loaded, population: try PopulationGenerator(seed: 1),
///                                      elders: 10_000, from: CivilDate("2025-01-01")!, to: CivilDate("2025-12-31")!, seed: 1)
/// try township.writeElders(to: "elders.jsonl")
/// let written = try township.writeRecords(to: "records.jsonl")   // about 3 × 10,000 × 365
/// ```
package struct SyntheticTownship: Sendable {
    /// One elder: the JSON line written, and the facts as the policy reads them.
    package struct Elder: Sendable {
        package let line: String
        package let facts: Facts
    }

    package let policy: LoadedPolicy
    package let compliance: ComplianceDeclaration
    package let elders: [Elder]
    package let period: CompliancePeriod
    package let recordsPerDay: Double
    package let seed: UInt64
    /// One record in this many names an elder not in the township (refused by a run), so a
    /// run at scale also reports refusals; 0 for none.
    package let unknownElderEvery: Int

    package init(policy: LoadedPolicy, population: PopulationGenerator, elders count: Int, groups: Int = 20,
                 from: CivilDate, to: CivilDate, recordsPerDay: Double = 3, unknownElderEvery: Int = 1_000_000, seed: UInt64) throws(SyntheticTownshipError) {
        guard let compliance = policy.checked.compliance else {
            throw SyntheticTownshipError("policy `\(policy.metadata.id)` has no `compliance:` section: there are no service records to make")
        }
        do {
            period = try CompliancePeriod(from: from, to: to)
        } catch {
            throw SyntheticTownshipError(error.message)
        }
        self.policy = policy
        self.compliance = compliance
        self.recordsPerDay = max(0, recordsPerDay)
        self.unknownElderEvery = max(0, unknownElderEvery)
        self.seed = seed
        var made: [Elder] = []
        made.reserveCapacity(max(0, count))
        for number in 0..<max(0, count) {
            made.append(try Self.elder(number, policy: policy, compliance: compliance, population: population, groups: max(1, groups), seed: seed))
        }
        elders = made
    }

    /// Elder `number`: the description's facts, then the policy's other facts.
    static func elder(_ number: Int, policy: LoadedPolicy, compliance: ComplianceDeclaration, population: PopulationGenerator,
                      groups: Int, seed: UInt64) throws(SyntheticTownshipError) -> Elder {
        let drawn: [Value]
        do {
            drawn = try population.person(number)
        } catch {
            throw SyntheticTownshipError("person \(number + 1): \(error.message)")
        }
        let fields = population.description.fields
        var random = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: number) &* 0xA24B_AED4_963E_E407))
        var members: [(String, JSONText.Node)] = []
        for (slot, input) in policy.checked.inputs.enumerated() {
            if let field = fields.firstIndex(where: { $0.name == input.name }) {
                members.append((input.name, JSONText.value(drawn[field], type: fields[field].type)))
                continue
            }
            if compliance.grouping?.input == slot {
                let group = Int(random.next() % UInt64(groups)) + 1
                members.append((input.name, .string((compliance.grouping?.label ?? "") + (group < 10 ? "0" : "") + String(group))))
                continue
            }
            if input.defaultValue != nil { continue }
            switch input.type {
            case .bool:
                members.append((input.name, .bool(random.next() % 10 != 0)))
            case .enumeration(let type) where !type.cases.isEmpty:
                members.append((input.name, .string(type.cases[0])))
            case .integer:
                members.append((input.name, .integer(input.minimum?.integerValue ?? 0)))
            case .string:
                members.append((input.name, .string("")))
            default:
                throw SyntheticTownshipError("fact `\(input.name)` (\(input.type)) has no default and the population description does not draw it")
            }
        }
        let line = JSONText.write(.object(members))
        do {
            return Elder(line: line, facts: try policy.decodeFacts(json: line))
        } catch {
            throw SyntheticTownshipError("elder \(number + 1) is not valid for policy `\(policy.metadata.id)`: \(error)")
        }
    }

    /// Writes the elders as JSON Lines (`carepolicy compliance --elders` reads them).
    package func writeElders(to path: String) throws(RecordFileError) {
        let output = try ByteOutput(path: path)
        for elder in elders { output.write(elder.line + "\n") }
        try output.close()
    }
}

/// Why a township cannot be made: the policy has no `compliance:` section, a fact can
/// be neither drawn nor filled, the period is not allowed.
package struct SyntheticTownshipError: Error, Sendable, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
