import PolicyModel
import PolicySyntax

extension PolicyChecker {
    /// Types an expression. `expected` lets bare enum values (`dibao`) and quoted ones
    /// (`"dibao"`) resolve against the enum the context calls for.
    func checkExpression(_ syntax: ExpressionSyntax, expected: ValueType?) -> (Expression, ValueType)? {
        depth += 1
        defer { depth -= 1 }
        guard reach(depth, at: syntax.span) else { return nil }
        switch syntax.kind {
        case .name(let name):
            return checkName(name, span: syntax.span, expected: expected)
        case .integer(let text):
            guard let value = Int64(text) else {
                diagnostics.append(.error(.numberTooLarge(text), at: syntax.span))
                return nil
            }
            return (.constant(.integer(value), .integer), .integer)
        case .decimal(let text):
            guard let value = ExactDecimal(text) else {
                diagnostics.append(.error(.tooManyDigits(text), at: syntax.span, help: .atMost18Digits))
                return nil
            }
            return (.constant(.decimal(value), .decimal), .decimal)
        case .string(let text):
            if case .enumeration(let enumType)? = expected, let index = enumType.index(of: text) {
                return (.constant(.enumCase(index), .enumeration(enumType)), .enumeration(enumType))
            }
            return (.constant(.string(text), .string), .string)
        case .bool(let value):
            return (.constant(.bool(value), .bool), .bool)
        case .list(let items):
            var elementType: ValueType?
            if case .list(let element)? = expected { elementType = element }
            var checked: [(Expression, ValueType)] = []
            for item in items {
                guard let result = checkExpression(item, expected: elementType) else { return nil }
                checked.append(result)
                if elementType == nil { elementType = result.1 }
            }
            guard let element = elementType else {
                diagnostics.append(.error(.emptyListType, at: syntax.span, help: .useWhereListTypeIsKnown))
                return nil
            }
            let finalElement: ValueType = checked.contains { $0.1 == .decimal } && element == .integer ? .decimal : element
            var expressions: [Expression] = []
            for ((expression, type), item) in zip(checked, items) {
                guard PolicyChecker.fits(type, finalElement) else {
                    diagnostics.append(.error(.listMixes(finalElement, type), at: item.span))
                    return nil
                }
                expressions.append(PolicyChecker.widen(expression, from: type, to: finalElement))
            }
            return (.list(expressions, element: finalElement), .list(finalElement))
        case .negate(let operand):
            guard let (expression, type) = checkExpression(operand, expected: expected) else { return nil }
            guard type.isNumeric else {
                diagnostics.append(.error(.negateNeedsNumber(type), at: operand.span))
                return nil
            }
            return (.negate(expression, type == .integer ? .integer : .decimal), type)
        case .not(let operand):
            guard let expression = checkBool(operand, role: .keyword("not")) else { return nil }
            return (.not(expression), .bool)
        case .binary(let op, let lhs, let rhs):
            return checkBinary(op, lhs, rhs, span: syntax.span)
        case .membership(let element, let list, let negated):
            return checkMembership(element, list, negated: negated, span: syntax.span)
        case .call(let name, let arguments):
            return checkCall(name, arguments, span: syntax.span, expected: expected)
        case .conditional(let condition, let then, let otherwise):
            guard let conditionExpression = checkBool(condition, role: .keyword("if")) else { return nil }
            guard let (thenExpression, thenType) = checkExpression(then, expected: expected),
                  let (elseExpression, elseType) = checkExpression(otherwise, expected: expected ?? thenType) else { return nil }
            guard let type = PolicyChecker.unify(thenType, elseType) else {
                diagnostics.append(.error(.ifBranchesDiffer(thenType, elseType), at: syntax.span, help: .branchesSameKind))
                return nil
            }
            return (.conditional(conditionExpression, PolicyChecker.widen(thenExpression, from: thenType, to: type),
                                 PolicyChecker.widen(elseExpression, from: elseType, to: type)), type)
        case .field(let base, let field):
            guard let (expression, type) = checkExpression(base, expected: nil) else { return nil }
            guard case .record(let record) = type, let index = record.index(of: field) else {
                diagnostics.append(.error(.noField(type, field), at: syntax.span,
                                          help: { if case .record(let r) = type { return NameSuggestion.help(for: field, in: r.fields.map(\.name), kind: .fields)?.help } else { return nil } }()))
                return nil
            }
            return (.field(expression, index), record.fields[index].type)
        }
    }

