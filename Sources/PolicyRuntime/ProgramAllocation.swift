import PolicyModel
import PolicyCompiler
import RecordFormats

/// Places of a program given out by its priority order: the eligible are ranked by
/// the policy's keys, ties by `id`, and the first `places` get one. Deterministic:
/// the same persons in any order give the same allocation.
public struct ProgramAllocation: Sendable {
    /// One eligible person, ranked.
    public struct Candidate: Sendable, Equatable {
        public let id: String
        /// The values of the program's priority keys, in order.
        public let keys: [Value]
    }

    /// A person who could not be considered, and why.
    public struct Problem: Sendable, Equatable {
        public let line: Int
        public let message: String
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    package let program: ProgramDeclaration
    public let places: Int
    public let date: CivilDate
    /// Every eligible person, best first.
    public let ranked: [Candidate]
    public let considered: Int
    public let problems: [Problem]

    public var allocated: ArraySlice<Candidate> { ranked.prefix(places) }
    public var withoutPlace: Int { max(0, ranked.count - places) }

    /// Ranks `persons` (with the line each came from) under `program` on `date`.
    package static func allocate(_ program: ProgramDeclaration, places: Int? = nil, persons: [(line: Int, facts: Facts)],
                                evaluator: PolicyEvaluator, on date: CivilDate) -> ProgramAllocation {
        var candidates: [Candidate] = []
        var problems: [Problem] = []
        var seen: [String: Int] = [:]
        let expressions = [program.eligible] + program.priority.map(\.expression)
        for (line, facts) in persons {
            guard let id = facts.id, !id.isEmpty else {
                problems.append(Problem(line: line, message: "the person has no `id`; places are given by id when all else ties"))
                continue
            }
            if let first = seen[id] {
                problems.append(Problem(line: line, message: "the id \(id) was already given on line \(first)"))
                continue
            }
            seen[id] = line
            do {
                let values = try evaluator.evaluate(expressions, for: facts, on: date)
                if case .bool(true) = values[0] { candidates.append(Candidate(id: id, keys: Array(values.dropFirst()))) }
            } catch {
                problems.append(Problem(line: line, message: error.description))
            }
        }
        let keys = program.priority
        candidates.sort { a, b in
            for (index, key) in keys.enumerated() {
                let order = Expression.order(a.keys[index], b.keys[index], .decimal)
                if order != 0 { return key.descending ? order > 0 : order < 0 }
            }
            return a.id.unicodeScalars.lexicographicallyPrecedes(b.id.unicodeScalars)
        }
        return ProgramAllocation(program: program, places: places ?? program.places, date: date, ranked: candidates,
                                 considered: persons.count - problems.count, problems: problems)
    }

    /// The same allocation with problems found before ranking (facts that did not decode), in line order.
    public func adding(problems earlier: [Problem]) -> ProgramAllocation {
        ProgramAllocation(program: program, places: places, date: date, ranked: ranked, considered: considered,
                          problems: (earlier + problems).sorted { $0.line < $1.line })
    }

    /// `{"program":…, "places":…, "eligible":…, "allocated":[…], "without_place":…, "problems":[…]}`.
    /// The allocation as JSON text (see `json`).
    public var jsonText: String { JSONText.write(json, pretty: true) }

    package var json: JSONText.Node {
        .object([
            ("program", .string(program.name)),
            ("label", .string(program.label)),
            ("as_of", .string(date.description)),
            ("places", .integer(Int64(places))),
            ("considered", .integer(Int64(considered))),
            ("eligible", .integer(Int64(ranked.count))),
            ("allocated_count", .integer(Int64(allocated.count))),
            ("without_place", .integer(Int64(withoutPlace))),
            ("priority", .array(program.priority.map { .string("\($0.name) \($0.descending ? "descending" : "ascending")") } + [.string("id ascending")])),
            ("allocated", .array(allocated.enumerated().map { rank, candidate in
                .object([("rank", .integer(Int64(rank + 1))), ("id", .string(candidate.id))]
                        + zip(program.priority, candidate.keys).map { key, value in (key.name, JSONText.value(value, type: key.type)) })
            })),
            ("problems", .array(problems.map { .object([("line", .integer(Int64($0.line))), ("message", .string($0.message))]) })),
        ])
    }
}
