import PolicyModel

extension PolicyDiff {
    /// Something a diff says about what it compared, apart from the differences.
    package enum Remark: Sendable, Equatable {
        /// A decision only one policy has (`old`: the old one).
        case decisionOnlyIn(String, old: Bool)
        /// Only one policy is in force before `date` (`old`: the old one); those dates are not compared.
        case onlyOneBefore(CivilDate, old: Bool)
        /// Only one policy is in force after `date`; those dates are not compared.
        case onlyOneAfter(CivilDate)
        /// The policies are not both in force on the date asked for.
        case notBothInForce(on: CivilDate)
        /// No date has both in force.
        case neverTogether

        /// The remark for a policy officer.
        package var text: String {
            switch self {
            case .decisionOnlyIn(let name, let old): return "决定 \(name) 只在\(old ? "原" : "新")政策中"
            case .onlyOneBefore(let date, let old): return "\(date) 之前只有\(old ? "原" : "新")政策生效，这些日期未作比较"
            case .onlyOneAfter(let date): return "\(date) 之后只有一项政策生效，这些日期未作比较"
            case .notBothInForce(let date): return "两项政策在 \(date) 并非都生效"
            case .neverTogether: return "两项政策从未同时生效"
            }
        }

        /// The remark in English.
        package var english: String {
            switch self {
            case .decisionOnlyIn(let name, let old): return "decision `\(name)` is only in the \(old ? "old" : "new") policy"
            case .onlyOneBefore(let date, let old): return "only the \(old ? "old" : "new") policy is in force before \(date); those dates are not compared"
            case .onlyOneAfter(let date): return "only one policy is in force after \(date); those dates are not compared"
            case .notBothInForce(let date): return "the policies are not both in force on \(date)"
            case .neverTogether: return "the policies are never in force together"
            }
        }
    }
}
