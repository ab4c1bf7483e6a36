import CarePolicy
import Foundation
import PolicyModel
import PolicyCompiler
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

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
        let generator = try PopulationGenerator(seed: 1, referenceDate: date)
        var decodeStart = Benchmark.now()
        let decoder = try RecordDecoder(policy: policy.checked, format: .csv, header: generator.csvHeader, file: "(generated)")
        var scratch = RecordDecoder.Scratch()
        var facts: [Facts] = []
        facts.reserveCapacity(persons)
        for number in 0..<persons {
            let line = Array(generator.csvLine(try generator.person(number)).utf8.dropLast())
            if case .facts(let decoded) = line.withUnsafeBufferPointer({ decoder.decode($0, scratch: &scratch) }) { facts.append(decoded) }
        }
        decodeStart = Benchmark.now() - decodeStart
        print("scale benchmark: \(policy.metadata.id), \(facts.count) synthetic persons (seed 1), evaluation date \(date), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print(String(format: "generating and decoding the persons (not timed below): %.2f s", decodeStart))
        print("")
        if let program = policy.evaluator.flatProgram(on: date) {
            // The typed flat layout: one FlatWord per input, persons one after another.
            let width = program.layout.count
            let words = UnsafeMutablePointer<FlatWord>.allocate(capacity: max(1, width * facts.count))
            defer { words.deallocate() }
            for (index, person) in facts.enumerated() { program.layout.encode(person.values, into: words + index * width) }
            let rows = FlatRows(words: words, width: width, count: facts.count)
            print("evaluation alone, the fast way (EvaluationSession.evaluateInPlace; facts copied from the typed flat layout, FlatWord per input; every decision; median of 5 rounds)")
            report(count: facts.count) { threads in evaluateFlat(rows, policy: policy, date: date, threads: threads) }
            print("")
        }
        print("evaluation alone, sessions (facts decoded as `Facts`; an `Evaluation` with every value and fired rule per person; median of 5 rounds)")
        report(count: facts.count) { threads in evaluateAll(facts, policy: policy, date: date, threads: threads) }
    }

    /// Prints the time and rate on one and two threads, `time(threads)` seconds each.
    static func report(count: Int, _ time: (Int) -> Double) {
        var single = 0.0
        for threads in [1, 2] {
            let seconds = median((0..<5).map { _ in time(threads) })
            let rate = Double(count) / seconds
            if threads == 1 { single = rate }
            print(String(format: "  %d thread%@: %.3f s, %.0f records/s (%.0f ns per record per thread)%@", threads, threads == 1 ? " " : "s",
                         seconds, rate, seconds * 1e9 * Double(threads) / Double(count),
                         threads == 1 ? "" : String(format: ", %.2fx one thread", rate / single)))
        }
    }

    /// Persons in the flat layout, shared read-only by the threads.
    struct FlatRows: @unchecked Sendable {
        let words: UnsafeMutablePointer<FlatWord>
        let width: Int
        let count: Int
    }

    /// Seconds to run every person the fast way (`EvaluationSession.evaluateInPlace`, facts copied
    /// from the typed layout into the machine), split evenly over `threads` threads, one session each.
    static func evaluateFlat(_ rows: FlatRows, policy: LoadedPolicy, date: CivilDate, threads: Int) -> Double {
        let start = Benchmark.now()
        let share = (rows.count + threads - 1) / threads
        let checksums = Checksums(count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let session = EvaluationSession(policy.evaluator)
            var checksum = 0
            for index in (thread * share)..<min(rows.count, (thread + 1) * share) {
                if let machine = session.evaluateInPlace(on: date, reading: { machine in
                    machine.facts.update(from: rows.words + index * rows.width, count: rows.width)
                    return true
                }) {
                    checksum &+= Int(truncatingIfNeeded: machine.word(of: 0).0.bits)
                } else {
                    checksum &-= 1
                }
            }
            checksums.set(thread, checksum)
        }
        let seconds = Benchmark.now() - start
        if checksums.total == 42 { print("") }
        return seconds
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
