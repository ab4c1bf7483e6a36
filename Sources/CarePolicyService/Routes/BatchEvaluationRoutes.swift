import CarePolicy
import Foundation
import Hummingbird
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// `POST /v1/policies/{id}/evaluate-batch`: up to 10,000 persons' facts on one date →
/// one result per record, in order. A record with bad facts gets its own error object;
/// the others are still evaluated. The records are split among `batchParallelism`
/// tasks, each with its own evaluation session; every one is logged.
struct BatchEvaluationRoutes: RouteGroup {
    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.post("/v1/policies/:id/evaluate-batch") { request, context in
            let served = try state.livePolicy(context.parameters.get("id"))
            let buffer = try await request.collectJSONBody(limit: state.configuration.maxBatchBodyBytes)
            let records: BatchRecords
            let date: CivilDate
            if state.configuration.inPlaceBatch, let scan = buffer.withUnsafeReadableBytes({ BatchBodyScan.scan(BatchRecords.bytes($0)) }) {
                records = .inPlace(buffer, scan.records)
                date = try EvaluationRequest.date(scan.asOf.map { JSONValue.string($0) })
            } else {
                let body = try Request.parseJSON(buffer)
                let members = try EvaluationRequest.members(body, allowed: ["records", "as_of"])
                guard case .array(let values)? = members["records"] else {
                    throw APIError.invalidField("records", "expected a list of facts objects: {\"records\": [{…}, …]}")
                }
                records = .parsed(values)
                date = try EvaluationRequest.date(members["as_of"])
            }
            let limit = state.configuration.maxBatchRecords
            if records.count > limit {
                var error = APIError(.contentTooLarge, code: "too_many_records",
                                     message: "\(records.count) records in one request; at most \(limit) are allowed: split the batch", field: "records")
                error.headers = JSONResponse.policyHeaders(served.metadata)
                throw error
            }
            let chunks = BatchChunk.split(records.count, into: state.configuration.batchParallelism)
            let policy = served.policy
            let logging = state.decisionLog != nil
            // No record can be over the limit when the whole body is not.
            let recordLimit = buffer.readableBytes > state.configuration.maxRecordBytes ? state.configuration.maxRecordBytes : nil
            let language = request.language
            let outputs = await withTaskGroup(of: (Int, BatchChunk.Output).self) { group in
                for (number, range) in chunks.enumerated() {
                    group.addTask {
                        (number, BatchChunk.evaluate(records, range, policy: policy, on: date, logging: logging, recordLimit: recordLimit, language: language))
                    }
                }
                var outputs = [BatchChunk.Output?](repeating: nil, count: chunks.count)
                for await (number, output) in group { outputs[number] = output }
                return outputs.compactMap { $0 }
            }
            if outputs.contains(where: \.unparsable) {
                // The parser's 400, with the line and column of what it refuses.
                _ = try Request.parseJSON(buffer)
            }
            var response: [UInt8] = []
            response.reserveCapacity(outputs.reduce(256) { $0 + $1.bytes.count })
            response.appendASCII("{\"policy\":")
            JSONText.write(JSONResponse.policyReference(served.metadata), into: &response)
            response.appendASCII(",\"as_of\":")
            JSONString.appendQuoted(date.description, to: &response)
            response.appendASCII(",\"count\":")
            response.appendInteger(Int64(records.count))
            response.appendASCII(",\"failed\":")
            response.appendInteger(Int64(outputs.reduce(0) { $0 + $1.failed }))
            response.appendASCII(",\"results\":[")
            for (number, output) in outputs.enumerated() {
                if number > 0 { response.append(44) }
                response.append(contentsOf: output.bytes)
            }
            response.appendASCII("]}")
            for output in outputs {
                for (outcome, count) in output.outcomes { state.metrics.evaluated(policy: served.metadata.id, outcome: outcome, count: count) }
                state.metrics.evaluated(policy: served.metadata.id, ways: output.ways)
                state.decisionLog?.append(contentsOf: output.decisions)
            }
            return JSONResponse.json(ByteBuffer(bytes: response), headers: JSONResponse.policyHeaders(served.metadata))
        }
    }
}

