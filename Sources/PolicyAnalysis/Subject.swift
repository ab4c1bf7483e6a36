import PolicyModel
import PolicyCompiler

/// What one constraint of a region is about: a fact (by name, so two versions of a
/// policy share their subjects), the full years from a date fact to the evaluation date,
/// the evaluation date itself, or a test the analysis cannot split into fact constraints.
package enum Subject: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// An input fact, by name.
    case fact(String)
    /// `years_between(fact, evaluation_date)`: an age, by the name of the date fact.
    case age(String)
    /// The date the policy is evaluated for.
    case evaluationDate
    /// A bool test between several facts or with arithmetic (`income > expenses`), by its
    /// text: the analysis treats it as an independent yes/no and is not exact about it.
    case test(String)

    package var description: String {
        switch self {
        case .fact(let name): return name
        case .age(let name): return "years_between(\(name), evaluation_date)"
        case .evaluationDate: return "evaluation_date"
        case .test(let text): return text
        }
    }

    package var order: (Int, String) {
        switch self {
        case .age(let name): return (0, name)
        case .fact(let name): return (1, name)
        case .evaluationDate: return (2, "")
        case .test(let text): return (3, text)
        }
    }

    package static func < (lhs: Subject, rhs: Subject) -> Bool { lhs.order < rhs.order }

    /// Whether constraints on this subject are exact (an opaque test is not).
    package var isExact: Bool {
        if case .test = self { return false }
        return true
    }
}