    static func unify(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        if a.isNumeric && b.isNumeric { return .decimal }
        return nil
    }

    func checkBool(_ syntax: ExpressionSyntax, role: BoolRole) -> Expression? {
        guard let (expression, type) = checkExpression(syntax, expected: .bool) else { return nil }
        guard type == .bool else {
            diagnostics.append(.error(.needsTrueOrFalse(role, type), at: syntax.span, help: type.isNumeric ? .compareIt : nil))
            return nil
        }
        return expression
    }

    func checkName(_ name: String, span: SourceSpan, expected: ValueType?) -> (Expression, ValueType)? {
        if case .enumeration(let enumType)? = expected, let index = enumType.index(of: name) {
            return (.constant(.enumCase(index), .enumeration(enumType)), .enumeration(enumType))
        }
        if name == PolicyChecker.evaluationDateName { return (.evaluationDate, .date) }
        if let localScope {
            if let local = localScope[name] { return local }
            if let (kind, _) = symbols[name], kind != .parameter {
                let what: SymbolWhat = kind == .input ? .input : kind == .definition ? .definition : .decision
                diagnostics.append(.error(.notInScope(name, what, scope: localScopeName), at: span, help: .fieldsHereAre(localScope.keys.sorted())))
                return nil
            }
        }
        guard let (kind, index) = symbols[name] else {
            var candidates = Array(symbols.keys) + [PolicyChecker.evaluationDateName] + Array(localScope?.keys ?? [:].keys)
            if case .enumeration(let enumType)? = expected { candidates += enumType.cases }
            let help: CheckMessage
            if let match = NameSuggestion.closest(to: name, in: candidates) {
                help = .suggestion(.didYouMean(match))
            } else if case .enumeration(let enumType)? = expected {
                help = .valuesHereAre(enumType.cases)
            } else if let localScope {
                help = .fieldsOfScopeAre(localScopeName, localScope.keys.sorted())
            } else {
                help = .declareOrQuote(name)
            }
            diagnostics.append(.error(.unknownName(name), at: span, help: help))
            return nil
        }
        switch kind {
        case .input:
            guard let type = inputTypes[index] else { return nil }
            return (.input(index), type)
        case .parameter:
            guard let type = parameterTypes[index] else { return nil }
            return (.parameter(index), type)
        case .definition:
            guard let type = definitionType(index), reach(depth + definitionHeights[index], at: span, through: name) else { return nil }
            return (.definition(index), type)
        case .decision:
            guard let type = decisionType(index), reach(depth + decisionHeights[index], at: span, through: name) else { return nil }
            return (.decision(index), type)
        }
    }

    /// Whether an expression's meaning depends on the type around it (a bare enum value, quoted text, a list of them).
    func isContextual(_ syntax: ExpressionSyntax) -> Bool {
        switch syntax.kind {
        case .name(let name): return symbols[name] == nil && localScope?[name] == nil && name != PolicyChecker.evaluationDateName
        case .string: return true
        case .list(let items): return items.isEmpty || items.contains(where: isContextual)
        default: return false
        }
    }

    /// Checks two operands, the context-free one first so the other can resolve against its type.
    func checkPair(_ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax, expectedForRight: (ValueType) -> ValueType? = { $0 })
        -> ((Expression, ValueType), (Expression, ValueType))? {
        if isContextual(lhs) && !isContextual(rhs) {
            guard let right = checkExpression(rhs, expected: nil),
                  let left = checkExpression(lhs, expected: { if case .list(let e) = right.1 { return e } else { return right.1 } }()) else { return nil }
            return (left, right)
        }
        guard let left = checkExpression(lhs, expected: nil), let right = checkExpression(rhs, expected: expectedForRight(left.1)) else { return nil }
        return (left, right)
    }