/// One task's share of a batch.
enum BatchChunk {
    struct Output: Sendable {
        /// The results, comma-separated, without the enclosing brackets.
        var bytes: [UInt8] = []
        var failed = 0
        var outcomes: [String: Int] = [:]
        /// Records evaluated, added to `outcomes` at the end.
        var ok = 0
        /// A record read in place that the JSON parser refuses.
        var unparsable = false
        var decisions: [PendingDecision] = []
        /// How the records were evaluated (read in place, or the general way).
        var ways = EvaluationCounts()
    }

    /// `count` records cut into at most `parts` contiguous ranges of nearly equal size.
    static func split(_ count: Int, into parts: Int) -> [Range<Int>] {
        let parts = max(1, min(parts, count))
        guard count > 0 else { return [] }
        return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
    }

    /// Evaluates `records[range]`: in place on a flat machine where a record is plainly
    /// valid and the policy has a flat form, the general way otherwise. A record longer
    /// than `recordLimit` bytes gets an error (413 `record_too_large`) and is not read.
    static func evaluate(_ records: BatchRecords, _ range: Range<Int>, policy: LoadedPolicy, on date: CivilDate, logging: Bool,
                         recordLimit: Int? = nil, language: Language = .standard) -> Output {
        var general = General(policy: policy, date: date, logging: logging, language: language)
        general.output.bytes.reserveCapacity(range.count * 256)
        switch records {
        case .parsed(let values):
            for index in range {
                if index > range.lowerBound { general.output.bytes.append(44) }
                if let recordLimit {
                    var text: [UInt8] = []
                    values[index].write(into: &text)
                    if text.count > recordLimit {
                        general.refuse(index: index, bytes: text.count, limit: recordLimit)
                        continue
                    }
                }
                general.evaluate(values[index], index: index)
            }
        case .inPlace(let buffer, let ranges):
            let session = general.session
            let machine = session.flatMachine(on: date)
            let reader = machine.flatMap { FlatJSONFactsReader(policy: policy.checked, layout: $0.program.layout) }
            let writer = machine.map { FlatDecisionsWriter(policy: policy.checked, program: $0.program) }
            buffer.withUnsafeReadableBytes { raw in
                let bytes = BatchRecords.bytes(raw)
                for index in range {
                    if index > range.lowerBound { general.output.bytes.append(44) }
                    if let recordLimit, ranges[index].count > recordLimit {
                        general.refuse(index: index, bytes: ranges[index].count, limit: recordLimit)
                        continue
                    }
                    var id: Range<Int>?
                    if let reader, let writer, let machine = session.evaluateInPlace(on: date, reading: { machine in
                        guard case .facts(let found) = reader.read(bytes, ranges[index], into: machine.facts) else { return false }
                        id = found
                        return true
                    }) {
                        if let id {
                            general.output.bytes.appendASCII(#"{"id":"#)
                            JSONString.appendQuoted(utf8: UnsafeBufferPointer(rebasing: bytes[id]), to: &general.output.bytes)
                            general.output.bytes.appendASCII(#","decisions":"#)
                        } else {
                            general.output.bytes.appendASCII(#"{"decisions":"#)
                        }
                        writer.appendDecisions(of: machine, to: &general.output.bytes)
                        general.output.bytes.append(125)
                        general.output.ok += 1
                        if logging, let facts = try? JSONReader.parse(UnsafeRawBufferPointer(rebasing: raw[ranges[index]])) {
                            let personID = id.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
                            let evaluation = Evaluation(policy: policy.metadata, date: date, personID: personID, results: machine.results())
                            general.output.decisions.append(PendingDecision(recordedAt: general.recordedAt, policy: policy.checked, evaluation: evaluation,
                                                                            facts: facts, traces: nil, endpoint: "evaluate-batch"))
                        }
                        continue
                    }
                    // The scan checked the syntax; the parser also refuses what the scan lets
                    // by (a repeated key): then the whole body is answered as the parser finds it.
                    guard let value = try? JSONReader.parse(UnsafeRawBufferPointer(rebasing: raw[ranges[index]])) else {
                        general.output.unparsable = true
                        general.evaluate(.null, index: index)
                        continue
                    }
                    general.evaluate(value, index: index)
                }
            }
        }
        if general.output.ok > 0 { general.output.outcomes["ok", default: 0] += general.output.ok }
        general.output.ways = general.session.counts
        return general.output
    }

    /// The general way: a parsed record, decoded by `FactsDecoder`, evaluated by a session.
    struct General {
        var output = Output()
        let policy: LoadedPolicy
        let date: CivilDate
        let logging: Bool
        /// The language of the error rows.
        let language: Language
        let session: EvaluationSession
        let publicDecisions: [Int]
        let recordedAt = Date()

        init(policy: LoadedPolicy, date: CivilDate, logging: Bool, language: Language) {
            self.policy = policy
            self.date = date
            self.logging = logging
            self.language = language
            session = EvaluationSession(policy.evaluator)
            publicDecisions = policy.checked.publicDecisionIndices
        }

        /// The error object of a record over the record limit, which is not read.
        mutating func refuse(index: Int, bytes: Int, limit: Int) {
            output.failed += 1
            output.outcomes["record_too_large", default: 0] += 1
            let apiError = APIError.recordTooLarge("record \(index)", bytes: bytes, limit: limit)
            var entries: [(String, JSONText.Node)] = [("index", .integer(Int64(index))), ("status", .integer(Int64(apiError.status.code)))]
            if case .object(let errorEntries) = apiError.json(language) { entries.append(contentsOf: errorEntries) }
            JSONText.write(.object(entries), into: &output.bytes)
        }

        mutating func evaluate(_ record: JSONValue, index: Int) {
            let checked = policy.checked
            do throws(EvaluationError) {
                let facts: Facts
                switch policy.decoder.decode(record) {
                case .success(let decoded): facts = decoded
                case .failure(let error): throw .invalidFacts(error)
                }
                let evaluation = try session.evaluate(facts, on: date)
                output.bytes.append(123)
                if let id = evaluation.personID {
                    output.bytes.appendASCII("\"id\":")
                    JSONString.appendQuoted(id, to: &output.bytes)
                    output.bytes.append(44)
                }
                output.bytes.appendASCII("\"decisions\":{")
                for (number, index) in publicDecisions.enumerated() {
                    if number > 0 { output.bytes.append(44) }
                    let decision = checked.decisions[index]
                    JSONString.appendQuoted(decision.name, to: &output.bytes)
                    output.bytes.append(58)
                    JSONText.write(JSONText.value(evaluation.results[index].value, type: decision.type), into: &output.bytes)
                }
                output.bytes.appendASCII("}}")
                output.ok += 1
                if logging {
                    output.decisions.append(PendingDecision(recordedAt: recordedAt, policy: checked, evaluation: evaluation, facts: record,
                                                            traces: nil, endpoint: "evaluate-batch"))
                }
            } catch {
                output.failed += 1
                output.outcomes[EvaluationFailure.outcome(error), default: 0] += 1
                let apiError = EvaluationFailure.apiError(error)
                var entries: [(String, JSONText.Node)] = [("index", .integer(Int64(index)))]
                if case .object(let members) = record, case .string(let id)? = members["id"] { entries.append(("id", .string(id))) }
                entries.append(("status", .integer(Int64(apiError.status.code))))
                if case .object(let errorEntries) = apiError.json(language) { entries.append(contentsOf: errorEntries) }
                JSONText.write(.object(entries), into: &output.bytes)
            }
        }
    }
}

/// The records of a batch: parsed, or where they are in the body.
enum BatchRecords: Sendable {
    case parsed([JSONValue])
    case inPlace(ByteBuffer, [Range<Int>])

    var count: Int {
        switch self {
        case .parsed(let values): return values.count
        case .inPlace(_, let ranges): return ranges.count
        }
    }

    static func bytes(_ raw: UnsafeRawBufferPointer) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
    }
}
