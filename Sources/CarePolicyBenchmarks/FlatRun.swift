import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// A population already in the flat machine's typed layout, and a machine to run it:
/// what "facts already decoded" means for the flat evaluator.
final class FlatRun {
    let machine: FlatMachine
    let words: UnsafeMutablePointer<FlatWord>
    let width: Int
    let count: Int
    let date: CivilDate
    let decisions: Int

    /// Nil when the policy has no flat form on `date`.
    init?(_ policy: LoadedPolicy, facts: [Facts], on date: CivilDate) {
        guard let program = policy.evaluator.flatProgram(on: date) else { return nil }
        machine = FlatMachine(program)
        width = program.layout.count
        count = facts.count
        self.date = date
        decisions = policy.checked.decisions.count
        words = .allocate(capacity: max(1, width * facts.count))
        for (index, person) in facts.enumerated() { program.layout.encode(person.values, into: words + index * width) }
    }

    deinit { words.deallocate() }

    /// Evaluates person `index`; returns something that depends on the result.
    @inline(__always)
    func evaluate(_ index: Int) -> Int {
        do {
            try machine.run(words + index * width, on: date)
            return Int(truncatingIfNeeded: machine.word(of: 0).0.bits)
        } catch {
            return -1
        }
    }
}
