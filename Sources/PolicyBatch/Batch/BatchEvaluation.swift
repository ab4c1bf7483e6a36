import Foundation
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// How a batch run reads, evaluates and writes.
package struct BatchOptions: Sendable {
    /// The evaluation date for every record.
    package var asOf: CivilDate
    /// Threads that decode and evaluate (the output is the same for any number).
    package var workers: Int
    /// The input's format; nil: from the input file's extension.
    package var inputFormat: RecordFormat?
    /// The output's format; nil: from the output file's extension (JSON Lines for `-`).
    package var outputFormat: RecordFormat?
    /// Bytes of input read at a time (each worker evaluates one such run at a time).
    package var blockSize: Int
    /// The longest record, in bytes; a longer one gets an error row (`--max-record-bytes`).
    package var recordLimit: Int

    package init(asOf: CivilDate, workers: Int = 2, inputFormat: RecordFormat? = nil, outputFormat: RecordFormat? = nil, blockSize: Int = 1 << 20,
                 recordLimit: Int = RecordLimit.defaultBytes) {
        self.asOf = asOf
        self.workers = workers
        self.inputFormat = inputFormat
        self.outputFormat = outputFormat
        self.blockSize = blockSize
        self.recordLimit = recordLimit
    }
}

/// How far a long run has got, for a progress bar.
package struct BatchProgress: Sendable {
    package let records: Int
    package let bytesRead: Int
    /// The input's size, when it is a regular file.
    package let totalBytes: Int?
    package let seconds: Double

    package init(records: Int, bytesRead: Int, totalBytes: Int?, seconds: Double) {
        self.records = records
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.seconds = seconds
    }
}

/// A record that could not be evaluated: its line, its id when readable, and why.
package struct RecordError: Sendable, CustomStringConvertible {
    package let line: Int
    package let id: String?
    package let message: String
    /// The fields at fault, each with what is allowed (empty for a fault of the policy).
    package let problems: [FactProblem]

    /// Where on its line a record that is not JSON stopped being readable.
    package var column: Int? { problems.first { $0.column != nil }?.column }

    package var description: String { "line \(line)\(id.map { " (id \($0))" } ?? ""): \(message)" }
}

/// What a batch run did.
package struct BatchSummary: Sendable {
    /// Records read (blank lines and the CSV header are not records).
    package var records = 0
    package var evaluated = 0
    package var failed = 0
    /// The first errors, in file order (at most `BatchSummary.keptErrors`).
    package var firstErrors: [RecordError] = []
    package var seconds = 0.0
    /// How the records were evaluated: read in place the fast way, or decoded the general way.
    package var ways = EvaluationCounts()

    package static let keptErrors = 20

    package mutating func add(_ other: BatchSummary) {
        records += other.records
        evaluated += other.evaluated
        failed += other.failed
        ways = ways + other.ways
        firstErrors.append(contentsOf: other.firstErrors.prefix(BatchSummary.keptErrors - firstErrors.count))
    }
}

