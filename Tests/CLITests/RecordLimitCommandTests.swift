import Foundation
import Testing
import TestSupport

/// One record's size has a limit (`--max-record-bytes`, 1 MiB by default) in `eval`,
/// `batch` and `whatif`: a record over it gets an error row with its line and the run goes
/// on; memory stays flat whatever one line holds; answers are written as they are computed;
/// a record too large for the memory left is an error row, not a crash.
@Suite("Record size limit and streamed answers (the built binary)", .serialized)
struct RecordLimitCommandTests {
    static let anqing = FixturePaths.packageRoot + "/policies/anqing.yaml"
    static let variant = FixturePaths.packageRoot + "/policies/variants/anqing-hourly-rate-10.yaml"
    static let hugeBytes = 50 << 20

    static func person(_ id: String) -> String { SamplePerson.json(["id": id]).replacingOccurrences(of: "\n", with: " ") }

    /// Records R1–R3, then on line 4 one record of `hugeBytes` bytes, then R5.
    static func fileWithAHugeLine(in directory: String, hugeBytes: Int = hugeBytes) throws -> String {
        let path = directory + "/records.jsonl"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.write(contentsOf: Data((["R1", "R2", "R3"].map(person).joined(separator: "\n") + "\n").utf8))
        let opening = Data("{\"id\": \"huge\", \"note\": \"".utf8), closing = Data("\"}\n".utf8)
        try handle.write(contentsOf: opening)
        let piece = Data(repeating: 120, count: 1 << 20)
        var left = hugeBytes - opening.count - closing.count + 1
        while left > 0 {
            let count = min(left, piece.count)
            try handle.write(contentsOf: piece.prefix(count))
            left -= count
        }
        try handle.write(contentsOf: closing)
        try handle.write(contentsOf: Data((person("R5") + "\n").utf8))
        return path
    }

    enum Command: String, CaseIterable, Sendable {
        case batch, eval, whatif
    }

    /// The arguments that run `command` over `input`, writing into `directory`.
    static func arguments(_ command: Command, input: String, directory: String, extra: [String] = []) -> [String] {
        switch command {
        case .batch: ["batch", anqing, "--input", input, "--as-of", "2026-06-01", "--out", directory + "/out.jsonl", "--workers", "2"] + extra
        case .eval: ["eval", anqing, "--facts", input, "--as-of", "2026-06-01"] + extra
        case .whatif: ["whatif", anqing, variant, "--input", input, "--as-of", "2026-06-01", "--report", directory + "/report", "--workers", "2"] + extra
        }
    }

    /// What a command wrote for records: batch's results file, eval's standard output,
    /// whatif's errors.csv.
    static func written(_ command: Command, directory: String) -> String {
        switch command {
        case .batch: ScaleTestFiles.read(directory + "/out.jsonl")
        case .eval: ScaleTestFiles.read(directory + "/stdout")
        case .whatif: ScaleTestFiles.read(directory + "/report/errors.csv")
        }
    }

    static let tooLarge = "the record is 52428800 bytes, more than the limit of 1048576 bytes (1 MiB); raise it with --max-record-bytes"

