import PolicyModel
import PolicySyntax

/// The declarations of a policy after includes and the variant chain are applied:
/// what the checker types. A variant may add inputs, replace parameters and
/// definitions, and patch a decision's rules by id.
struct MergedDeclarations {
    /// A decision with its rules still open to patching by a variant.
    struct DecisionPlan {
        var syntax: DecisionSyntax
        var rules: [RuleSyntax]?
        var formula: WrittenExpression?
        var apportionment: ApportionmentSyntax?
        var type: TypeSyntax?
        var label: String?
        var isPublic: Bool?
        var hitPolicy: Located<String>?
        var reason: String?
        var provenance: ProvenanceSyntax

        init(_ syntax: DecisionSyntax) {
            self.syntax = syntax
            rules = syntax.rules
            formula = syntax.formula
            apportionment = syntax.apportionment
            type = syntax.type
            label = syntax.label
            isPublic = syntax.isPublic
            hitPolicy = syntax.hitPolicy
            reason = syntax.reason
            provenance = syntax.provenance
        }
    }

    /// A parameter whose timeline a variant may replace.
    struct ParameterPlan {
        var syntax: ParameterSyntax
        var periods: [ParameterSyntax.Period]
        /// `same_as:`; a variant that gives values of its own cuts the link, one that writes `same_as` makes it.
        var sameAs: YAMLScalar?
        var unit: YAMLScalar?
        var type: TypeSyntax?
        var label: String?
        var provenance: ProvenanceSyntax
    }

    var inputs: [InputSyntax] = []
    var parameters: [ParameterPlan] = []
    var definitions: [DefinitionSyntax] = []
    var decisions: [DecisionPlan] = []
    /// The ledger and approval path of the nearest file in the chain that has one; a
    /// variant that writes its own replaces the base's whole.
    var ledger: LedgerSyntax?
    var approval: ApprovalSyntax?
    /// The compliance section of the nearest file in the chain that has one, whole.
    var compliance: ComplianceSyntax?
    /// Programs by name; a variant's program replaces the base's of the same name.
    var programs: [ProgramSyntax] = []
    var header: PolicyHeaderSyntax?
    var baseID: String?
    var diagnostics = DiagnosticList()

    init(_ set: PolicySourceSet) {
        if let base = set.base {
            self = MergedDeclarations(base.set)
            baseID = base.set.file.header?.id.value
            for fragment in set.includes { add(fragment, overriding: true) }
            add(set.file, overriding: true)
        } else {
            for fragment in set.includes { add(fragment, overriding: false) }
            add(set.file, overriding: false)
        }
        header = set.file.header
        if header == nil {
            diagnostics.append(.error(.noPolicySection, at: SourceSpan(file: set.file.path, line: 1, column: 1), help: .policySectionNeeded))
        }
    }

    func allNames() -> [(String, SourceSpan)] {
        inputs.map { ($0.name.value, $0.name.span) } + parameters.map { ($0.syntax.name.value, $0.syntax.name.span) }
            + definitions.map { ($0.name.value, $0.name.span) } + decisions.map { ($0.syntax.name.value, $0.syntax.name.span) }
    }

    func existing(_ name: String) -> SourceSpan? {
        allNames().first { $0.0 == name }?.1
    }

    mutating func duplicate(_ name: Located<String>, previous: SourceSpan) {
        diagnostics.append(.error(.alreadyDeclared(name.value, at: previous), at: name.span, help: .namesAreShared))
    }

