import CarePolicy
import Foundation
import PolicyModel
import PolicyCompiler
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// The phases of the service's in-place batch path on one thread, per record: finding
/// the records in a body (`BatchBodyScan`), reading each into a flat machine's facts
/// (`FlatJSONFactsReader`), evaluating, and writing the decisions (`FlatDecisionsWriter`).
///
/// `CarePolicyBenchmarks json BODY.json [policy]` — BODY is an `evaluate-batch` body,
/// `{"as_of": …, "records": [{…}, …]}` (scripts/service-benchmark.sh makes one).
enum JSONRecordsBenchmark {
    static func run(_ arguments: [String]) throws {
        guard let path = arguments.first, let data = FileManager.default.contents(atPath: path) else {
            print("usage: CarePolicyBenchmarks json BODY.json [policy.yaml]")
            return
        }
        let policy = try LoadedPolicy.load(path: arguments.dropFirst().first ?? "policies/anqing.yaml")
        let date = CivilDate(year: 2026, month: 6, day: 1)!
        let session = EvaluationSession(policy.evaluator)
        guard let machine = session.flatMachine(on: date), let reader = FlatJSONFactsReader(policy: policy.checked, layout: machine.program.layout) else {
            print("\(policy.metadata.id) has no flat form: \(policy.evaluator.flatUnsupported?.description ?? "?")")
            return
        }
        let program = machine.program
        let writer = FlatDecisionsWriter(policy: policy.checked, program: program)
        let bytes = Array(data)
        try bytes.withUnsafeBufferPointer { bytes in
            var ranges: [Range<Int>] = []
            let scan = median((0..<9).map { _ in
                time {
                    ranges = BatchBodyScan.scan(bytes)?.records ?? []
                }
            })
            guard !ranges.isEmpty else { throw CocoaError(.fileReadCorruptFile) }
            var fast = 0
            let read = median((0..<9).map { _ in
                time {
                    fast = 0
                    for range in ranges { if case .facts = reader.read(bytes, range, into: machine.facts) { fast += 1 } }
                }
            })
            var output: [UInt8] = []
            output.reserveCapacity(ranges.count * 300)
            let all = median((0..<9).map { _ in
                time {
                    output.removeAll(keepingCapacity: true)
                    for range in ranges {
                        guard let machine = session.evaluateInPlace(on: date, reading: { machine in
                            if case .facts = reader.read(bytes, range, into: machine.facts) { return true }
                            return false
                        }) else { continue }
                        writer.appendDecisions(of: machine, to: &output)
                    }
                }
            })
            let count = Double(ranges.count)
            print("in-place batch path, \(ranges.count) records (\(fast) read in place), \(bytes.count) bytes, one thread, median of 9:")
            print(String(format: "  find the records (scan)          %6.0f ns per record", scan / count * 1e9))
            print(String(format: "  read facts into the machine      %6.0f ns per record", read / count * 1e9))
            print(String(format: "  read + evaluate + write answers  %6.0f ns per record", all / count * 1e9))
        }
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = Benchmark.now()
        try body()
        return Benchmark.now() - start
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}
