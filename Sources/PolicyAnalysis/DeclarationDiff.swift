import PolicyModel
import PolicyCompiler

/// What changes between two versions of a policy outside its decisions: the ledger
/// (accounts, their unit, expiry and refusal text; events, their fields, refusal rules and
/// postings; checks; scheduled events), the approval steps, the programs (places,
/// eligibility, priority), and the figures of parameters these read (a settlement rate),
/// period by period.
///
/// ```swift
/// for change in DeclarationDiff.compare(old.checked, new.checked, periods: periods) { print(change.what, change.before ?? "-", change.after ?? "-") }
/// ```
package enum DeclarationDiff {
    /// Which part of the policy a change is in.
    package enum Section: String, Sendable, CaseIterable {
        case ledger, approval, programs
    }

    /// One change: what it is about (in Chinese and with codes), and the text before and
    /// after (nil: not there); for a parameter's figure, the dates it applies to.
    package struct Change: Sendable, Equatable {
        package let section: Section
        package let what: String
        package let whatCodes: String
        package let before: String?
        package let after: String?
        package var from: CivilDate? = nil
        package var until: CivilDate? = nil
    }

    package static func compare(_ old: CheckedPolicy, _ new: CheckedPolicy, periods: [(CivilDate, CivilDate?)]) -> [Change] {
        ledger(old, new) + parameters(old, new, periods: periods) + approval(old.approval, new.approval) + programs(old, new)
    }

    // MARK: ledger

    static func ledger(_ oldPolicy: CheckedPolicy, _ newPolicy: CheckedPolicy) -> [Change] {
        guard oldPolicy.ledger != nil || newPolicy.ledger != nil else { return [] }
        guard let old = oldPolicy.ledger, let new = newPolicy.ledger else {
            let title = (oldPolicy.ledger ?? newPolicy.ledger)!.title
            return [Change(section: .ledger, what: "账本", whatCodes: "ledger", before: oldPolicy.ledger == nil ? nil : title, after: newPolicy.ledger == nil ? nil : title)]
        }
        var changes: [Change] = []
        func note(_ what: String, _ codes: String, _ a: String?, _ b: String?) {
            if a != b { changes.append(Change(section: .ledger, what: what, whatCodes: codes, before: a, after: b)) }
        }
        note("账本名称", "ledger title", old.title, new.title)
        for name in union(old.accounts.map(\.name), new.accounts.map(\.name)) {
            let a = old.accounts.first { $0.name == name }, b = new.accounts.first { $0.name == name }
            guard let a, let b else {
                note("账户 \(name)", "account \(name)", a.map(describe), b.map(describe))
                continue
            }
            note("账户 \(name) 的名称", "label of account \(name)", a.label, b.label)
            note("账户 \(name) 的类型", "kind of account \(name)", a.kind.rawValue, b.kind.rawValue)
            note("账户 \(name) 的单位", "unit of account \(name)", a.unit.description, b.unit.description)
            note("账户 \(name) 的有效期", "expiry of account \(name)", a.expiry?.rawValue ?? "none", b.expiry?.rawValue ?? "none")
            note("账户 \(name) 余额不足时的拒绝理由", "insufficient-balance reason of account \(name)", a.insufficientReason, b.insufficientReason)
        }
        for name in union(old.events.map(\.name), new.events.map(\.name)) {
            let a = old.events.first { $0.name == name }, b = new.events.first { $0.name == name }
            guard let a, let b else {
                note("事件 \(name)", "event \(name)", a?.label, b?.label)
                continue
            }
            note("事件 \(name) 的名称", "label of event \(name)", a.label, b.label)
            note("事件 \(name) 的字段", "fields of event \(name)", fields(a), fields(b))
            let refusalsA = a.refusals.map { "\($0.text)（\($0.reason)）" }, refusalsB = b.refusals.map { "\($0.text)（\($0.reason)）" }
            for index in 0..<max(refusalsA.count, refusalsB.count) {
                note("事件 \(name) 的拒绝规则 \(index + 1)", "refusal \(index + 1) of event \(name)",
                     index < refusalsA.count ? refusalsA[index] : nil, index < refusalsB.count ? refusalsB[index] : nil)
            }
            let effectsA = a.effects.map { effect(oldPolicy, old, a, $0) }, effectsB = b.effects.map { effect(newPolicy, new, b, $0) }
            for index in 0..<max(effectsA.count, effectsB.count) {
                note("事件 \(name) 的记账 \(index + 1)", "posting \(index + 1) of event \(name)",
                     index < effectsA.count ? effectsA[index] : nil, index < effectsB.count ? effectsB[index] : nil)
            }
        }
        for id in union(old.checks.map(\.id), new.checks.map(\.id)) {
            let a = old.checks.first { $0.id == id }.map { check(oldPolicy, old, $0) }, b = new.checks.first { $0.id == id }.map { check(newPolicy, new, $0) }
            note("核查 \(id)", "check \(id)", a, b)
        }
        for name in union(old.schedules.map(\.name), new.schedules.map(\.name)) {
            let a = old.schedules.first { $0.name == name }.map { schedule(oldPolicy, old, $0) }
            let b = new.schedules.first { $0.name == name }.map { schedule(newPolicy, new, $0) }
            note("定期事件 \(name)", "scheduled event \(name)", a, b)
        }
        return changes
    }

    static func describe(_ account: LedgerAccount) -> String {
        "\(account.label)（\(account.kind.rawValue)，unit \(account.unit)\(account.expiry.map { "，expires \($0.rawValue)" } ?? "")）"
    }

    static func fields(_ event: LedgerEventType) -> String {
        event.fields.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
    }

    /// A printer whose inputs are the event's slots: its fields, then the events it takes.
    static func printer(_ policy: CheckedPolicy, _ ledger: LedgerDeclaration, _ event: LedgerEventType) -> ExpressionPrinter {
        var inputs = event.fields.map { field in
            InputDeclaration(name: field.name, type: field.type, label: field.name, labelEnglish: nil, defaultValue: nil, minimum: nil, maximum: nil,
                             notAfterEvaluationDate: false, provenance: event.provenance, span: event.span)
        }
        for take in event.takes.sorted(by: { $0.slot < $1.slot }) {
            while inputs.count < take.slot { inputs.append(inputs.last ?? inputs[0]) }
            let name = take.field < event.fields.count ? event.fields[take.field].name : "taken"
            inputs.append(InputDeclaration(name: name, type: .string, label: name, labelEnglish: nil, defaultValue: nil, minimum: nil, maximum: nil,
                                           notAfterEvaluationDate: false, provenance: event.provenance, span: event.span))
        }
        let reading = CheckedPolicy(metadata: policy.metadata, inputs: inputs, parameters: policy.parameters, definitions: [], decisions: [])
        return ExpressionPrinter(policy: reading)
    }

    static func effect(_ policy: CheckedPolicy, _ ledger: LedgerDeclaration, _ event: LedgerEventType, _ effect: LedgerEffect) -> String {
        let printer = printer(policy, ledger, event)
        let account = effect.account < ledger.accounts.count ? ledger.accounts[effect.account].name : "?"
        return "\(effect.isCredit ? "credit" : "debit") \(account) \(effect.isCredit ? "to" : "from") \(printer.print(effect.key)) amount \(printer.print(effect.amount))"
    }

    static func check(_ policy: CheckedPolicy, _ ledger: LedgerDeclaration, _ check: LedgerCheck) -> String {
        guard check.eventType < ledger.events.count else { return check.label }
        let event = ledger.events[check.eventType]
        let field = { (index: Int) in index < event.fields.count ? event.fields[index].name : "?" }
        return "\(check.label): at least \(printer(policy, ledger, event).print(check.atLeast)) distinct \(field(check.countField)) per \(field(check.groupField)) in \(event.name)"
    }

    static func schedule(_ policy: CheckedPolicy, _ ledger: LedgerDeclaration, _ schedule: LedgerSchedule) -> String {
        let printer = ExpressionPrinter(policy: policy)
        let event = schedule.eventType < ledger.events.count ? ledger.events[schedule.eventType] : nil
        let names = event.map { Array($0.fields.dropFirst().map(\.name)) } ?? []
        let assigned = zip(names, schedule.fields).map { "\($0): \(printer.print($1))" }.joined(separator: ", ")
        return "\(schedule.label): every \(schedule.calendar.rawValue) \(event?.name ?? "?")\(schedule.condition.map { " when \(printer.print($0))" } ?? "") {\(assigned)}"
    }

    // MARK: parameters read outside the decisions

    /// The parameters the ledger and the programs read, whose figure differs in some period.
    static func parameters(_ old: CheckedPolicy, _ new: CheckedPolicy, periods: [(CivilDate, CivilDate?)]) -> [Change] {
        var changes: [Change] = []
        let read = union(readParameters(old), readParameters(new))
        for name in read {
            guard let a = old.parameterIndex(named: name).map({ old.parameters[$0] }), let b = new.parameterIndex(named: name).map({ new.parameters[$0] }) else { continue }
            var last: Change?
            for (from, until) in periods {
                let x = a.value(on: from), y = b.value(on: from)
                guard x != y else {
                    if let done = last { changes.append(done); last = nil }
                    continue
                }
                let before = x.map { $0.display(as: a.type) }, after = y.map { $0.display(as: b.type) }
                if var running = last, running.before == before, running.after == after {
                    running.until = until
                    last = running
                    continue
                }
                if let done = last { changes.append(done) }
                let section: Section = readParameters(old, programsOnly: true).contains(name) || readParameters(new, programsOnly: true).contains(name) ? .programs : .ledger
                last = Change(section: section, what: "参数 \(name)（\(b.label)）", whatCodes: "parameter \(name)", before: before, after: after, from: from, until: until)
            }
            if let done = last { changes.append(done) }
        }
        return changes
    }

    static func readParameters(_ policy: CheckedPolicy, programsOnly: Bool = false) -> [String] {
        var expressions: [Expression] = policy.programs.flatMap { [$0.eligible] + $0.priority.map(\.expression) }
        if !programsOnly, let ledger = policy.ledger {
            expressions += ledger.events.flatMap { event in event.refusals.map(\.condition) + event.effects.flatMap { [$0.key, $0.amount] } }
            expressions += ledger.checks.map(\.atLeast)
            expressions += ledger.schedules.flatMap { $0.fields + ($0.condition.map { [$0] } ?? []) }
        }
        var names: [String] = []
        for expression in expressions {
            expression.forEach { part in
                if case .parameter(let index) = part, index < policy.parameters.count, !names.contains(policy.parameters[index].name) {
                    names.append(policy.parameters[index].name)
                }
            }
        }
        return names
    }

    // MARK: approval and programs

    static func approval(_ old: ApprovalDeclaration?, _ new: ApprovalDeclaration?) -> [Change] {
        guard old != nil || new != nil else { return [] }
        guard let old, let new else {
            return [Change(section: .approval, what: "审批流程", whatCodes: "approval", before: old?.title, after: new?.title)]
        }
        var changes: [Change] = []
        func note(_ what: String, _ codes: String, _ a: String?, _ b: String?) {
            if a != b { changes.append(Change(section: .approval, what: what, whatCodes: codes, before: a, after: b)) }
        }
        note("审批流程名称", "approval title", old.title, new.title)
        note("审批步骤", "approval steps", old.steps.map(\.id).joined(separator: " → "), new.steps.map(\.id).joined(separator: " → "))
        for step in new.steps {
            guard let before = old.steps.first(where: { $0.id == step.id }) else { continue }
            note("审批步骤 \(step.id) 的名称", "label of approval step \(step.id)", before.label, step.label)
            note("审批步骤 \(step.id) 的办理人", "actor of approval step \(step.id)", before.actor, step.actor)
        }
        note("不予批准的状态", "rejection state", "\(old.rejection)（\(old.rejectionLabel)）", "\(new.rejection)（\(new.rejectionLabel)）")
        return changes
    }

    static func programs(_ oldPolicy: CheckedPolicy, _ newPolicy: CheckedPolicy) -> [Change] {
        var changes: [Change] = []
        func note(_ what: String, _ codes: String, _ a: String?, _ b: String?) {
            if a != b { changes.append(Change(section: .programs, what: what, whatCodes: codes, before: a, after: b)) }
        }
        for name in union(oldPolicy.programs.map(\.name), newPolicy.programs.map(\.name)) {
            let a = oldPolicy.programs.first { $0.name == name }, b = newPolicy.programs.first { $0.name == name }
            guard let a, let b else {
                note("名额项目 \(name)", "program \(name)", a.map { "\($0.label)（\($0.places)）" }, b.map { "\($0.label)（\($0.places)）" })
                continue
            }
            note("名额项目 \(name) 的名称", "label of program \(name)", a.label, b.label)
            note("名额项目 \(name) 的名额", "places of program \(name)", String(a.places), String(b.places))
            note("名额项目 \(name) 的条件", "eligibility of program \(name)", a.eligibleText, b.eligibleText)
            let priority = { (program: ProgramDeclaration) in program.priority.map { $0.name + ($0.descending ? " desc" : "") }.joined(separator: ", ") }
            note("名额项目 \(name) 的排序", "priority of program \(name)", priority(a), priority(b))
        }
        return changes
    }

    /// The names of both lists, the first's order then the second's new ones.
    static func union(_ a: [String], _ b: [String]) -> [String] { a + b.filter { !a.contains($0) } }
}
