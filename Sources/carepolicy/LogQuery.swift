import ArgumentParser
import CarePolicyService
import Foundation
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// `carepolicy log`: read the decision log the service writes.
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read the service's decision log.",
        subcommands: [Query.self])

    /// `carepolicy log query --person ID`: what was decided for a person, when, under which version.
    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a person's recorded decisions, newest first, one JSON object per line.")

        @OptionGroup var lang: LanguageOption

        @Option(help: "The person's id, as sent in the facts.")
        var person: String

        @Option(help: "Where the service keeps its data (its --data).")
        var data: String = "data"

        @Option(help: "Only decisions of this policy.")
        var policy: String?

        @Option(help: "At most this many decisions.")
        var limit: Int = 100

        @Flag(name: .customLong("hash-person-ids"), help: "The log stores hashed ids (the service ran with --hash-person-ids; key: CAREPOLICY_LOG_KEY).")
        var hashPersonIDs = false

        func run() throws {
            let masking = DecisionMasking(personKey: try LogKey.personKey(hashPersonIDs), droppedFields: [])
            let rows: [StoredDecision]
            do {
                let store = try DecisionLogStore(existingIn: data)
                rows = try store.decisions(person: masking.person(person), policy: policy, limit: max(1, limit))
            } catch let error as DecisionLogError {
                Output.err("error: \(error)")
                throw ExitCode(1)
            }
            if rows.isEmpty { Output.err("no decisions recorded for person `\(person)` in \(data)/decisions.sqlite") }
            for row in rows { Output.out(row.json) }
        }
    }
}
