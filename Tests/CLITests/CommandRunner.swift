import Foundation
import TestSupport

/// Runs the built `carepolicy` binary from the package root and captures what it prints
/// (standard output and standard error read at the same time: see `ChildProcess`).
struct CommandRunner {
    struct Result {
        let status: Int32
        let out: String
        let err: String
    }

    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let result = try ChildProcess.run(ChildProcess.carepolicy, arguments, input: input.map { Data($0.utf8) }, directory: FixturePaths.packageRoot,
                                          environment: environment)
        return Result(status: result.status, out: String(decoding: result.out, as: UTF8.self), err: String(decoding: result.err, as: UTF8.self))
    }
}
