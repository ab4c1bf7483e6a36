import PolicyModel
import PolicySyntax

extension PolicyChecker {
    func checkInput(_ index: Int) -> InputDeclaration? {
        let syntax = merged.inputs[index]
        guard let type = inputTypes[index] else { return nil }
        if syntax.label == nil {
            diagnostics.append(.error(.inputWithoutLabel(syntax.name.value), at: syntax.name.span, help: .giveLabel))
        }
        let defaultValue = syntax.defaultValue.flatMap { literal($0, type: type, what: .defaultOf(syntax.name.value)) }
        var minimum: Value?, maximum: Value?
        for (scalar, isMinimum) in [(syntax.minimum, true), (syntax.maximum, false)] {
            guard let scalar else { continue }
            guard type.isOrdered else {
                diagnostics.append(.error(.rangeNeedsOrderedType(key: isMinimum ? "min" : "max", type), at: scalar.span))
                continue
            }
            let value = literal(scalar, type: type, what: .key(isMinimum ? "min" : "max"))
            if isMinimum { minimum = value } else { maximum = value }
        }
        if let minimum, let maximum, Expression.order(minimum, maximum, .decimal) > 0, let span = syntax.maximum?.span {
            diagnostics.append(.error(.maxBelowMin, at: span))
        }
        if let defaultValue, let span = syntax.defaultValue?.span {
            if let minimum, Expression.order(defaultValue, minimum, .decimal) < 0 {
                diagnostics.append(.error(.defaultBelowMin, at: span))
            }
            if let maximum, Expression.order(defaultValue, maximum, .decimal) > 0 {
                diagnostics.append(.error(.defaultAboveMax, at: span))
            }
        }
        var decimalPlaces: Int?
        if let scalar = syntax.decimals {
            if type != .decimal {
                diagnostics.append(.error(.decimalsNeedDecimal(type), at: scalar.span))
            } else if let places = Int(scalar.text), (0...18).contains(places) {
                decimalPlaces = places
                if let defaultValue, case .decimal(let number) = defaultValue, Int(number.normalized.scale) > places, let span = syntax.defaultValue?.span {
                    diagnostics.append(.error(.defaultTooManyPlaces(places), at: span))
                }
            } else {
                diagnostics.append(.error(.decimalsRange, at: scalar.span, help: .decimalsForMoney))
            }
        }
        var notAfter = false
        if let scalar = syntax.notAfter {
            if scalar.text != PolicyChecker.evaluationDateName || type != .date {
                diagnostics.append(.error(.notAfterShape, at: scalar.span, help: .notAfterMeaning))
            } else {
                notAfter = true
            }
        }
        return InputDeclaration(name: syntax.name.value, type: type, label: syntax.label ?? syntax.name.value, labelEnglish: syntax.labelEnglish,
                                defaultValue: defaultValue, minimum: minimum, maximum: maximum, decimalPlaces: decimalPlaces, notAfterEvaluationDate: notAfter,
                                provenance: Provenance(syntax.provenance), span: syntax.name.span)
    }

    func checkParameter(_ index: Int) -> ParameterDeclaration? {
        let plan = merged.parameters[index]
        if let sameAs = plan.sameAs {
            // Its timeline is the linked parameter's, filled in by `ParameterLinks.resolve`; a broken link is already reported.
            guard parameterRoots[index] != nil, let type = parameterTypes[index] else { return nil }
            return ParameterDeclaration(name: plan.syntax.name.value, type: type, label: plan.label ?? plan.syntax.name.value, timeline: [],
                                        sameAs: sameAs.text, unit: parameterUnit(index), provenance: Provenance(plan.provenance), span: plan.syntax.name.span)
        }
        guard let type = parameterTypes[index] else {
            diagnostics.append(.error(.parameterWithoutValue(plan.syntax.name.value), at: plan.syntax.name.span, help: .giveValueOrTimeline))
            return nil
        }
        var periods: [ParameterDeclaration.Period] = []
        var seenDates: [CivilDate: SourceSpan] = [:]
        for period in plan.periods {
            guard let value = literal(period.value, type: type, what: .valueOf(plan.syntax.name.value)) else { continue }
            var from = CivilDate(year: 1, month: 1, day: 1)!
            if let scalar = period.from {
                guard let date = date(scalar, what: "`from`") else { continue }
                from = date
                if let previous = seenDates[date] {
                    diagnostics.append(.error(.twoValuesStartOn(plan.syntax.name.value, date: "\(date)"), at: scalar.span, help: .otherIsAt(previous)))
                }
                seenDates[date] = scalar.span
            }
            periods.append(.init(from: from, value: value, provenance: Provenance(period.provenance), span: period.span))
        }
        if periods.isEmpty { return nil }
        return ParameterDeclaration(name: plan.syntax.name.value, type: type, label: plan.label ?? plan.syntax.name.value,
                                    timeline: periods, unit: plan.unit?.text, provenance: Provenance(plan.provenance), span: plan.syntax.name.span)
    }

