import CarePolicy
import Foundation

/// The phases of the service's in-place batch path on one thread, per record: finding
/// the records in a body (`JSONScan`), reading each into a flat machine's facts
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
        guard let program = policy.evaluator.flatProgram(on: date), let reader = FlatJSONFactsReader(policy: policy.checked, layout: program.layout) else {
            print("\(policy.metadata.id) has no flat form: \(policy.evaluator.flatUnsupported?.description ?? "?")")
            return
        }
        let machine = FlatMachine(program)
        let writer = FlatDecisionsWriter(policy: policy.checked, program: program)
        let bytes = Array(data)
        try bytes.withUnsafeBufferPointer { bytes in
            var ranges: [Range<Int>] = []
            let scan = median((0..<9).map { _ in
                time {
                    ranges = records(in: bytes)
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
                        guard case .facts = reader.read(bytes, range, into: machine.facts), (try? machine.run(on: date)) != nil else { continue }
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

    /// The byte ranges of the `records` array's items (the body's other members skipped).
    static func records(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let key = find(Array(#""records""#.utf8), in: bytes) else { return [] }
        var index = key + 9
        JSONScan.skipWhitespace(bytes, &index)
        guard index < bytes.count, bytes[index] == 58 else { return [] }
        index += 1
        JSONScan.skipWhitespace(bytes, &index)
        guard index < bytes.count, bytes[index] == 91 else { return [] }
        index += 1
        var ranges: [Range<Int>] = []
        while true {
            JSONScan.skipWhitespace(bytes, &index)
            let start = index
            guard JSONScan.skipValue(bytes, &index) else { return ranges }
            ranges.append(start..<index)
            JSONScan.skipWhitespace(bytes, &index)
            guard index < bytes.count, bytes[index] == 44 else { return ranges }
            index += 1
        }
    }

    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if (0..<needle.count).allSatisfy({ bytes[start + $0] == needle[$0] }) { return start }
        }
        return nil
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = Benchmark.now()
        try body()
        return Benchmark.now() - start
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}