    func checkBinary(_ op: BinaryOperator, _ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax, span: SourceSpan) -> (Expression, ValueType)? {
        switch op {
        case .and, .or:
            let left = checkBool(lhs, role: .keyword(op.rawValue))
            let right = checkBool(rhs, role: .keyword(op.rawValue))
            guard let left, let right else { return nil }
            return (op == .and ? .and(left, right) : .or(left, right), .bool)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let ((left, leftType), (right, rightType)) = checkPair(lhs, rhs) else { return nil }
            let comparison = ComparisonOperator(rawValue: op.rawValue) ?? .equal
            guard let type = PolicyChecker.unify(leftType, rightType) else {
                diagnostics.append(.error(.cannotCompare(leftType, rightType), at: span, help: comparisonHint(leftType, rightType)))
                return nil
            }
            let ordering = comparison != .equal && comparison != .notEqual
            if ordering && !type.isOrdered {
                diagnostics.append(.error(.orderingNeedsOrdered(op.rawValue, type), at: span, help: .useEqualityFor(type)))
                return nil
            }
            let kind: ComparisonKind
            switch type {
            case .bool: kind = .bool
            case .integer: kind = .integer
            case .decimal: kind = .decimal
            case .string: kind = .string
            case .date: kind = .date
            case .enumeration: kind = .enumeration
            case .list: kind = .list
            case .record: kind = .record
            }
            return (.compare(comparison, PolicyChecker.widen(left, from: leftType, to: type), PolicyChecker.widen(right, from: rightType, to: type), kind), .bool)
        case .add, .subtract, .multiply, .divide:
            guard let ((left, leftType), (right, rightType)) = checkPair(lhs, rhs) else { return nil }
            guard leftType.isNumeric, rightType.isNumeric else {
                let bad = leftType.isNumeric ? rhs : lhs
                diagnostics.append(.error(.arithmeticNeedsNumbers(op.rawValue, leftType.isNumeric ? rightType : leftType), at: bad.span,
                                          help: leftType == .date || rightType == .date ? .useDateFunctions : .arithmeticOnNumbers))
                return nil
            }
            let arithmetic = ArithmeticOperator(rawValue: op.rawValue) ?? .add
            let type: ValueType = (leftType == .integer && rightType == .integer && op != .divide) ? .integer : .decimal
            if op == .divide, case .constant(let value, _) = right, value.decimalValue == .zero {
                diagnostics.append(.error(.divisionByZero, at: rhs.span))
                return nil
            }
            return (.arithmetic(arithmetic, PolicyChecker.widen(left, from: leftType, to: type), PolicyChecker.widen(right, from: rightType, to: type),
                                type == .integer ? .integer : .decimal), type)
        }
    }

    func comparisonHint(_ a: ValueType, _ b: ValueType) -> CheckMessage? {
        if case .enumeration(let x) = a, case .enumeration(let y) = b {
            return .enumsDiffer(x.name, y.name)
        }
        if case .enumeration(let enumType) = a {
            return .compareWithValues(enumType.cases)
        }
        if case .enumeration(let enumType) = b {
            return .compareWithValues(enumType.cases)
        }
        return .sameTypeBothSides
    }

    func checkMembership(_ element: ExpressionSyntax, _ list: ExpressionSyntax, negated: Bool, span: SourceSpan) -> (Expression, ValueType)? {
        guard let ((item, itemType), (listExpression, listType)) = checkPair(element, list, expectedForRight: { .list($0) }) else { return nil }
        guard case .list(let elementType) = listType else {
            diagnostics.append(.error(.inNeedsList(listType), at: list.span, help: .writeInList))
            return nil
        }
        guard let common = PolicyChecker.unify(itemType, elementType) else {
            diagnostics.append(.error(.cannotLookFor(itemType, inListOf: elementType), at: span, help: comparisonHint(itemType, elementType)))
            return nil
        }
        var listValue = listExpression
        if common != elementType, case .list(let items, _) = listExpression {
            listValue = .list(items.map { PolicyChecker.widen($0, from: elementType, to: common) }, element: common)
        }
        let membership = Expression.member(PolicyChecker.widen(item, from: itemType, to: common), listValue)
        return (negated ? .not(membership) : membership, .bool)
    }