    /// A value written in a declaration (default, range, parameter value), read as `type`.
    func literal(_ scalar: YAMLScalar, type: ValueType, what: LiteralPlace) -> Value? {
        let text = scalar.text
        func fail(_ expected: ExpectedLiteral) -> Value? {
            diagnostics.append(.error(.literalMismatch(what, expected: expected, found: text), at: scalar.span))
            return nil
        }
        switch type {
        case .bool:
            return text == "true" ? .bool(true) : (text == "false" ? .bool(false) : fail(.trueOrFalse))
        case .integer:
            return Int64(text).map(Value.integer) ?? fail(.wholeNumber)
        case .decimal:
            return ExactDecimal(text).map(Value.decimal) ?? fail(.decimalNumber)
        case .string:
            return .string(text)
        case .date:
            return CivilDate(text).map(Value.date) ?? fail(.date)
        case .enumeration(let enumType):
            if let index = enumType.index(of: text) { return .enumCase(index) }
            diagnostics.append(.error(.literalNotEnumValue(what, cases: enumType.cases, found: text), at: scalar.span,
                                      help: NameSuggestion.closest(to: text, in: enumType.cases).map { .suggestion(.didYouMean($0)) }))
            return nil
        case .list, .record:
            guard let written = try? ExpressionParser.parse(scalar) else { return fail(.list) }
            guard let (expression, _) = checkExpression(written.syntax, expected: type),
                  let value = constantValue(expression) else { return fail(.constantList) }
            return value
        }
    }

    func constantValue(_ expression: Expression) -> Value? {
        switch expression {
        case .constant(let value, _): return value
        case .toDecimal(let inner): return constantValue(inner).flatMap { $0.decimalValue.map(Value.decimal) }
        case .list(let items, _):
            var values: [Value] = []
            for item in items {
                guard let value = constantValue(item) else { return nil }
                values.append(value)
            }
            return .list(values)
        case .negate(let inner, _):
            switch constantValue(inner) {
            case .integer(let value)?: return value == .min ? nil : .integer(-value)
            case .decimal(let value)?: return (try? value.negated()).map(Value.decimal)
            default: return nil
            }
        default: return nil
        }
    }

    func definitionType(_ index: Int) -> ValueType? {
        switch definitionStates[index] {
        case .done: return definitionTypes[index]
        case .checking:
            let syntax = merged.definitions[index]
            diagnostics.append(.error(.definitionRefersToItself(syntax.name.value), at: syntax.name.span, help: .noSelfDependency))
            return nil
        case .unchecked: break
        }
        definitionStates[index] = .checking
        let outside = startHeight()
        defer { definitionHeights[index] = endHeight(outside) }
        let syntax = merged.definitions[index]
        let declared = syntax.type.flatMap { resolveType($0, name: syntax.name.value) }
        if let (expression, type) = checkExpression(syntax.expression.syntax, expected: declared) {
            if let declared, !PolicyChecker.fits(type, declared) {
                diagnostics.append(.error(.definitionTypeMismatch(syntax.name.value, declared: declared, actual: type), at: syntax.expression.syntax.span))
            } else {
                definitionExpressions[index] = PolicyChecker.widen(expression, from: type, to: declared ?? type)
                definitionTypes[index] = declared ?? type
            }
        }
        definitionStates[index] = .done
        return definitionTypes[index]
    }

    /// Whether a value of type `actual` can stand where `expected` is needed (integers widen to decimals).
    static func fits(_ actual: ValueType, _ expected: ValueType) -> Bool {
        if actual == expected { return true }
        if actual == .integer && expected == .decimal { return true }
        if case .list(let a) = actual, case .list(let b) = expected { return fits(a, b) }
        return false
    }

    static func widen(_ expression: Expression, from actual: ValueType, to expected: ValueType) -> Expression {
        if actual == .integer && expected == .decimal {
            if case .constant(.integer(let value), _) = expression { return .constant(.decimal(ExactDecimal(value)), .decimal) }
            return .toDecimal(expression)
        }
        return expression
    }
}
