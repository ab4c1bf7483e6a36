/// Linked parameters (`same_as:`): a parameter that takes every value of another, so
/// that one edit — in the file, in a variant or with `--set` — moves both.
///
/// ```swift
/// // voucher_settlement_rate_cny: {same_as: hourly_rate_cny}
/// let resolved = ParameterLinks.resolve(parameters)   // the voucher rate now has the hourly rate's timeline
/// ```
package enum ParameterLinks {
    /// The parameters with every linked one given the timeline of the parameter it names,
    /// through chains (`a` same as `b`, `b` same as `c`). A link to a name that is not a
    /// parameter, or a circle of links, keeps the timeline it has: the checker reports those.
    package static func resolve(_ parameters: [ParameterDeclaration]) -> [ParameterDeclaration] {
        let indexByName = Dictionary(parameters.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var resolved = parameters
        for index in parameters.indices {
            guard let root = root(of: index, in: parameters, indexByName: indexByName), root != index else { continue }
            resolved[index] = parameters[index].with(timeline: parameters[root].timeline, sameAs: parameters[index].sameAs)
        }
        return resolved
    }

    /// The parameter at the end of the chain of links from `index` (itself when it is not
    /// linked); nil for a chain that leaves the parameters or goes round in a circle.
    package static func root(of index: Int, in parameters: [ParameterDeclaration], indexByName: [String: Int]) -> Int? {
        var current = index
        var seen: Set<Int> = [index]
        while let target = parameters[current].sameAs {
            guard let next = indexByName[target], seen.insert(next).inserted else { return nil }
            current = next
        }
        return current
    }

    /// The parameters linked to `name`, directly or through others, in declaration order.
    package static func followers(of name: String, in parameters: [ParameterDeclaration]) -> [String] {
        let indexByName = Dictionary(parameters.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        guard let source = indexByName[name] else { return [] }
        return parameters.indices.filter { index in
            guard index != source else { return false }
            var current = index
            var seen: Set<Int> = [index]
            while let target = parameters[current].sameAs, let next = indexByName[target], seen.insert(next).inserted {
                if next == source { return true }
                current = next
            }
            return false
        }.map { parameters[$0].name }
    }
}
