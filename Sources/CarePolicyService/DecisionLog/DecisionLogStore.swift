import Foundation
import GRDB
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// The decision log database: SQLite in WAL mode under the data directory, written by
/// one writer in transactions of many rows, read by any number of readers (the
/// service's `/v1/decisions`, `carepolicy log query`, another process). A process
/// killed mid-write loses at most the transaction in flight, never half a row.
package final class DecisionLogStore: Sendable {
    package let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) `decisions.sqlite` in `directory`.
    package init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = (directory as NSString).appendingPathComponent("decisions.sqlite")
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // WAL with NORMAL: a committed transaction survives the process being killed.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    /// Opens an existing log for reading only; throws when there is none.
    package init(existingIn directory: String) throws {
        path = (directory as NSString).appendingPathComponent("decisions.sqlite")
        guard FileManager.default.fileExists(atPath: path) else {
            throw DecisionLogError.noLog(path)
        }
        var configuration = Configuration()
        configuration.readonly = true
        pool = try DatabasePool(path: path, configuration: configuration)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("decision log v1") { db in
            try db.create(table: "decision") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("recorded_at", .text).notNull()
                table.column("policy_id", .text).notNull()
                table.column("policy_version", .text).notNull()
                table.column("policy_hash", .text).notNull()
                table.column("as_of", .text).notNull()
                table.column("person", .text)
                table.column("facts", .text).notNull()
                table.column("decisions", .text).notNull()
                table.column("fired_rules", .text).notNull()
                table.column("trace", .text)
                table.column("endpoint", .text).notNull()
            }
            try db.create(index: "decision_by_person", on: "decision", columns: ["person", "id"])
        }
        return migrator
    }

    /// Writes the rows in one transaction. An empty call still waits for every write
    /// queued before it.
    func insert(_ rows: [StoredDecision]) async throws {
        try await pool.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO decision (recorded_at, policy_id, policy_version, policy_hash, as_of, person, facts, decisions, fired_rules, trace, endpoint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in rows {
                try statement.execute(arguments: [row.recordedAt, row.policyID, row.policyVersion, row.policyHash, row.asOf, row.person,
                                                  row.facts, row.decisions, row.firedRules, row.trace, row.endpoint])
            }
        }
    }

    /// The decisions for a person (already masked if ids are masked), newest first.
    package func decisions(person: String, policy: String? = nil, limit: Int = 100) throws -> [StoredDecision] {
        try pool.read { db in
            var request = StoredDecision.filter(Column("person") == person)
            if let policy { request = request.filter(Column("policy_id") == policy) }
            return try request.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }

    /// How many decisions the log holds.
    package func count() throws -> Int {
        try pool.read { db in try StoredDecision.fetchCount(db) }
    }
}

/// Why the decision log cannot be read.
package enum DecisionLogError: Error, CustomStringConvertible {
    case noLog(String)

    package var description: String {
        switch self {
        case .noLog(let path): return "no decision log at \(path); start `carepolicy serve --data DIR` first, or pass the --data it used"
        }
    }
}