    mutating func add(_ file: PolicyFile, overriding: Bool) {
        if let ledger = file.ledger { self.ledger = ledger }
        if let approval = file.approval { self.approval = approval }
        if let compliance = file.compliance { self.compliance = compliance }
        for program in file.programs {
            if let index = programs.firstIndex(where: { $0.name.value == program.name.value }) {
                if overriding { programs[index] = program; continue }
                diagnostics.append(.error(.programAlreadyDeclared(program.name.value, at: programs[index].name.span), at: program.name.span))
                continue
            }
            programs.append(program)
        }
        for input in file.inputs {
            if let previous = existing(input.name.value) { duplicate(input.name, previous: previous); continue }
            inputs.append(input)
        }
        for parameter in file.parameters {
            if overriding, let index = parameters.firstIndex(where: { $0.syntax.name.value == parameter.name.value }) {
                parameters[index].periods = parameter.periods
                if parameter.sameAs != nil || !parameter.periods.isEmpty { parameters[index].sameAs = parameter.sameAs }
                parameters[index].unit = parameter.unit ?? parameters[index].unit
                parameters[index].type = parameter.type ?? parameters[index].type
                parameters[index].label = parameter.label ?? parameters[index].label
                parameters[index].provenance = ProvenanceSyntax(source: parameter.provenance.source ?? parameters[index].provenance.source,
                                                                note: parameter.provenance.note ?? parameters[index].provenance.note)
                continue
            }
            if let previous = existing(parameter.name.value) { duplicate(parameter.name, previous: previous); continue }
            parameters.append(ParameterPlan(syntax: parameter, periods: parameter.periods, sameAs: parameter.sameAs, unit: parameter.unit,
                                            type: parameter.type, label: parameter.label, provenance: parameter.provenance))
        }
        for definition in file.definitions {
            if overriding, let index = definitions.firstIndex(where: { $0.name.value == definition.name.value }) {
                definitions[index] = definition
                continue
            }
            if let previous = existing(definition.name.value) { duplicate(definition.name, previous: previous); continue }
            definitions.append(definition)
        }
        for decision in file.decisions {
            if overriding, let index = decisions.firstIndex(where: { $0.syntax.name.value == decision.name.value }) {
                var plan = decisions[index]
                patch(&plan, with: decision)
                decisions[index] = plan
                continue
            }
            if let previous = existing(decision.name.value) { duplicate(decision.name, previous: previous); continue }
            if !decision.removeRules.isEmpty, let first = decision.removeRules.first {
                diagnostics.append(.error(.removeRulesOnlyInVariant, at: first.span))
            }
            decisions.append(DecisionPlan(decision))
        }
    }

    /// Applies a variant's changes to a decision of its base.
    mutating func patch(_ plan: inout DecisionPlan, with change: DecisionSyntax) {
        if let type = change.type { plan.type = type }
        if let label = change.label { plan.label = label }
        if let isPublic = change.isPublic { plan.isPublic = isPublic }
        if let hit = change.hitPolicy { plan.hitPolicy = hit }
        if let reason = change.reason { plan.reason = reason }
        // Each of `source` and `note` is replaced only when the variant writes it.
        plan.provenance = ProvenanceSyntax(source: change.provenance.source ?? plan.provenance.source,
                                           note: change.provenance.note ?? plan.provenance.note)
        if let formula = change.formula { plan.formula = formula; plan.rules = nil; plan.apportionment = nil }
        if let apportionment = change.apportionment { plan.apportionment = apportionment; plan.rules = nil; plan.formula = nil }
        var rules = plan.rules ?? []
        for removal in change.removeRules {
            guard let index = rules.firstIndex(where: { $0.id?.value == removal.value }) else {
                diagnostics.append(.error(.noRuleToRemove(rule: removal.value, decision: change.name.value), at: removal.span,
                                          help: NameSuggestion.help(for: removal.value, in: rules.compactMap(\.id?.value), kind: .ruleIDs).map(\.help)))
                continue
            }
            rules.remove(at: index)
        }
        for rule in change.rules ?? [] {
            if rule.isElse {
                rules.removeAll { $0.isElse }
                rules.append(rule)
                continue
            }
            if let id = rule.id, let index = rules.firstIndex(where: { $0.id?.value == id.value }) {
                rules.remove(at: index)
                rules.insert(rule, at: placement(of: rule, in: rules, default: index, decision: change.name.value))
                continue
            }
            let elseIndex = rules.firstIndex { $0.isElse } ?? rules.count
            rules.insert(rule, at: placement(of: rule, in: rules, default: elseIndex, decision: change.name.value))
        }
        if change.rules != nil || !change.removeRules.isEmpty {
            plan.rules = rules
            if change.formula == nil && change.apportionment == nil { plan.formula = nil; plan.apportionment = nil }
        }
    }

    mutating func placement(of rule: RuleSyntax, in rules: [RuleSyntax], default defaultIndex: Int, decision: String) -> Int {
        let ids = rules.compactMap(\.id?.value)
        if let before = rule.placeBefore {
            if let index = rules.firstIndex(where: { $0.id?.value == before.value }) { return index }
            diagnostics.append(.error(.noRuleToPlaceBefore(rule: before.value, decision: decision), at: before.span,
                                      help: NameSuggestion.help(for: before.value, in: ids, kind: .ruleIDs).map(\.help)))
        }
        if let after = rule.placeAfter {
            if let index = rules.firstIndex(where: { $0.id?.value == after.value }) { return index + 1 }
            diagnostics.append(.error(.noRuleToPlaceAfter(rule: after.value, decision: decision), at: after.span,
                                      help: NameSuggestion.help(for: after.value, in: ids, kind: .ruleIDs).map(\.help)))
        }
        return min(defaultIndex, rules.count)
    }
}
