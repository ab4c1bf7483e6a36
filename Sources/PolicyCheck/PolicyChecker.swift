import Crypto
import PolicyModel
import PolicySyntax

/// Checks a loaded policy: resolves names, types every expression, validates values and
/// ranges, proves apportionments sum, and refuses cycles. Collects every diagnostic.
///
/// ```swift
/// let set = try PolicyLoader().load(path: "policies/anqing.yaml")
/// let policy = try PolicyChecker.check(set)
/// ```
package final class PolicyChecker {
    enum SymbolKind { case input, parameter, definition, decision }
    enum State { case unchecked, checking, done }

    let merged: MergedDeclarations
    let set: PolicySourceSet
    var diagnostics = DiagnosticList()
    var symbols: [String: (SymbolKind, Int)] = [:]
    /// While a ledger expression is checked: the event's fields by name. Only these and
    /// the parameters are in scope there.
    var localScope: [String: (Expression, ValueType)]?
    /// What the local scope is, for its errors (a ledger rule of an event, a requirement's `counts`).
    var localScopeName = LocalScope.ledgerCheck

    var inputTypes: [ValueType?] = []
    var parameterTypes: [ValueType?] = []
    /// For each linked parameter (`same_as:`), the parameter at the end of its links; nil
    /// for a parameter with values of its own, or a link already reported as broken.
    var parameterRoots: [Int?] = []
    var definitionTypes: [ValueType?] = []
    var definitionExpressions: [Expression?] = []
    var definitionStates: [State] = []
    var decisionTypes: [ValueType?] = []
    var decisionStates: [State] = []
    var decisionBodies: [DecisionBody?] = []
    /// How deep evaluation goes below each checked definition and decision (see `PolicyChecker+Depth`).
    var definitionHeights: [Int] = []
    var decisionHeights: [Int] = []
    /// Expressions being checked now, one inside the other, through the names they read.
    var depth = 0
    /// The deepest `depth` reached since the declaration being checked began.
    var deepest = 0
    var reportedTooDeep = false

    static let evaluationDateName = "evaluation_date"

    init(_ set: PolicySourceSet) {
        self.set = set
        merged = MergedDeclarations(set)
        diagnostics.append(contentsOf: merged.diagnostics)
    }

    /// The checked policy, or every error found. Warnings are returned with the policy.
    package static func check(_ set: PolicySourceSet) throws(DiagnosticList) -> (policy: CheckedPolicy, warnings: [Diagnostic]) {
        let checker = PolicyChecker(set)
        let policy = checker.run()
        if checker.diagnostics.hasErrors { throw checker.diagnostics }
        guard let policy else { throw checker.diagnostics }
        return (policy, checker.diagnostics.warnings)
    }

    func run() -> CheckedPolicy? {
        declareSymbols()
        let inputs = merged.inputs.indices.compactMap(checkInput)
        let parameters = ParameterLinks.resolve(merged.parameters.indices.compactMap(checkParameter))
        for index in merged.definitions.indices { _ = definitionType(index) }
        for index in merged.decisions.indices { _ = decisionType(index) }
        let metadata = checkMetadata()
        guard !diagnostics.hasErrors, let metadata, inputs.count == merged.inputs.count, parameters.count == merged.parameters.count else { return nil }
        let definitions = merged.definitions.indices.compactMap { index -> DefinitionDeclaration? in
            let syntax = merged.definitions[index]
            guard let type = definitionTypes[index], let expression = definitionExpressions[index] else { return nil }
            return DefinitionDeclaration(name: syntax.name.value, type: type, label: syntax.label ?? syntax.name.value, expression: expression,
                                         text: syntax.expression.text, provenance: Provenance(syntax.provenance), span: syntax.name.span)
        }
        let decisions = merged.decisions.indices.compactMap { index -> DecisionDeclaration? in
            let plan = merged.decisions[index]
            guard let type = decisionTypes[index], let body = decisionBodies[index] else { return nil }
            return DecisionDeclaration(name: plan.syntax.name.value, type: type, label: plan.label ?? plan.syntax.name.value,
                                       isPublic: plan.isPublic ?? true, body: body, provenance: Provenance(plan.provenance), span: plan.syntax.name.span)
        }
        guard definitions.count == merged.definitions.count, decisions.count == merged.decisions.count else { return nil }
        let ledger = merged.ledger.flatMap(checkLedger)
        let approval = merged.approval.flatMap(checkApproval)
        let programs = merged.programs.compactMap(checkProgram)
        let compliance = merged.compliance.flatMap { checkCompliance($0, parameters: parameters) }
        guard !diagnostics.hasErrors else { return nil }
        let policy = CheckedPolicy(metadata: metadata, inputs: inputs, parameters: parameters, definitions: definitions, decisions: decisions,
                                   ledger: ledger, approval: approval, programs: programs, compliance: compliance)
        diagnostics.append(contentsOf: DependencyCycles.find(in: policy))
        diagnostics.append(contentsOf: ApportionmentProof.verify(policy))
        diagnostics.append(contentsOf: ArithmeticBounds.verify(policy))
        return diagnostics.hasErrors ? nil : policy
    }

    func declareSymbols() {
        for (index, input) in merged.inputs.enumerated() { symbols[input.name.value] = (.input, index) }
        for (index, parameter) in merged.parameters.enumerated() { symbols[parameter.syntax.name.value] = (.parameter, index) }
        for (index, definition) in merged.definitions.enumerated() { symbols[definition.name.value] = (.definition, index) }
        for (index, decision) in merged.decisions.enumerated() { symbols[decision.syntax.name.value] = (.decision, index) }
        for (name, span) in merged.allNames() where name == Self.evaluationDateName {
            diagnostics.append(.error(.builtinName(name), at: span))
        }
        inputTypes = Array(repeating: nil, count: merged.inputs.count)
        parameterTypes = Array(repeating: nil, count: merged.parameters.count)
        definitionTypes = Array(repeating: nil, count: merged.definitions.count)
        definitionExpressions = Array(repeating: nil, count: merged.definitions.count)
        definitionStates = Array(repeating: .unchecked, count: merged.definitions.count)
        decisionTypes = Array(repeating: nil, count: merged.decisions.count)
        decisionStates = Array(repeating: .unchecked, count: merged.decisions.count)
        decisionBodies = Array(repeating: nil, count: merged.decisions.count)
        definitionHeights = Array(repeating: 0, count: merged.definitions.count)
        decisionHeights = Array(repeating: 0, count: merged.decisions.count)
        for index in merged.inputs.indices {
            inputTypes[index] = merged.inputs[index].type.flatMap { resolveType($0, name: merged.inputs[index].name.value) }
        }
        for index in merged.parameters.indices {
            let plan = merged.parameters[index]
            parameterTypes[index] = plan.type.flatMap { resolveType($0, name: plan.syntax.name.value) } ?? inferLiteralType(plan.periods.first?.value)
        }
        resolveParameterLinks()
    }

    func resolveType(_ syntax: TypeSyntax, name: String) -> ValueType? {
        let base: ValueType
        switch syntax.base.value {
        case "bool": base = .bool
        case "integer": base = .integer
        case "decimal": base = .decimal
        case "string": base = .string
        case "date": base = .date
        case "enum":
            guard let values = syntax.values else { return nil }
            base = .enumeration(EnumType(name: name, cases: values.map(\.name), labels: values.map(\.label)))
        default: return nil
        }
        return syntax.isList ? .list(base) : base
    }

    /// A parameter with no declared type takes the type of its literal: `8.00` decimal, `20` integer.
    func inferLiteralType(_ scalar: YAMLScalar?) -> ValueType? {
        guard let text = scalar?.text else { return nil }
        if text == "true" || text == "false" { return .bool }
        if Int64(text) != nil { return .integer }
        if ExactDecimal(text) != nil { return .decimal }
        if CivilDate(text) != nil { return .date }
        return .string
    }

    func checkMetadata() -> PolicyMetadata? {
        guard let header = merged.header else { return nil }
        let from = header.effectiveFrom.flatMap { date($0, what: "effective_from") }
        let until = header.effectiveUntil.flatMap { date($0, what: "effective_until") }
        if let from, let until, until < from, let span = header.effectiveUntil?.span {
            diagnostics.append(.error(.untilBeforeFrom(until: "\(until)", from: "\(from)"), at: span))
        }
        var hasher = SHA256()
        for text in set.hashedTexts {
            hasher.update(data: Array(text.utf8))
            hasher.update(data: [0])
        }
        let hash = hasher.finalize().map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        return PolicyMetadata(id: header.id.value, title: header.title.value, titleEnglish: header.titleEnglish, version: header.version.value,
                              effectiveFrom: from, effectiveUntil: until, sources: header.sources, extends: merged.baseID,
                              file: set.file.path, contentHash: hash)
    }

    func date(_ scalar: YAMLScalar, what: String) -> CivilDate? {
        guard let date = CivilDate(scalar.text) else {
            diagnostics.append(.error(.notADate(scalar.text), at: scalar.span, help: .writeDateAs(what)))
            return nil
        }
        return date
    }
}

extension Provenance {
    init(_ syntax: ProvenanceSyntax) {
        self.init(source: syntax.source, note: syntax.note)
    }
}
