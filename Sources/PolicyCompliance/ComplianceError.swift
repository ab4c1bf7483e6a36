/// Why a compliance run cannot be made at all: the policy has no `compliance:` section,
/// the period is backwards, an elder is listed twice, a parameter has no value in force.
/// A bad record is not this: it is refused, with its line and reason, and the run goes on.
package struct ComplianceError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, so that a service can answer with the right status.
    package enum Kind: Sendable {
        /// The policy has no `compliance:` section.
        case noCompliance
        /// A spot check was asked of a policy without `spot_check:`.
        case noSpotCheck
        /// The request itself: the period, an elder without an id or given twice.
        case invalidInput
        /// The policy cannot judge: a parameter not in force, a condition that faults.
        case evaluation
    }

    package let kind: Kind
    package let message: String
    /// The input at fault, when one is (`to` for a period too long), for a service's error.
    package let field: String?

    package init(_ message: String, kind: Kind = .evaluation, field: String? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
    }

    package var description: String { message }
}
