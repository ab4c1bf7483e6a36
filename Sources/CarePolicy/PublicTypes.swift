import PolicyModel
import PolicyAnalysis
import PolicyRuntime

// The types the facade's API hands out, named here so that `import CarePolicy` is all a
// library user writes. They are defined in the inner modules, which stay out of sight.

/// A typed value: a decision's result or a fact (`.bool`, `.integer`, `.decimal`, `.date`, an enum case, a list, a record).
public typealias Value = PolicyModel.Value
/// An exact decimal number (money is never a binary float).
public typealias ExactDecimal = PolicyModel.ExactDecimal
/// A calendar date without a time zone.
public typealias CivilDate = PolicyModel.CivilDate
/// A located error, warning or note about a policy file.
public typealias Diagnostic = PolicyModel.Diagnostic
/// Diagnostics in file order.
public typealias DiagnosticList = PolicyModel.DiagnosticList
/// A place in a policy file: file, line and column.
public typealias SourceSpan = PolicyModel.SourceSpan
/// A policy's id, version, title, effective dates, sources and content hash.
public typealias PolicyMetadata = PolicyModel.PolicyMetadata
/// The type of a fact or decision.
public typealias ValueType = PolicyModel.ValueType
/// A fault met while evaluating (division by zero, no rule matched), with its location.
public typealias EvaluationFault = PolicyModel.EvaluationFault
/// Which evaluator runs a loaded policy.
public typealias EvaluationEngine = PolicyRuntime.EvaluationEngine
/// Every decision for one person on one date.
public typealias Evaluation = PolicyRuntime.Evaluation
/// One decision's value and the rules that fired.
public typealias DecisionResult = PolicyRuntime.DecisionResult
/// A person's facts, typed and checked against the policy's inputs.
public typealias Facts = PolicyRuntime.Facts
/// Why facts were refused: every field at fault.
public typealias FactsError = PolicyRuntime.FactsError
/// One field at fault and what it must be.
public typealias FactProblem = PolicyRuntime.FactProblem
/// Why an evaluation gave no decisions.
public typealias EvaluationError = PolicyRuntime.EvaluationError
/// Why a decision has its value: rules fired, reasons, citations, facts read.
public typealias DecisionTrace = PolicyRuntime.DecisionTrace
/// A ledger replayed: balances, refused events, checks.
public typealias LedgerReport = PolicyRuntime.LedgerReport
/// A ledger, approval or program request that cannot be made (no such ledger, program, …).
public typealias LedgerError = PolicyRuntime.LedgerError
/// An application followed along the approval path.
public typealias ApprovalReplay = PolicyRuntime.ApprovalReplay
/// A program's places allocated by its priority keys.
public typealias ProgramAllocation = PolicyRuntime.ProgramAllocation
/// A finding of the analysis: a rule that never fires, a gap, an overlap, an order that decides.
public typealias PolicyFinding = PolicyAnalysis.PolicyFinding
/// Why an analysis could not be made.
public typealias AnalysisError = PolicyAnalysis.AnalysisError
