import CarePolicy
import Foundation
import Hummingbird
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// `POST /v1/whatif`: a small population under a served baseline and a served variant
/// that extends it — `{"baseline": "anqing", "variant": "anqing-hourly-rate-10",
/// "population": [facts, …], "as_of": DATE, "by"?: ["residence"]}` → the what-if
/// summary (`summary.json` of `carepolicy whatif`). At most `maxPersons` persons; a
/// larger population belongs to the CLI, which streams.
struct WhatIfRoutes: RouteGroup {
    static let maxPersons = 10_000

    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.post("/v1/whatif") { request, _ in
            let members = try EvaluationRequest.members(try await request.jsonBody(limit: state.configuration.maxBodyBytes),
                                                        allowed: ["baseline", "variant", "population", "as_of", "by"])
            guard case .string(let baselineID)? = members["baseline"] else { throw APIError.invalidField("baseline", "is missing; give the id of a served policy") }
            guard case .string(let variantID)? = members["variant"] else { throw APIError.invalidField("variant", "is missing; give the id of a served policy that extends the baseline") }
            let baseline = try state.servedPolicy(baselineID).policy
            let variant = try state.servedPolicy(variantID).policy
            try Self.checkVariant(variant, of: baseline, served: state.registry.snapshot)
            let population = try LedgerRoutes.array(members["population"], name: "population", example: "{\"population\": [{\"id\": \"p1\", …}]}")
            guard population.count <= Self.maxPersons else {
                throw APIError.invalidField("population", "has \(population.count) persons; at most \(Self.maxPersons) per request (use `carepolicy whatif` for more)")
            }
            var by: [String] = []
            switch members["by"] {
            case nil, .null?: break
            case .array(let items)?:
                for item in items {
                    guard case .string(let name) = item else { throw APIError.invalidField("by", "expected a list of fact names, found \(item.describe)") }
                    by.append(name)
                }
            case let other?: throw APIError.invalidField("by", "expected a list of fact names, found \(other.describe)")
            }
            let options = WhatIfOptions(asOf: try EvaluationRequest.date(members["as_of"]), workers: 1, by: by)
            let lines = population.map(\.text).joined(separator: "\n") + "\n"
            let result: Result<WhatIfReport, RecordFileError> = await Task.detached {
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepolicy-whatif-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: directory) }
                do {
                    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                    let input = directory.appendingPathComponent("population.jsonl").path
                    try lines.write(toFile: input, atomically: true, encoding: .utf8)
                    return .success(try WhatIfAnalysis.run(baseline: baseline, variant: variant, input: input,
                                                           reportDirectory: directory.appendingPathComponent("report").path, options: options))
                } catch let error as RecordFileError {
                    return .failure(error)
                } catch {
                    return .failure(RecordFileError("the population could not be staged: \(error)"))
                }
            }.value
            switch result {
            case .success(let report):
                // The population was staged in a temporary file: say where it came from instead.
                guard case .object(let entries) = report.json else { return JSONResponse.make(report.json) }
                return JSONResponse.make(.object(entries.map { $0.0 == "input" ? ("input", .string("request body")) : $0 }))
            case .failure(let error): throw APIError(.unprocessableContent, code: "invalid_whatif", message: error.message)
            }
        }
    }

    /// A variant must extend the baseline; the error names the served ones that do (the
    /// CLI's `--set` does not exist here, so it is not suggested).
    static func checkVariant(_ variant: LoadedPolicy, of baseline: LoadedPolicy, served: PolicyRegistry.Snapshot) throws {
        let base = baseline.metadata.id
        guard variant.metadata.extends != base else { return }
        let candidates = served.policies.values.filter { $0.metadata.extends == base }.map(\.metadata.id).sorted()
        let what = variant.metadata.id == base ? "is the baseline itself" : (variant.metadata.extends.map { "extends `\($0)`" } ?? "extends no policy")
        let help = candidates.isEmpty
            ? "no served policy extends `\(base)`; add a variant file with `extends:` under the policy directory's variants/"
            : "served variants of `\(base)`: \(candidates.joined(separator: ", "))"
        throw APIError(.unprocessableContent, code: "invalid_whatif",
                       message: "`variant`: policy `\(variant.metadata.id)` \(what), so it is not a variant of `\(base)`; \(help)", field: "variant")
    }
}
