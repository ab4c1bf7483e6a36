import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicyModel
import PolicyAnalysis

/// The ledger, the approval steps and the programs compared between two versions: a
/// unit, an expiry, a refusal rule, an actor, a number of places.
@Suite struct DeclarationDiffTests {
    @Test func ledgerAndApprovalChangesAreShown() throws {
        let (base, edited, _) = try PolicyDiffEditTests.edited([
            // The settlement rate is linked to the hourly rate (`same_as`), so a change of
            // it shows with the rate step (PolicyDiffEditTests.aRateStepIsTwoRegions).
            ("      unit: 0.25\n      expires: end_of_year\n", "      unit: 0.5\n"),
            ("        - when: hours <= 0\n          reason: 使用的服务券时数必须大于零", "        - when: hours < 0.5\n          reason: 使用的服务券时数不得少于半小时"),
            ("      actor: 街道\n", "      actor: 街道民政科\n"),
        ])
        let comparison = try PolicyComparison(old: base, new: edited)
        // No decision reads the settlement rate: without the ledger, the diff would be empty.
        #expect(comparison.findings.joined().isEmpty)
        #expect(comparison.status == .different)
        #expect(comparison.text == """
        账本：
          账户 voucher_hours 的单位：0.25 → 0.5
          账户 voucher_hours 的有效期：end_of_year → none
          事件 spend 的拒绝规则 1：hours <= 0（使用的服务券时数必须大于零） → hours < 0.5（使用的服务券时数不得少于半小时）
        审批流程：
          审批步骤 street_reviewed 的办理人：街道 → 街道民政科
        """)
        #expect(comparison.text(english: true).hasPrefix("ledger:\n  unit of account voucher_hours: 0.25 → 0.5\n"))
    }

    @Test func aProgramsPlacesAreShown() throws {
        let folder = try PolicyFolder(copying: ["rural-pilot.yaml"])
        let path = folder.policies + "/rural-pilot.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let places = try #require(text.range(of: #"places: \d+"#, options: .regularExpression))
        let before = String(text[places].dropFirst("places: ".count))
        let copy = try folder.write(folder.root + "/saved/rural-pilot.yaml", text.replacingCharacters(in: places, with: "places: 99"))
        let comparison = try PolicyComparison(old: try LoadedPolicy.load(path: path), new: try LoadedPolicy.load(comparing: copy, with: path))
        let changes = comparison.report.changes.filter { $0.section == .programs }
        #expect(changes.count == 1)
        #expect(changes.first?.before == before && changes.first?.after == "99")
        #expect(changes.first?.what.hasSuffix("的名额") == true)
    }

    @Test func noChangesBetweenAPolicyAndItself() throws {
        let anqing = try LoadedPolicy.load(path: FixturePaths.packageRoot + "/policies/anqing.yaml")
        #expect(DeclarationDiff.compare(anqing.checked, anqing.checked, periods: [(CivilDate("2019-01-01")!, nil)]).isEmpty)
    }
}