    @Test(arguments: Command.allCases)
    func aFiftyMegabyteLineGetsAnErrorRowAndMemoryStaysFlat(command: Command) async throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The same run without the long line, for the memory it needs anyway.
        let plain = directory + "/plain.jsonl"
        try (["R1", "R2", "R3", "R5"].map(Self.person).joined(separator: "\n") + "\n").write(toFile: plain, atomically: true, encoding: .utf8)
        let baseline = try await OffPool.run {
            try MeasuredProcess.run(ChildProcess.carepolicy, Self.arguments(command, input: plain, directory: directory),
                                    output: directory + "/stdout", errors: directory + "/stderr")
        }
        let input = try await OffPool.run { try Self.fileWithAHugeLine(in: directory) }
        let run = try await OffPool.run {
            try MeasuredProcess.run(ChildProcess.carepolicy, Self.arguments(command, input: input, directory: directory),
                                    output: directory + "/stdout", errors: directory + "/stderr")
        }
        let errors = ScaleTestFiles.read(directory + "/stderr")
        #expect(run.signal == nil, "\(errors)")
        let written = Self.written(command, directory: directory)
        switch command {
        case .batch:
            #expect(run.status == 1)
            let lines = written.split(separator: "\n").map(String.init)
            #expect(lines.count == 5)
            #expect(lines[0].hasPrefix("{\"id\":\"R1\",\"decisions\":{"))
            #expect(lines[2].hasPrefix("{\"id\":\"R3\",\"decisions\":{"))
            #expect(lines[3] == "{\"line\":4,\"error\":\"\(Self.tooLarge)\"}")
            #expect(lines[4].hasPrefix("{\"id\":\"R5\",\"decisions\":{"))
            #expect(errors.contains("records.jsonl:4: error: \(Self.tooLarge)"))
        case .eval:
            #expect(run.status == 1)
            let lines = written.split(separator: "\n").map(String.init)
            #expect(lines.count == 5)
            #expect(lines[0].hasPrefix("{\"id\":\"R1\","))
            #expect(lines[3] == "{\"line\":4,\"error\":\"\(Self.tooLarge)\"}")
            #expect(lines[4].hasPrefix("{\"id\":\"R5\","))
            #expect(errors == "\(input):4: error: \(Self.tooLarge)\n")
        case .whatif:
            #expect(run.status == 0, "\(errors)")
            #expect(written == "line,id,error\n4,,\"\(Self.tooLarge)\"\n")
            #expect(ScaleTestFiles.read(directory + "/report/summary.json").contains("\"failed\": 1"))
        }
        // The line is skipped as it is read, never held: it adds a few blocks of reading at
        // most to what the run needs anyway, far below its own 50 MiB. (Measured: 2–8 MiB more,
        // depending on the allocator and the machine's load; 16 MiB is a third of the line.)
        #expect(baseline.peakKiB > 0 && run.peakKiB > 0)
        #expect(run.peakKiB - baseline.peakKiB < 16 << 10, "peak resident memory \(run.peakKiB) KiB, \(baseline.peakKiB) KiB without the long line")
    }

    @Test func theLimitIsTheOptionsAndAShorterLineOverItIsAnErrorRowToo() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/records.jsonl"
        let long = SamplePerson.json(["id": String(repeating: "L", count: 600)]).replacingOccurrences(of: "\n", with: " ")
        #expect(Self.person("R1").utf8.count < 550)
        try ([Self.person("R1"), long, Self.person("R3")].joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["batch", Self.anqing, "--input", input, "--as-of", "2026-06-01", "--out", "-", "--max-record-bytes", "550"])
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1] == "{\"line\":2,\"error\":\"the record is \(long.utf8.count) bytes, more than the limit of 550 bytes (550 bytes); raise it with --max-record-bytes\"}")
        #expect(lines[2].hasPrefix("{\"id\":\"R3\","))
        let raised = try CommandRunner.run(["batch", Self.anqing, "--input", input, "--as-of", "2026-06-01", "--out", "-", "--max-record-bytes", "5000"])
        #expect(raised.status == 0, "\(raised.err)")
        let zero = try CommandRunner.run(["batch", Self.anqing, "--input", input, "--as-of", "2026-06-01", "--out", "-", "--max-record-bytes", "0"])
        #expect(zero.status != 0)
        #expect(zero.err.contains("--max-record-bytes must be 1 or more"))
    }

    @Test func aSingleFactsFileOverTheLimitIsRefusedUnread() throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/person.json"
        try SamplePerson.json().write(toFile: input, atomically: true, encoding: .utf8)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int)
        let result = try CommandRunner.run(["eval", Self.anqing, "--facts", input, "--as-of", "2026-06-01", "--max-record-bytes", "100"])
        #expect(result.status == 1)
        #expect(result.out == "")
        #expect(result.err == "\(input): error: the record is \(size) bytes, more than the limit of 100 bytes (100 bytes); raise it with --max-record-bytes\n")
    }

    /// Answers reach the output while the input is still open: a run that then stalls, or
    /// is killed, has already written every answer it computed.
    @Test(arguments: [Command.batch, Command.eval])
    func answersAreWrittenBeforeTheInputEnds(command: Command) async throws {
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ChildProcess.carepolicy)
        process.arguments = command == .batch
            ? ["batch", Self.anqing, "--input", "-", "--input-format", "jsonl", "--as-of", "2026-06-01", "--out", "-", "--workers", "2"]
            : ["eval", Self.anqing, "--facts", "-", "--as-of", "2026-06-01"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let printed = PipeDrain(output.fileHandleForReading)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        try input.fileHandleForWriting.write(contentsOf: Data((["R1", "R2", "R3"].map(Self.person).joined(separator: "\n") + "\n").utf8))
        let deadline = Date().addingTimeInterval(30)
        var lines: [Substring] = []
        while Date() < deadline {
            lines = String(decoding: printed.current, as: UTF8.self).split(separator: "\n")
            if lines.count >= 3 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(process.isRunning)
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("{\"id\":\"R1\",") == true)
        #expect(lines.last?.hasPrefix("{\"id\":\"R3\",") == true)
        // Killed while waiting for more: the three answers are out already.
        kill(process.processIdentifier, SIGKILL)
        // The pipe closes when the process is gone.
        let all = try await OffPool.run { printed.all() }
        process.waitUntilExit()
        #expect(String(decoding: all, as: UTF8.self).split(separator: "\n").count == 3)
    }

    /// With the limit raised above what the process may allocate (an address-space limit of
    /// `ulimit -v`), a record too large for memory is an error row, not a trap, and the
    /// records after it are still answered.
    @Test(arguments: [Command.batch, Command.eval])
    func aRecordTooLargeForMemoryIsAnErrorRowNotATrap(command: Command) async throws {
        let directory = ScaleTestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let hugeBytes = 200 << 20
        let input = try await OffPool.run { try Self.fileWithAHugeLine(in: directory, hugeBytes: hugeBytes) }
        let limitKiB = 500 << 10
        let run = try await OffPool.run {
            try MeasuredProcess.run("/bin/sh", ["-c", "ulimit -v \(limitKiB) && exec \"$0\" \"$@\"", ChildProcess.carepolicy]
                                    + Self.arguments(command, input: input, directory: directory, extra: ["--max-record-bytes", "\(1 << 30)"]),
                                    output: directory + "/stdout", errors: directory + "/stderr")
        }
        let errors = ScaleTestFiles.read(directory + "/stderr")
        #expect(run.signal == nil, "\(errors)")
        #expect(run.status == 1, "\(errors)")
        let lines = Self.written(command, directory: directory).split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines.first?.hasPrefix("{\"id\":\"R1\",") == true)
        let memory = "{\"line\":4,\"error\":\"the record is \(hugeBytes) bytes, more than this process can hold in memory to read it; "
            + "lower --max-record-bytes or give the process more memory\"}"
        #expect(lines.count == 5 && lines[3] == memory)
        #expect(lines.last?.hasPrefix("{\"id\":\"R5\",") == true)
    }
}
