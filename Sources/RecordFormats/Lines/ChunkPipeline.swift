import Dispatch
import PolicyModel

/// Runs `process` on runs of lines on `workers` threads while the calling thread reads
/// the next runs and hands finished ones to `consume` in file order. At most
/// `2 × workers` runs are in memory at once, so memory does not grow with the file.
/// Each worker has its own state (made by `makeWorker`), used by that worker only.
///
/// Before it would wait for input (a pipe that has nothing more yet), it waits for the
/// runs in flight, hands them to `consume` and calls `flush`: every answer computed is
/// written out before the run can stall — or be killed — on its input.
package enum ChunkPipeline {
    /// A run's result, filled by a worker and waited for by the consumer.
    package final class Slot<Result>: @unchecked Sendable {
        package var result: Result?
        package let done = DispatchSemaphore(value: 0)
    }

    /// Moves a value a worker owns into its queue's closures.
    package final class Owned<Value>: @unchecked Sendable {
        package let value: Value
        package init(_ value: Value) { self.value = value }
    }

    package static func run<Worker, Result>(
        reader: LineChunkReader,
        first: LineChunkReader.Chunk?,
        workers: Int,
        makeWorker: () -> Worker,
        process: @escaping @Sendable (Worker, LineChunkReader.Chunk) -> Result,
        consume: (Result, LineChunkReader.Chunk) throws -> Void,
        flush: () -> Void = {}
    ) rethrows {
        let count = max(1, workers)
        let queues = (0..<count).map { DispatchQueue(label: "carepolicy.worker.\($0)") }
        let states = (0..<count).map { _ in Owned(makeWorker()) }
        var inFlight: [(Slot<Result>, LineChunkReader.Chunk)] = []
        var submitted = 0
        var pending = first
        var finished = false

        func submit(_ chunk: LineChunkReader.Chunk) {
            let slot = Slot<Result>()
            let state = states[submitted % count]
            queues[submitted % count].async {
                slot.result = process(state.value, chunk)
                slot.done.signal()
            }
            submitted += 1
            inFlight.append((slot, chunk))
        }

        while true {
            while !finished && inFlight.count < 2 * count {
                if pending == nil && reader.wouldBlock() {
                    while !inFlight.isEmpty {
                        let (slot, chunk) = inFlight.removeFirst()
                        slot.done.wait()
                        if let result = slot.result { try consume(result, chunk) }
                    }
                    flush()
                }
                if let chunk = pending ?? reader.next() {
                    pending = nil
                    submit(chunk)
                } else {
                    finished = true
                }
            }
            guard !inFlight.isEmpty else { break }
            let (slot, chunk) = inFlight.removeFirst()
            slot.done.wait()
            if let result = slot.result { try consume(result, chunk) }
        }
    }
}
