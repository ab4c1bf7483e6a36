import Dispatch
import PolicyModel
import PolicyCompiler
import PolicyRuntime
import RecordFormats

/// A spot check asked for: how many elders per window, and the seed of the draw.
package struct SpotCheckRequest: Sendable {
    package let count: Int
    package let seed: UInt64

    package init(count: Int, seed: UInt64) {
        self.count = count
        self.seed = seed
    }
}

/// One judgement of a policy's requirements over a period: the elders, their records, and
/// what each requirement found. Records stream: a file of any size is read in runs of
/// lines on every worker, each worker marking the days of its records (`DayMarks`); the
/// marks are then merged and every elder judged, the elders shared among the workers.
/// Memory grows with elders × requirements × days, never with the records.
///
/// ```swift
/// let run = try ComplianceRun(evaluator: evaluator, elders: elders, from: CivilDate("2025-01-01")!, to: CivilDate("2025-12-31")!)
/// let report = try run.judge(recordsAt: "records.jsonl", workers: 2)
/// print(JSONText.write(report.json, pretty: true))
/// ```
package struct ComplianceRun: Sendable {
    package let evaluator: PolicyEvaluator
    package let compliance: ComplianceDeclaration
    package let period: CompliancePeriod
    package let roster: ElderRoster
    package let counter: RecordCounter
    let judgement: ElderJudgement

    /// `place` names where each elder was given, in errors: `line` (of a file) or `elder` (of a request).
    package init(evaluator: PolicyEvaluator, elders: [(line: Int, facts: Facts)], from: CivilDate, to: CivilDate, place: String = "line") throws(ComplianceError) {
        let policy = evaluator.policy
        let compliance = try Self.compliance(of: policy)
        let period = try CompliancePeriod(from: from, to: to)
        let roster = try ElderRoster(elders: elders, policy: policy, place: place)
        let festivals = try FestivalCalendar(policy: policy, from: from, to: to)
        var plans: [RequirementPlan] = []
        for requirement in compliance.requirements {
            plans.append(try RequirementPlan(requirement, period: period, festivals: festivals, parameters: policy.parameters))
        }
        self.evaluator = evaluator
        self.compliance = compliance
        self.period = period
        self.roster = roster
        counter = RecordCounter(policy: policy, compliance: compliance, roster: roster, period: period)
        judgement = ElderJudgement(plans: plans, festivals: festivals, period: period, parameters: policy.parameters, roster: roster)
    }

    /// The policy's `compliance:` section, or the error that it has none.
    package static func compliance(of policy: CheckedPolicy) throws(ComplianceError) -> ComplianceDeclaration {
        guard let compliance = policy.compliance else {
            throw ComplianceError("policy `\(policy.metadata.id)` has no `compliance:` section; its requirements say what to judge", kind: .noCompliance)
        }
        return compliance
    }

    /// Judges the records of a JSON Lines file (or standard input, `-`), streamed on `workers`
    /// threads. A record longer than `recordLimit` bytes is refused, not read.
    package func judge(recordsAt path: String, workers: Int, spotCheck: SpotCheckRequest? = nil,
                       recordLimit: Int = RecordLimit.defaultBytes) throws -> ComplianceReport {
        let reader = try LineChunkReader(path: path, recordLimit: recordLimit)
        let workerCount = max(1, workers)
        var states: [RecordWorker] = []
        var refused: [RefusedRecord] = []
        var counts = ComplianceReport.RecordCounts()
        ChunkPipeline.run(reader: reader, first: nil, workers: workerCount, makeWorker: {
            let worker = RecordWorker(counter: counter, marks: newMarks())
            states.append(worker)
            return worker
        }, process: { worker, chunk in
            worker.process(chunk)
        }, consume: { result, _ in
            refused += result.refused
            counts.read += result.counts.read
            counts.counted += result.counts.counted
            counts.refused += result.counts.refused
        })
        if let failure = reader.failure { throw RecordFileError(failure) }
        let marks = states.first?.marks ?? newMarks()
        for worker in states.dropFirst() { marks.merge(worker.marks) }
        return try finish(marks: marks, refused: refused, counts: counts, workers: workerCount, spotCheck: spotCheck)
    }

    /// Judges records given as JSON values (a request body), numbered from 1 in `refused`.
    /// With `recordLimit`, a record longer than that (written as compact JSON) is refused.
    package func judge(records: [JSONValue], spotCheck: SpotCheckRequest? = nil, recordLimit: Int? = nil) throws(ComplianceError) -> ComplianceReport {
        let marks = newMarks()
        var refused: [RefusedRecord] = []
        var counts = ComplianceReport.RecordCounts()
        var text: [UInt8] = []
        for (index, record) in records.enumerated() {
            counts.read += 1
            if let recordLimit {
                text.removeAll(keepingCapacity: true)
                record.write(into: &text)
                if text.count > recordLimit {
                    counts.refused += 1
                    refused.append(RefusedRecord(line: index + 1, reason: RecordLimit.tooLarge(bytes: text.count, limit: recordLimit)))
                    continue
                }
            }
            switch counter.count(record) {
            case .counted(let elder, let day, let requirements):
                counts.counted += 1
                marks.mark(elder: elder, requirements: requirements, day: day)
            case .refused(let reason):
                counts.refused += 1
                refused.append(RefusedRecord(line: index + 1, reason: reason))
            case .blank, .ignored:
                break
            }
        }
        return try finish(marks: marks, refused: refused, counts: counts, workers: 1, spotCheck: spotCheck)
    }

    func newMarks() -> DayMarks {
        DayMarks(elders: roster.count, requirements: compliance.requirements.count, days: period.dayCount)
    }

    /// Judges every elder against the merged marks, sharing the elders among the workers.
    func finish(marks: DayMarks, refused: [RefusedRecord], counts: ComplianceReport.RecordCounts, workers: Int,
                spotCheck: SpotCheckRequest?) throws(ComplianceError) -> ComplianceReport {
        let elders = roster.count
        let parts = max(1, min(workers, elders))
        let results = ResultSlots<Result<[ElderOutcome], ComplianceError>>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let predicates = ElderPredicates(evaluator: evaluator, requirements: compliance.requirements, days: period.dayCount)
            var outcomes: [ElderOutcome] = []
            let range = (elders * part / parts)..<(elders * (part + 1) / parts)
            outcomes.reserveCapacity(range.count)
            do throws(ComplianceError) {
                for elder in range { outcomes.append(try judgement.judge(elder, marks: marks, predicates: predicates)) }
                results.set(part, .success(outcomes))
            } catch {
                results.set(part, .failure(error))
            }
        }
        var outcomes: [ElderOutcome] = []
        outcomes.reserveCapacity(elders)
        for part in 0..<parts {
            switch results.get(part) {
            case .success(let some)?: outcomes += some
            case .failure(let error)?: throw error
            case nil: break
            }
        }
        var sample: [(window: String, elders: [String])] = []
        if let spotCheck {
            guard let check = compliance.spotCheck else {
                throw ComplianceError("policy `\(evaluator.policy.metadata.id)` has no `spot_check:` in its compliance section; it says the window each sample is drawn for",
                                      kind: .noSpotCheck)
            }
            sample = SpotCheckSample.draw(outcomes, roster: roster, period: period, per: check.window, count: spotCheck.count, seed: spotCheck.seed)
        }
        return ComplianceReport(policy: evaluator.policy.metadata, parameterNames: evaluator.policy.parameters.map(\.name), compliance: compliance, period: period, roster: roster, outcomes: outcomes,
                                refused: refused, records: counts, spotCheck: sample)
    }
}