    func checkCall(_ name: String, _ arguments: [ExpressionSyntax], span: SourceSpan, expected: ValueType?) -> (Expression, ValueType)? {
        guard let function = BuiltinFunction(rawValue: name) else {
            diagnostics.append(.error(.unknownFunction(name), at: span,
                                      help: NameSuggestion.help(for: name, in: BuiltinFunction.allCases.map(\.rawValue), kind: .functions)?.help))
            return nil
        }
        func arity(_ count: Int) -> Bool {
            if arguments.count == count { return true }
            diagnostics.append(.error(.arity(name, expected: count, found: arguments.count), at: span))
            return false
        }
        switch function {
        case .date:
            guard arity(1) else { return nil }
            guard case .string(let text) = arguments[0].kind, let date = CivilDate(text) else {
                if case .string(let text) = arguments[0].kind, text.utf8.count == 10, text.split(separator: "-").count == 3 {
                    diagnostics.append(.error(.notCalendarDate(text), at: arguments[0].span, help: .writeRealDate))
                    return nil
                }
                diagnostics.append(.error(.dateNeedsQuotedDate, at: arguments[0].span))
                return nil
            }
            return (.constant(.date(date), .date), .date)
        case .min, .max:
            guard arguments.count >= 2 else {
                diagnostics.append(.error(.needsTwoNumbers(name), at: span))
                return nil
            }
            var checked: [(Expression, ValueType)] = []
            for argument in arguments {
                guard let result = checkExpression(argument, expected: nil) else { return nil }
                guard result.1.isNumeric else {
                    diagnostics.append(.error(.functionNeedsNumbers(name, result.1), at: argument.span))
                    return nil
                }
                checked.append(result)
            }
            let type: ValueType = checked.allSatisfy { $0.1 == .integer } ? .integer : .decimal
            return (.call(function, checked.map { PolicyChecker.widen($0.0, from: $0.1, to: type) }), type)
        case .floorTo:
            guard arity(2), let (value, valueType) = checkExpression(arguments[0], expected: nil),
                  let (unit, unitType) = checkExpression(arguments[1], expected: nil) else { return nil }
            guard valueType.isNumeric, unitType.isNumeric else {
                diagnostics.append(.error(.floorToNeedsNumbers, at: span))
                return nil
            }
            if let constant = constantValue(unit)?.decimalValue, constant <= .zero {
                diagnostics.append(.error(.floorToUnitPositive, at: arguments[1].span))
                return nil
            }
            return (.call(function, [PolicyChecker.widen(value, from: valueType, to: .decimal), PolicyChecker.widen(unit, from: unitType, to: .decimal)]), .decimal)
        case .yearsBetween, .daysBetween:
            guard arity(2), let (start, startType) = checkExpression(arguments[0], expected: nil),
                  let (end, endType) = checkExpression(arguments[1], expected: nil) else { return nil }
            guard startType == .date, endType == .date else {
                diagnostics.append(.error(.needsTwoDates(name), at: span, help: .dateFunctionExample(name)))
                return nil
            }
            return (.call(function, [start, end]), .integer)
        case .sum, .count:
            guard arity(1), let (list, listType) = checkExpression(arguments[0], expected: nil) else { return nil }
            guard case .list(let element) = listType else {
                diagnostics.append(.error(.needsList(name, listType), at: arguments[0].span))
                return nil
            }
            if function == .count { return (.call(function, [list]), .integer) }
            guard element.isNumeric else {
                diagnostics.append(.error(.sumNeedsNumbers(element), at: arguments[0].span))
                return nil
            }
            return (.call(function, [list]), element)
        }
    }
}
