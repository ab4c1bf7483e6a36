import CarePolicy
import Foundation

/// Population-scale figures (issue 4): evaluation alone over facts already decoded, on
/// one and on two threads. End-to-end `batch` and `whatif` runs, with peak memory, are
/// measured on the built CLI by `scripts/scale-benchmark.sh`.
///
/// `CarePolicyBenchmarks scale [persons] [policy]`
enum ScaleBenchmark {
    static func run(_ arguments: [String]) throws {
        let persons = arguments.first.flatMap(Int.init) ?? 1_000_000
        let path = arguments.dropFirst().first ?? "policies/anqing.yaml"
        let policy = try LoadedPolicy.load(path: path)
        let date = CivilDate(year: 2026, month: 6, day: 1)!
        let generator = PopulationGenerator(seed: 1, referenceDate: date)
        var decodeStart = Benchmark.now()
        let header = SyntheticPerson.fieldNames.joined(separator: ",")
        let decoder = try RecordDecoder(policy: policy.checked, format: .csv, header: header, file: "(generated)")
        var scratch = RecordDecoder.Scratch()
        var facts: [Facts] = []
        facts.reserveCapacity(persons)
        for number in 0..<persons {
            let line = Array(generator.person(number).csvLine.utf8.dropLast())
            if case .facts(let decoded) = line.withUnsafeBufferPointer({ decoder.decode($0, scratch: &scratch) }) { facts.append(decoded) }
        }
        decodeStart = Benchmark.now() - decodeStart
        print("scale benchmark: \(policy.metadata.id), \(facts.count) synthetic persons (seed 1), evaluation date \(date), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print(String(format: "generating and decoding the persons (not timed below): %.2f s", decodeStart))
        print("")
        print("evaluation alone (facts decoded; every decision of the policy; median of 5 rounds)")
        var single = 0.0
        for threads in [1, 2] {
            let seconds = median((0..<5).map { _ in evaluateAll(facts, policy: policy, date: date, threads: threads) })
            let rate = Double(facts.count) / seconds
            if threads == 1 { single = rate }
            print(String(format: "  %d thread%@: %.3f s, %.0f records/s (%.0f ns per record per thread)%@", threads, threads == 1 ? " " : "s",
                         seconds, rate, seconds * 1e9 * Double(threads) / Double(facts.count),
                         threads == 1 ? "" : String(format: ", %.2fx one thread", rate / single)))
        }
    }

    /// Seconds to evaluate every person, split evenly over `threads` threads, one session each.
    static func evaluateAll(_ facts: [Facts], policy: LoadedPolicy, date: CivilDate, threads: Int) -> Double {
        let start = Benchmark.now()
        let share = (facts.count + threads - 1) / threads
        let checksums = Checksums(count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let session = EvaluationSession(policy.evaluator)
            var checksum = 0
            let range = (thread * share)..<min(facts.count, (thread + 1) * share)
            for index in range {
                if let evaluation = try? session.evaluate(facts[index], on: date) { checksum &+= evaluation.results.count }
            }
            checksums.set(thread, checksum)
        }
        let seconds = Benchmark.now() - start
        if checksums.total == 42 { print("") }
        return seconds
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// Per-thread checksums, so the work is not optimised away.
    final class Checksums: @unchecked Sendable {
        var values: [Int]
        let lock = NSLock()
        init(count: Int) { values = Array(repeating: 0, count: count) }
        func set(_ index: Int, _ value: Int) { lock.lock(); values[index] = value; lock.unlock() }
        var total: Int { values.reduce(0, &+) }
    }
}
