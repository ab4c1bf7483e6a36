import CarePolicy
import Hummingbird
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// `GET /v1/policies/{id}/tree?decision=…&format=mermaid|dot|text&as_of=…`: the
/// compiled decision tree of one decision, or every rule table in one picture (one
/// `digraph` with a cluster per decision, one `flowchart` with a subgraph per decision),
/// with Chinese labels, as `carepolicy tree` draws it.
struct TreeRoutes: RouteGroup {
    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.get("/v1/policies/:id/tree") { request, context in
            let served = try state.servedPolicy(context.parameters.get("id"))
            let query = request.uri.queryParameters
            let formatText = query["format"].map(String.init) ?? "mermaid"
            guard let format = TreeRenderer.Format(rawValue: formatText) else {
                throw APIError.invalidField("format", "`\(formatText)` is not a tree format; use mermaid, dot or text")
            }
            let date = try EvaluationRequest.date(query["as_of"].map { .string(String($0)) })
            let checked = served.policy.checked
            let epoch = served.policy.compiled.epoch(on: date)
            var indices = checked.decisions.indices.filter { epoch.trees[$0] != nil }
            if let name = query["decision"].map(String.init) {
                guard let index = checked.decisionIndex(named: name) else {
                    let hint = NameSuggestion.closest(to: name, in: checked.decisions.map(\.name)).map { "; did you mean `\($0)`?" } ?? ""
                    throw APIError.invalidField("decision", "policy `\(checked.metadata.id)` has no decision `\(name)`\(hint)")
                }
                guard epoch.trees[index] != nil else {
                    throw APIError(.unprocessableContent, code: "not_a_rule_table",
                                   message: "`\(name)` is a formula, not a rule table, so it has no tree: \(checked.decisions[index].rules.first?.outputText ?? "")",
                                   field: "decision")
                }
                indices = [index]
            }
            let trees = indices.compactMap { epoch.trees[$0] }
            // One decision is its own picture; every rule table is one picture with a cluster (subgraph) per decision.
            let rendered = trees.count == 1 && query["decision"] != nil
                ? TreeRenderer.render(trees[0], policy: checked, format: format)
                : TreeRenderer.render(policy: checked, trees: trees.map { ($0, nil) }, format: format)
            let contentType = format == .dot ? "text/vnd.graphviz; charset=utf-8" : "text/plain; charset=utf-8"
            return JSONResponse.text(rendered + "\n", contentType: contentType, headers: JSONResponse.policyHeaders(served.metadata))
        }
    }
}
