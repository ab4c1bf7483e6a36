import Foundation
import PolicySimulation
import RecordFormats
import Testing
import TestSupport

/// Seeded fuzzing of the JSON reader the service and the batch paths read facts with:
/// mutated persons and hostile fragments must each give a value or an error at a line
/// and column inside the input, never a crash. The seed is fixed, so a failure replays.
@Suite("JSONReader fuzzing")
struct JSONReaderFuzzTests {
    static let mutator = FuzzMutator(dictionary: [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00", "\\uD83D\\uDE00", "true", "false", "null", "-", "0", "1e",
        "9223372036854775808", "-9223372036854775809", "1e999999", "0.000000000000000000001", "\"k\": 1, \"k\": 2",
        String(repeating: "[", count: 80), String(repeating: "{\"a\":", count: 70), "安庆", "\n", "\r\n", " ",
    ])

    @Test("5 000 mutated facts records: a value or an error inside the input")
    func records() throws {
        let persons = try String(contentsOfFile: FixturePaths.packageRoot + "/docs/examples/persons.jsonl", encoding: .utf8)
            .split(separator: "\n").map { Array($0.utf8) }
        var generator = SeededGenerator(seed: 2018)
        var values = 0, errors = 0
        for round in 0..<5_000 {
            let bytes = Self.mutator.mutate(persons[round % persons.count], splicing: persons[(round + 1) % persons.count], using: &generator)
            do {
                _ = try JSONReader.parse(bytes)
                values += 1
            } catch {
                errors += 1
                #expect(!error.message.isEmpty && (1...FuzzMutator.lastLine(of: bytes)).contains(error.line) && error.column >= 1
                        && error.column <= bytes.count + 1, "round \(round): \(error)")
            }
        }
        #expect(values > 0 && errors > 0)
    }
}
