import CarePolicy
@testable import CarePolicyService
import Hummingbird
import TestSupport
import Testing
import PolicyBatch
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Responses are written into NIO's `ByteBuffer` by the one JSON writer: the same bytes
/// as into a `[UInt8]`.
@Suite("ByteBuffer as a ByteSink")
struct ByteBufferSinkTests {
    @Test(arguments: [
        JSONText.Node.object([("a", .integer(1)), ("b", .array([.bool(true), .bool(false), .null])), ("c", .object([]))]),
        .string("quote \" backslash \\ newline \n tab \t cr \r bell \u{07} 安庆 😀"),
        .array([]), .integer(-9_223_372_036_854_775_808), .integer(7), .integer(1234567),
    ])
    func writesWhatJSONTextWrites(node: JSONText.Node) {
        var buffer = ByteBuffer()
        JSONText.write(node, into: &buffer)
        #expect(String(buffer: buffer) == JSONText.write(node))
    }

    @Test func escapesAsEveryWriterDoes() {
        var buffer = ByteBuffer()
        JSONString.appendQuoted("q \" b \\ n \n t \t bell \u{07} 安庆 \u{2028}", to: &buffer)
        buffer.appendInteger(-12)
        #expect(String(buffer: buffer) == "\"q \\\" b \\\\ n \\n t \\t bell \\u0007 安庆 \u{2028}\"-12")
    }

    @Test func writesAnEvaluationAsTheCLIDoes() throws {
        let policy = try SamplePerson.policy("rural-pilot")
        let evaluation = try policy.evaluate(json: SamplePerson.json(["residence": "rural", "meal_price": "12.00"]), on: CivilDate("2026-06-01")!)
        let facts = try policy.decodeFacts(json: SamplePerson.json(["residence": "rural", "meal_price": "12.00"]))
        let node = evaluation.json(policy: policy.checked, traces: policy.evaluator.trace(evaluation, facts: facts))
        var buffer = ByteBuffer()
        JSONText.write(node, into: &buffer)
        #expect(String(buffer: buffer) == JSONText.write(node))
    }
}
