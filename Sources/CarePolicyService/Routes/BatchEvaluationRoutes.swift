import CarePolicy
import Foundation
import Hummingbird

/// `POST /v1/policies/{id}/evaluate-batch`: up to 10,000 persons' facts on one date →
/// one result per record, in order. A record with bad facts gets its own error object;
/// the others are still evaluated. The records are split among `batchParallelism`
/// tasks, each with its own evaluation session; every one is logged.
struct BatchEvaluationRoutes: RouteGroup {
    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.post("/v1/policies/:id/evaluate-batch") { request, context in
            let served = try state.servedPolicy(context.parameters.get("id"))
            let body = try await request.jsonBody(limit: state.configuration.maxBatchBodyBytes)
            let members = try EvaluationRequest.members(body, allowed: ["records", "as_of"])
            guard case .array(let records)? = members["records"] else {
                throw APIError.invalidField("records", "expected a list of facts objects: {\"records\": [{…}, …]}")
            }
            let limit = state.configuration.maxBatchRecords
            if records.count > limit {
                var error = APIError(.contentTooLarge, code: "too_many_records",
                                     message: "\(records.count) records in one request; at most \(limit) are allowed: split the batch", field: "records")
                error.headers = JSONResponse.policyHeaders(served.metadata)
                throw error
            }
            let date = try EvaluationRequest.date(members["as_of"])
            let chunks = BatchChunk.split(records.count, into: state.configuration.batchParallelism)
            let policy = served.policy
            let logging = state.decisionLog != nil
            let outputs = await withTaskGroup(of: (Int, BatchChunk.Output).self) { group in
                for (number, range) in chunks.enumerated() {
                    group.addTask {
                        (number, BatchChunk.evaluate(records[range], offset: range.lowerBound, policy: policy, on: date, logging: logging))
                    }
                }
                var outputs = [BatchChunk.Output?](repeating: nil, count: chunks.count)
                for await (number, output) in group { outputs[number] = output }
                return outputs.compactMap { $0 }
            }
            var buffer = ByteBuffer()
            buffer.reserveCapacity(outputs.reduce(256) { $0 + $1.bytes.readableBytes })
            buffer.writeStaticString("{\"policy\":")
            JSONNodeWriter.write(JSONResponse.policyReference(served.metadata), into: &buffer)
            buffer.writeString(",\"as_of\":\"\(date)\",\"count\":\(records.count),\"failed\":\(outputs.reduce(0) { $0 + $1.failed }),\"results\":[")
            for (number, var output) in outputs.enumerated() {
                if number > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                buffer.writeBuffer(&output.bytes)
            }
            buffer.writeStaticString("]}")
            for output in outputs {
                for (outcome, count) in output.outcomes { state.metrics.evaluated(policy: served.metadata.id, outcome: outcome, count: count) }
                state.decisionLog?.append(contentsOf: output.decisions)
            }
            return JSONResponse.json(buffer, headers: JSONResponse.policyHeaders(served.metadata))
        }
    }
}

/// One task's share of a batch.
enum BatchChunk {
    struct Output: Sendable {
        /// The results, comma-separated, without the enclosing brackets.
        var bytes = ByteBuffer()
        var failed = 0
        var outcomes: [String: Int] = [:]
        var decisions: [PendingDecision] = []
    }

    /// `count` records cut into at most `parts` contiguous ranges of nearly equal size.
    static func split(_ count: Int, into parts: Int) -> [Range<Int>] {
        let parts = max(1, min(parts, count))
        guard count > 0 else { return [] }
        return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
    }

    static func evaluate(_ records: ArraySlice<JSONValue>, offset: Int, policy: LoadedPolicy, on date: CivilDate, logging: Bool) -> Output {
        var output = Output()
        let session = EvaluationSession(policy.evaluator)
        let checked = policy.checked
        let publicDecisions = checked.publicDecisionIndices
        let recordedAt = Date()
        output.bytes.reserveCapacity(records.count * 256)
        for (position, record) in records.enumerated() {
            if position > 0 { output.bytes.writeInteger(UInt8(ascii: ",")) }
            do throws(EvaluationError) {
                let facts: Facts
                switch policy.decoder.decode(record) {
                case .success(let decoded): facts = decoded
                case .failure(let error): throw .invalidFacts(error)
                }
                let evaluation = try session.evaluate(facts, on: date)
                output.bytes.writeInteger(UInt8(ascii: "{"))
                if let id = evaluation.personID {
                    output.bytes.writeStaticString("\"id\":")
                    JSONNodeWriter.writeQuoted(id, into: &output.bytes)
                    output.bytes.writeInteger(UInt8(ascii: ","))
                }
                output.bytes.writeStaticString("\"decisions\":{")
                for (number, index) in publicDecisions.enumerated() {
                    if number > 0 { output.bytes.writeInteger(UInt8(ascii: ",")) }
                    let decision = checked.decisions[index]
                    JSONNodeWriter.writeQuoted(decision.name, into: &output.bytes)
                    output.bytes.writeInteger(UInt8(ascii: ":"))
                    JSONNodeWriter.write(JSONText.value(evaluation.results[index].value, type: decision.type), into: &output.bytes)
                }
                output.bytes.writeStaticString("}}")
                output.outcomes["ok", default: 0] += 1
                if logging {
                    output.decisions.append(PendingDecision(recordedAt: recordedAt, policy: checked, evaluation: evaluation, facts: record,
                                                            traces: nil, endpoint: "evaluate-batch"))
                }
            } catch {
                output.failed += 1
                output.outcomes[EvaluationFailure.outcome(error), default: 0] += 1
                let apiError = EvaluationFailure.apiError(error)
                var entries: [(String, JSONText.Node)] = [("index", .integer(Int64(offset + position)))]
                if case .object(let members) = record, case .string(let id)? = members["id"] { entries.append(("id", .string(id))) }
                entries.append(("status", .integer(Int64(apiError.status.code))))
                guard case .object(let errorEntries) = apiError.json else { continue }
                entries.append(contentsOf: errorEntries)
                JSONNodeWriter.write(.object(entries), into: &output.bytes)
            }
        }
        return output
    }
}
