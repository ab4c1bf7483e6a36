import CarePolicy
import Foundation
import PolicyModel
import PolicyCompiler
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// Prints evaluation speed for each policy — the compiled trees against the rule-by-rule
/// reference interpreter in the same run, on the same random persons — and the time to
/// check and compile all policies.
///
/// Run with `swift run -c release CarePolicyBenchmarks [policies-dir] [persons]`.
@main
enum Benchmark {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "scale" { return try ScaleBenchmark.run(Array(arguments.dropFirst())) }
        if arguments.first == "json" { return try JSONRecordsBenchmark.run(Array(arguments.dropFirst())) }
        if arguments.first == "compliance-data" { return try ComplianceData.run(Array(arguments.dropFirst())) }
        let directory = arguments.first ?? "policies"
        let persons = arguments.dropFirst().first.flatMap(Int.init) ?? 20_000
        let files = PolicyFiles.policyFiles(under: directory).filter { !$0.contains("/variants/") }
        print("CarePolicy benchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(persons) random persons per policy, evaluation date 2026-06-01")
        print("")
        var compileTimes: [Double] = []
        for _ in 0..<15 {
            let start = now()
            for file in files { _ = try LoadedPolicy.load(path: file) }
            compileTimes.append(now() - start)
        }
        print(String(format: "read + check + compile all %d policies: median %.1f ms (min %.1f ms, 15 runs)", files.count, median(compileTimes) * 1000, compileTimes.min()! * 1000))
        print("")
        print("ns per evaluation of all decisions, facts already decoded (median of 9 rounds over all persons):")
        print("  flat          the flat machine on facts already in its typed layout (FlatWord per input), every decision")
        print("  session       EvaluationSession.evaluate: Facts in, an Evaluation with every value and fired rule out (flat machine)")
        print("  tree+session  the same session on the decision trees")
        print("  tree call     `evaluate` of the policy loaded with engine .tree (a pooled session per call); reference: the same, rule by rule")
        print("'per call' is the median and 99th percentile of single timed flat runs (the clock's cost, 20–40 ns, included)")
        print("")
        print("policy          flat  session  tree+session  tree one-off  reference  tree/ref  flat/tree   per call p50 / p99")
        for file in files {
            let policy = try LoadedPolicy.load(path: file)
            let date = CivilDate(year: 2026, month: 6, day: 1)!
            var generator = SeededGenerator(seed: 42)
            let people = RandomPersons(policy: policy.checked)
            let facts = (0..<persons).map { people.person(number: $0, on: date, using: &generator) }
            let session = EvaluationSession(policy.evaluator)
            let treeEvaluator = policy.with(engine: .tree).evaluator
            let referenceEvaluator = policy.with(engine: .reference).evaluator
            let treeSession = EvaluationSession(treeEvaluator)
            let evaluator = policy.evaluator
            let flat = FlatRun(policy, facts: facts, on: date)
            let flatTime = flat.map { run in measureFlat(run) } ?? .nan
            let sessionTime = measure(facts) { try? session.evaluate($0, on: date) }
            let treeSessionTime = measure(facts) { try? treeSession.evaluate($0, on: date) }
            let tree = measure(facts) { try? treeEvaluator.evaluate($0, on: date) }
            let reference = measure(facts) { try? referenceEvaluator.evaluate($0, on: date) }
            let calls = flat.map { perCallFlat($0) } ?? perCall(facts) { try? session.evaluate($0, on: date) }
            let name = policy.metadata.id.padding(toLength: 13, withPad: " ", startingAt: 0)
            print(String(format: "%@  %6.0f  %7.0f  %12.0f  %12.0f  %9.0f  %7.2fx  %8.2fx   %8.0f / %.0f", name, flatTime, sessionTime, treeSessionTime,
                         tree, reference, reference / tree, treeSessionTime / flatTime, calls.p50, calls.p99))
            if let reason = evaluator.flatUnsupported { print("  (\(policy.metadata.id) has no flat form: \(reason); its session runs the trees)") }
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

    /// Median nanoseconds per flat run over 9 rounds of the whole population.
    static func measureFlat(_ run: FlatRun) -> Double {
        var checksum = 0
        for person in 0..<min(1000, run.count) { checksum &+= run.evaluate(person) }
        var rounds: [Double] = []
        for _ in 0..<9 {
            let start = now()
            for person in 0..<run.count { checksum &+= run.evaluate(person) }
            rounds.append((now() - start) / Double(run.count) * 1e9)
        }
        if checksum == 42 { print("") }
        return median(rounds)
    }

    static func perCallFlat(_ run: FlatRun) -> (p50: Double, p99: Double) {
        var times: [Double] = []
        times.reserveCapacity(run.count * 3)
        var checksum = 0
        for _ in 0..<3 {
            for person in 0..<run.count {
                let start = now()
                checksum &+= run.evaluate(person)
                times.append((now() - start) * 1e9)
            }
        }
        if checksum == 42 { print("") }
        times.sort()
        return (times[times.count / 2], times[times.count * 99 / 100])
    }

    /// The median and 99th percentile of single evaluations, each timed on its own
    /// (the clock's own cost, about 20–40 ns, included).
    static func perCall(_ facts: [Facts], _ evaluate: (Facts) -> Evaluation?) -> (p50: Double, p99: Double) {
        var times: [Double] = []
        times.reserveCapacity(facts.count * 3)
        var checksum = 0
        for _ in 0..<3 {
            for person in facts {
                let start = now()
                checksum &+= evaluate(person)?.results.count ?? 0
                times.append((now() - start) * 1e9)
            }
        }
        if checksum == 42 { print("") }
        times.sort()
        return (times[times.count / 2], times[times.count * 99 / 100])
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
