import CarePolicy
import PolicyCheck
import PolicyModel
import PolicyRuntime
import RecordFormats

/// A synthetic population drawn as a description file says (by default
/// `policies/common/population.yaml`: the shared facts of every district, with plausible
/// Chinese distributions), the same for the same seed on every machine. Each person is
/// drawn from their own generator (seeded from the seed and their number), so person 7
/// is the same in a population of 10 and of 10 million. Nothing here knows a fact's name.
///
/// ```swift
/// let people = try PopulationGenerator(description: "policies/common/population.yaml", seed: 7)
/// try people.person(0)          // the facts of person 0, in drawing order
/// try people.write(size: 1_000, to: "population.csv")
/// ```
package struct PopulationGenerator: Sendable {
    package let description: PopulationDescription
    package let seed: UInt64
    /// Ages are drawn, and conditions evaluated, on this date (the date the population is meant to be evaluated on).
    package let referenceDate: CivilDate
    let parameters: [Value?]
    let interpreter: ReferenceInterpreter

    package static let defaultReferenceDate = CivilDate(year: 2026, month: 6, day: 1)!
    package static let defaultDescription = "policies/common/population.yaml"

    package init(_ description: PopulationDescription, seed: UInt64, referenceDate: CivilDate = PopulationGenerator.defaultReferenceDate) {
        self.description = description
        self.seed = seed
        self.referenceDate = referenceDate
        parameters = description.vocabulary.parameterValues(on: referenceDate)
        interpreter = ReferenceInterpreter(program: description.vocabulary.program)
    }

    /// Reads and checks the description at `path`; its errors come with their source lines.
    package init(description path: String = PopulationGenerator.defaultDescription, seed: UInt64,
                 referenceDate: CivilDate = PopulationGenerator.defaultReferenceDate) throws(PolicyLoadError) {
        var sources: [String: String] = [:]
        do {
            self.init(try PolicyChecker.checkPopulation(path: path, sources: &sources), seed: seed, referenceDate: referenceDate)
        } catch {
            throw PolicyLoadError(diagnostics: error, sources: sources)
        }
    }

    /// The facts of person `number` (0-based), in drawing order (`description.fields`).
    package func person(_ number: Int) throws(EvaluationFault) -> [Value] {
        try person(number, in: newFrame())
    }

    func newFrame() -> EvaluationFrame {
        let program = description.vocabulary.program
        return EvaluationFrame(program: program, inputs: placeholders, parameters: parameters, date: referenceDate, decisions: interpreter)
    }

    /// Inputs before any is drawn; no condition reads one not drawn yet (the checker makes sure).
    var placeholders: [Value] { Array(repeating: .bool(false), count: description.vocabulary.inputs.count) }

    /// Person `number`, drawn with `frame` evaluating the conditions. The frame's inputs
    /// are left from the person before; each is drawn before any condition reads it.
    func person(_ number: Int, in frame: EvaluationFrame) throws(EvaluationFault) -> [Value] {
        frame.reset(inputs: frame.inputs, parameters: parameters, date: referenceDate, decisions: interpreter)
        var random = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: number) &* 0xD1B5_4A32_D192_ED03)
        let fields = description.fields
        var values: [Value] = []
        values.reserveCapacity(fields.count)
        for index in fields.indices {
            let cases = fields[index].cases
            var chosen = cases.count - 1
            for position in 0..<chosen {
                guard let condition = cases[position].condition else { break }
                let holds: Bool
                do {
                    holds = try condition.evaluateBool(in: frame)
                } catch {
                    let fault = cases[position].span.map { error.located(at: $0) } ?? error
                    throw EvaluationFault(fault.kind, "the `when` of `\(fields[index].name)` cannot be evaluated: \(fault.message)", at: fault.span)
                }
                if holds { chosen = position; break }
            }
            let value = cases[chosen].draw.value(number: number, on: referenceDate, using: &random)
            frame.setInput(fields[index].slot, to: value)
            values.append(value)
        }
        return values
    }
}
