import CarePolicy
import Foundation

/// Prints evaluation speed for each policy — the compiled trees against the rule-by-rule
/// reference interpreter in the same run — and the time to check and compile all policies.
///
/// Run with `swift run -c release CarePolicyBenchmarks [policies-dir] [persons]`.
@main
enum Benchmark {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        let directory = arguments.first ?? "policies"
        let persons = arguments.dropFirst().first.flatMap(Int.init) ?? 20_000
        let files = PolicyFiles.policyFiles(under: directory).filter { !$0.contains("/variants/") }
        print("CarePolicy benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores, \(persons) random persons per policy, median of 9 rounds")
        print("")
        // Check + compile every policy, from the files, repeatedly.
        var compileTimes: [Double] = []
        for _ in 0..<15 {
            let start = now()
            for file in files { _ = try LoadedPolicy.load(path: file) }
            compileTimes.append(now() - start)
        }
        print(String(format: "check + compile all %d policies: median %.1f ms (min %.1f ms)", files.count, median(compileTimes) * 1000, compileTimes.min()! * 1000))
        print("")
        print("policy            tree ns/eval   reference ns/eval   tree evals/s   speed-up")
        for file in files {
            let policy = try LoadedPolicy.load(path: file)
            let date = CivilDate(year: 2026, month: 6, day: 1)!
            var generator = SeededGenerator(seed: 42)
            let people = RandomPersons(policy: policy.checked)
            let facts = (0..<persons).map { people.person(number: $0, on: date, using: &generator) }
            let tree = measure(facts) { try? policy.evaluator.evaluate($0, on: date, engine: .tree) }
            let reference = measure(facts) { try? policy.evaluator.evaluate($0, on: date, engine: .reference) }
            let name = policy.metadata.id.padding(toLength: 16, withPad: " ", startingAt: 0)
            print(String(format: "%@  %12.0f   %17.0f   %12.0f   %7.2fx", name, tree, reference, 1e9 / tree, reference / tree))
        }
    }

    /// Median nanoseconds per evaluation over 9 rounds of the whole population.
    static func measure(_ facts: [Facts], _ evaluate: (Facts) -> Evaluation?) -> Double {
        var checksum = 0
        for person in facts.prefix(1000) { checksum &+= evaluate(person)?.results.count ?? 0 }
        var rounds: [Double] = []
        for _ in 0..<9 {
            let start = now()
            for person in facts { checksum &+= evaluate(person)?.results.count ?? 0 }
            rounds.append((now() - start) / Double(facts.count) * 1e9)
        }
        if checksum == 42 { print("") }
        return median(rounds)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