/// Evaluates every record of a file with one policy and writes one result per record,
/// in the input's order, streaming: memory stays the same whatever the file's size.
///
/// ```swift
/// let summary = try BatchEvaluation.run(policy, input: "population.csv", output: "results.jsonl",
///                                       options: BatchOptions(asOf: CivilDate("2026-06-01")!))
/// print(summary.evaluated, summary.failed)
/// ```
package enum BatchEvaluation {
    package static func run(_ policy: LoadedPolicy, input: String, output: String, options: BatchOptions,
                           progress: ((BatchProgress) -> Void)? = nil) throws(RecordFileError) -> BatchSummary {
        let outputFormat = options.outputFormat ?? (output == "-" ? .jsonl : RecordFormat(path: output))
        guard let outputFormat else {
            throw RecordFileError("`\(output)`: cannot tell the output format; name the file .csv or .jsonl")
        }
        try checkInForce(policy, on: options.asOf)
        let source = try RecordSource(path: input, format: options.inputFormat, blockSize: options.blockSize, recordLimit: options.recordLimit)
        let decoder = try source.decoder(for: policy.checked)
        let sink = try ByteOutput(path: output)
        let writer = ResultWriter(policy: policy.checked, format: outputFormat)
        sink.write(writer.header(policy: policy.checked))
        let summary = run(policy, source: source, decoder: decoder, writer: writer, options: options, progress: progress, flush: sink.flush) { sink.write($0) }
        try sink.close()
        if let failure = source.reader.failure {
            throw RecordFileError("\(failure); the results of the records before it are in `\(output)`")
        }
        return summary
    }

    package static func checkInForce(_ policy: LoadedPolicy, on date: CivilDate) throws(RecordFileError) {
        do throws(EvaluationError) {
            try policy.evaluator.checkInForce(on: date)
        } catch {
            throw RecordFileError(error.description)
        }
    }

    /// One worker's reusable state: its session, and the fast reader when the policy has a
    /// flat form on the date and the file's columns can be read straight into it.
    package final class Worker {
        package let session: EvaluationSession
        package var scratch = RecordDecoder.Scratch()
        package let flat: FlatPath?

        package init(_ policy: LoadedPolicy, decoder: RecordDecoder, writer: ResultWriter, date: CivilDate) {
            session = EvaluationSession(policy.evaluator)
            flat = session.flatMachine(on: date).flatMap { FlatPath(machine: $0, decoder: decoder, writer: writer) }
        }
    }

    /// A line read straight into the session's flat machine, evaluated there and written
    /// from its registers. Lines it cannot take go the general way, with the same output.
    package final class FlatPath {
        package let decoder: FlatRecordDecoder.Reader
        package let plan: FlatResultPlan

        package init?(machine: FlatMachine, decoder: RecordDecoder, writer: ResultWriter) {
            guard let flatDecoder = FlatRecordDecoder(decoder, layout: machine.program.layout) else { return nil }
            self.decoder = FlatRecordDecoder.Reader(flatDecoder)
            plan = FlatResultPlan(writer: writer, program: machine.program)
            flatDecoder.prepare(machine.facts)
        }

        /// Evaluates and writes `line` the fast way; false when the line needs the general way.
        @inline(__always)
        package func evaluate(_ line: UnsafeBufferPointer<UInt8>, session: EvaluationSession, writer: ResultWriter, date: CivilDate, to bytes: inout [UInt8]) -> Bool {
            var id: Range<Int>?
            guard let machine = session.evaluateInPlace(on: date, reading: { machine in
                id = decoder.decode(line, into: machine.facts)
                return id != nil
            }) else { return false }
            writer.appendFlatResult(id: decoder.decoder.hasID ? UnsafeBufferPointer(rebasing: line[id!]) : nil, machine: machine, plan: plan, to: &bytes)
            return true
        }
    }

    package struct ChunkResult: Sendable {
        package var bytes: [UInt8]
        package var summary: BatchSummary
    }

    package static func run(_ policy: LoadedPolicy, source: RecordSource, decoder: RecordDecoder, writer: ResultWriter, options: BatchOptions,
                    progress: ((BatchProgress) -> Void)?, flush: () -> Void = {}, write: ([UInt8]) -> Void) -> BatchSummary {
        let start = DispatchTime.now().uptimeNanoseconds
        var total = BatchSummary()
        let date = options.asOf
        ChunkPipeline.run(reader: source.reader, first: source.first, workers: options.workers, makeWorker: { Worker(policy, decoder: decoder, writer: writer, date: date) },
                          process: { worker, chunk in
            evaluate(chunk, worker: worker, decoder: decoder, writer: writer, date: date)
        }, consume: { result, _ in
            write(result.bytes)
            total.add(result.summary)
            progress?(BatchProgress(records: total.records, bytesRead: source.reader.bytesRead, totalBytes: source.reader.totalBytes,
                                    seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        }, flush: flush)
        total.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return total
    }

    package static func evaluate(_ chunk: LineChunkReader.Chunk, worker: Worker, decoder: RecordDecoder, writer: ResultWriter, date: CivilDate) -> ChunkResult {
        var result = ChunkResult(bytes: [], summary: BatchSummary())
        result.bytes.reserveCapacity(min(chunk.bytes.count * 2, 4 << 20))
        let flat = worker.flat
        let before = worker.session.counts
        chunk.forEachLine({ line, number in
            if let flat, flat.evaluate(line, session: worker.session, writer: writer, date: date, to: &result.bytes) {
                result.summary.records += 1
                result.summary.evaluated += 1
                return
            }
            let record = decoder.decode(line, scratch: &worker.scratch)
            switch record {
            case .blank:
                return
            case .invalid(let id, let error):
                result.summary.records += 1
                fail(&result, writer: writer, RecordError(line: number, id: id, message: "invalid facts: \(error)", problems: error.problems))
            case .facts(let facts):
                result.summary.records += 1
                do throws(EvaluationError) {
                    let evaluation = try worker.session.evaluate(facts, on: date)
                    writer.appendResult(id: facts.id, results: evaluation.results, to: &result.bytes)
                    result.summary.evaluated += 1
                } catch {
                    fail(&result, writer: writer, RecordError(error, line: number, id: facts.id))
                }
            }
        }, tooLong: { skipped in
            result.summary.records += 1
            fail(&result, writer: writer, RecordError(line: skipped.line, id: nil, message: skipped.message, problems: []))
        })
        result.summary.ways = worker.session.counts - before
        return result
    }

    package static func fail(_ result: inout ChunkResult, writer: ResultWriter, _ error: RecordError) {
        result.summary.failed += 1
        if result.summary.firstErrors.count < BatchSummary.keptErrors { result.summary.firstErrors.append(error) }
        writer.appendError(line: error.line, column: error.column, id: error.id, message: error.message, problems: error.problems, to: &result.bytes)
    }
}

extension RecordError {
    package init(_ error: EvaluationError, line: Int, id: String?) {
        var problems: [FactProblem] = []
        if case .invalidFacts(let facts) = error { problems = facts.problems }
        self.init(line: line, id: id, message: error.description, problems: problems)
    }
}
