import CarePolicy
import Foundation
import Testing

/// Every Swift example of `docs/library.md`, compiled here with `import CarePolicy` alone
/// (the front door is enough) and run with its printed results checked. The last test
/// checks that each example in the guide appears here word for word, so the guide and
/// this file cannot drift apart.
@Suite("docs/library.md")
struct LibraryGuideTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    init() {
        // The guide's paths are relative to the package root.
        FileManager.default.changeCurrentDirectoryPath(Self.root)
    }

    @Test func loadingAPolicy() throws {
        // guide: loading
        let policy = try LoadedPolicy.load(path: "policies/anqing.yaml")
        print(policy.metadata.id, policy.metadata.version, policy.engine)
        // anqing 2026.1 flat
        // guide: end
        #expect(policy.metadata.id == "anqing" && policy.metadata.version == "2026.1" && policy.engine == .flat)
    }

    @Test func aPolicyWithErrorsIsRefusedWithLocatedDiagnostics() throws {
        // guide: load-error
        do {
            _ = try LoadedPolicy.load(path: "Tests/Fixtures/errors_unknown_fact/policy.yaml")
        } catch {
            print(error.diagnostics.all.first!.description)
            // Tests/Fixtures/errors_unknown_fact/policy.yaml:7:15: error: unknown name `abilty_level`
            print(error.rendered)   // each diagnostic with its source line, a caret and a help line
        }
        // guide: end
        #expect(throws: PolicyLoadError.self) { try LoadedPolicy.load(path: "Tests/Fixtures/errors_unknown_fact/policy.yaml") }
    }

    @Test func evaluatingOnePerson() throws {
        let policy = try LoadedPolicy.load(path: "policies/anqing.yaml")
        // guide: evaluate
        let facts = try String(contentsOfFile: "docs/examples/person.json", encoding: .utf8)
        let evaluation = try policy.evaluate(json: facts, on: CivilDate("2026-06-01")!)
        print(policy.decisionNames)
        // ["service_tier", "volunteer_priority", "gov_purchase_eligible", "monthly_hours", "monthly_subsidy_cny", "required_documents"]
        print(policy.json(of: "service_tier", in: evaluation)!, policy.json(of: "monthly_subsidy_cny", in: evaluation)!)
        // "free" "160.00"
        print(policy.firedRuleIDs(of: "service_tier", in: evaluation))
        // ["free_dibao_cannot_self_care"]
        print(policy.json(evaluation))
        // {"id":"AQ-2026-0001","policy":{"id":"anqing","version":"2026.1","hash":"…"},"as_of":"2026-06-01","decisions":{"service_tier":"free",…}}
        // guide: end
        #expect(policy.decisionNames == ["service_tier", "volunteer_priority", "gov_purchase_eligible", "monthly_hours", "monthly_subsidy_cny", "required_documents"])
        #expect(policy.json(of: "service_tier", in: evaluation) == #""free""#)
        #expect(policy.json(of: "monthly_subsidy_cny", in: evaluation) == #""160.00""#)
        #expect(policy.json(of: "no_such_decision", in: evaluation) == nil)
        #expect(policy.json(evaluation).hasPrefix(#"{"id":"AQ-2026-0001","policy":{"id":"anqing","version":"2026.1","hash":""#))
        #expect(policy.json(evaluation).hasSuffix(#""as_of":"2026-06-01","decisions":{"service_tier":"free","volunteer_priority":true,"gov_purchase_eligible":true,"monthly_hours":20,"monthly_subsidy_cny":"160.00","required_documents":["application_form_x3","photo_2inch_x3","hukou_book","id_card","dibao_certificate"]}}"#))
    }

    @Test func theTraceAndTheExplanation() throws {
        let policy = try LoadedPolicy.load(path: "policies/anqing.yaml")
        let json = try String(contentsOfFile: "docs/examples/person.json", encoding: .utf8)
        // guide: trace
        let facts = try policy.decodeFacts(json: json)
        let evaluation = try policy.evaluate(facts, on: CivilDate("2026-06-01")!)
        let trace = policy.trace(evaluation, facts: facts)
        print(trace[0].decision, trace[0].rules.map(\.id), trace[0].rules[0].source ?? "")
        // service_tier ["free_dibao_cannot_self_care"] 000 服务对象 1 / 002 服务原则 1："生活不能自理且身边无子女照顾的低保老人"
        print(policy.json(evaluation, trace: trace, pretty: true))   // the answer with "trace": […]
        print(policy.explanation(evaluation, trace: trace))           // 服务对象类别：无偿服务 …
        // guide: end
        #expect(trace.map(\.decision) == ["service_tier", "volunteer_priority", "gov_purchase_eligible", "monthly_hours", "monthly_subsidy_cny", "required_documents"])
        #expect(trace[0].rules.map(\.id) == ["free_dibao_cannot_self_care"])
        #expect(policy.json(evaluation, trace: trace).contains(#""trace":[{"decision":"service_tier","#))
        #expect(!policy.explanation(evaluation, trace: trace).isEmpty)
    }

    @Test func badFactsAreNamedByFieldOrPosition() throws {
        let policy = try LoadedPolicy.load(path: "policies/anqing.yaml")
        // guide: errors
        do {
            _ = try policy.evaluate(json: #"{"birth_date": "1946-03-01", "ability_level": 7}"#, on: CivilDate("2026-06-01")!)
        } catch .invalidFacts(let error) {
            print(error.problems.map(\.field))   // every field at fault: ["id", "hukou_local", …, "tekun_dispersed"]
        } catch {
            print(error)                         // .fault (with the rule's location) or .notInForce
        }
        do {
            _ = try policy.evaluate(json: "{\"birth_date\": \"1946-03-01\",\n \"ability_level\": 2,,}", on: CivilDate("2026-06-01")!)
        } catch {
            print(error)
            // invalid facts: `(facts)`: not valid JSON at line 2, column 21: expected a key in double quotes
        }
        // guide: end
        #expect(throws: EvaluationError.self) { try policy.evaluate(json: "{\"birth_date\": \"1946-03-01\",\n \"ability_level\": 2,,}", on: CivilDate("2026-06-01")!) }
        do {
            _ = try policy.evaluate(json: "{\"birth_date\": \"1946-03-01\",\n \"ability_level\": 2,,}", on: CivilDate("2026-06-01")!)
        } catch {
            #expect(error.description == "invalid facts: `(facts)`: not valid JSON at line 2, column 21: expected a key in double quotes")
        }
        do {
            _ = try policy.evaluate(json: #"{"birth_date": "1946-03-01", "ability_level": 7}"#, on: CivilDate("2026-06-01")!)
        } catch .invalidFacts(let error) {
            #expect(error.problems.count == 20 && error.problems.first?.field == "id" && error.problems.contains { $0.field == "ability_level" })
        } catch {
            Issue.record("expected invalid facts, got \(error)")
        }
    }

    @Test func manyPersonsThroughOneSession() throws {
        let policy = try LoadedPolicy.load(path: "policies/anqing.yaml")
        // guide: session
        let session = policy.session()          // one per thread; reuses its working memory
        var tiers: [String: Int] = [:]
        for line in try String(contentsOfFile: "docs/examples/persons.jsonl", encoding: .utf8).split(separator: "\n") {
            let evaluation = try session.evaluate(try policy.decodeFacts(json: String(line)), on: CivilDate("2026-06-01")!)
            tiers[policy.json(of: "service_tier", in: evaluation)!, default: 0] += 1
        }
        print(tiers)
        // guide: end
        #expect(tiers.values.reduce(0, +) == 3)
    }

    @Test func theEngineIsChosenWhenLoading() throws {
        // guide: engine
        let trees = try LoadedPolicy.load(path: "policies/anqing.yaml", engine: .tree)
        let reference = try LoadedPolicy.load(path: "policies/anqing.yaml", engine: .reference)
        let facts = try String(contentsOfFile: "docs/examples/person.json", encoding: .utf8)
        let date = CivilDate("2026-06-01")!
        print(try trees.evaluate(json: facts, on: date).results == reference.evaluate(json: facts, on: date).results)
        // true
        // guide: end
        #expect(try trees.evaluate(json: facts, on: date).results == reference.evaluate(json: facts, on: date).results)
    }

    @Test func policyTestFiles() throws {
        // guide: tests
        let file = try PolicyTestFile.load(path: "policies/tests/anqing.yaml")
        let report = PolicyTestRunner.run(file, policy: try LoadedPolicy.load(path: file.policyPath))
        print(report.passed, report.failures.count, report.uncovered)
        // guide: end
        #expect(report.failures.isEmpty && report.uncovered.isEmpty && report.passed == file.cases.count)
    }

    @Test func ledgersApprovalAndPrograms() throws {
        let anqing = try LoadedPolicy.load(path: "policies/anqing.yaml")
        let rural = try LoadedPolicy.load(path: "policies/rural-pilot.yaml")
        // guide: ledgers
        let events = try String(contentsOfFile: "docs/examples/ledgers/anqing-vouchers.jsonl", encoding: .utf8)
        let ledger = try anqing.replayLedger(events: events)
        print(ledger.balances(of: "voucher_hours"), ledger.refused.map(\.reason))
        let history = try String(contentsOfFile: "docs/examples/ledgers/approval-in-progress.jsonl", encoding: .utf8)
        let application = try anqing.followApproval(history: history)
        print(application.history.last!.step, application.rejected)
        // community_reviewed false
        let population = try String(contentsOfFile: "docs/examples/ledgers/rural-population.jsonl", encoding: .utf8)
        let places = try rural.allocate(program: "smart_bracelet", population: population, places: 2, on: CivilDate("2026-06-01")!)
        print(places.allocated.map(\.id))
        // guide: end
        #expect(!ledger.balances(of: "voucher_hours").isEmpty)
        #expect(application.history.last?.step == "community_reviewed" && !application.rejected)
        #expect(places.allocated.count == 2)
    }

    @Test func analysis() throws {
        // guide: analysis
        let policy = try LoadedPolicy.load(path: "policies/anqing.yaml")
        for finding in policy.findings() { print(finding.diagnostic.description) }   // rules that never fire, gaps, overlaps, order
        let variant = try LoadedPolicy.load(path: "policies/variants/anqing-hourly-rate-10.yaml")
        let comparison = try PolicyComparison(old: policy, new: variant)
        print(comparison.status, comparison.text)   // which persons an edit changes, with an example person each
        // guide: end
        #expect(comparison.status == .different)
        #expect(comparison.text.contains("monthly_subsidy_cny"))
    }

    /// Each ```swift block of docs/library.md (other than a package manifest) stands in this
    /// file between `// guide: NAME` and `// guide: end`, line for line (indentation aside).
    @Test func everyExampleOfTheGuideIsCompiledHere() throws {
        let guide = try String(contentsOfFile: Self.root + "/docs/library.md", encoding: .utf8)
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let examples = Self.blocks(in: guide, opening: "```swift", closing: "```").filter { !$0.first!.hasPrefix("// swift-tools-version") }
        let compiled = Self.blocks(in: source, opening: "// guide: ", closing: "// guide: end", skippingOpening: true)
        #expect(examples.count >= 9)
        for example in examples {
            #expect(compiled.contains(example), "not compiled by LibraryGuideTests: \(example.joined(separator: "\n"))")
        }
    }

    static func blocks(in text: String, opening: String, closing: String, skippingOpening: Bool = false) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if current != nil, line == closing {
                blocks.append(current!)
                current = nil
            } else if current == nil, line.hasPrefix(opening), line != closing {
                current = []
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }
}