/// One worker's part of reading records: its own marks, the fast reader, and the refusals
/// of each run of lines it is given.
final class RecordWorker: @unchecked Sendable {
    /// What one run of lines gave.
    struct ChunkResult {
        var refused: [RefusedRecord] = []
        var counts = ComplianceReport.RecordCounts()
    }

    let counter: RecordCounter
    let marks: DayMarks
    let reader: RecordLineReader?

    init(counter: RecordCounter, marks: DayMarks) {
        self.counter = counter
        self.marks = marks
        reader = RecordLineReader(counter)
    }

    func process(_ chunk: LineChunkReader.Chunk) -> ChunkResult {
        var result = ChunkResult()
        chunk.forEachLine({ line, number in
            let outcome = reader?.read(line) ?? counter.count(line: line)
            switch outcome {
            case .blank:
                return
            case .counted(let elder, let day, let requirements):
                result.counts.counted += 1
                marks.mark(elder: elder, requirements: requirements, day: day)
            case .refused(let reason):
                result.counts.refused += 1
                result.refused.append(RefusedRecord(line: number, reason: reason))
            case .ignored:
                break
            }
            result.counts.read += 1
        }, tooLong: { skipped in
            result.counts.read += 1
            result.counts.refused += 1
            result.refused.append(RefusedRecord(line: skipped.line, reason: skipped.message))
        })
        return result
    }
}

/// Results written by concurrent workers, one slot each (distinct memory, so no two
/// workers touch the same value), read after they all finish.
final class ResultSlots<Value>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<Value?>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }
    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }
    func set(_ index: Int, _ value: Value) { slots[index] = value }
    func get(_ index: Int) -> Value? { slots[index] }
}
