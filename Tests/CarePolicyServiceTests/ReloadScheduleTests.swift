import CarePolicyService
import Testing

/// When a changed file is read: never while a writer holds it open, after it has
/// settled, and after the maximum wait however often it changes.
@Suite("Reload schedule")
struct ReloadScheduleTests {
    static let start = ContinuousClock.now
    static func at(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }
    static let file = "policies/anqing.yaml"

    static func fingerprint(_ hash: String?) -> DirectoryFingerprint {
        DirectoryFingerprint(hashes: hash.map { [file: $0] } ?? [:])
    }

    static func schedule() -> ReloadSchedule {
        ReloadSchedule(timing: .init(settle: .milliseconds(1000), maxWait: .milliseconds(5000)), taken: fingerprint("v1"))
    }

    @Test func anUnchangedDirectoryPlansNothing() {
        var schedule = Self.schedule()
        schedule.observe(Self.fingerprint("v1"), at: Self.at(0))
        #expect(schedule.plan(writing: [], at: Self.at(10_000)) == nil)
        #expect(schedule.changes.isEmpty)
    }

    @Test func aChangeIsReadOnceItHasSettled() {
        var schedule = Self.schedule()
        schedule.observe(Self.fingerprint("v2"), at: Self.at(0))
        #expect(schedule.plan(writing: [], at: Self.at(999)) == nil)
        #expect(schedule.wait(Self.file, writing: [], at: Self.at(999)) == .settling)
        #expect(schedule.nextReady(writing: []) == Self.at(1000))
        #expect(schedule.plan(writing: [], at: Self.at(1000)) == .init(ready: [Self.file], held: []))
        schedule.took(Self.file, hash: "v2")
        #expect(schedule.changes.isEmpty)
        #expect(schedule.taken == [Self.file: "v2"])
    }

    @Test func aNewTextStartsTheSettlePeriodAgain() {
        var schedule = Self.schedule()
        schedule.observe(Self.fingerprint("v2"), at: Self.at(0))
        schedule.observe(Self.fingerprint("v3"), at: Self.at(800))
        #expect(schedule.plan(writing: [], at: Self.at(1500)) == nil)
        #expect(schedule.plan(writing: [], at: Self.at(1800))?.ready == [Self.file])
        #expect(schedule.changes[Self.file]?.pendingSince == Self.at(0))
    }

    @Test func aFileHeldOpenByItsWriterWaitsHoweverLongItIsStill() {
        var schedule = Self.schedule()
        schedule.observe(Self.fingerprint("half"), at: Self.at(0))
        #expect(schedule.plan(writing: [Self.file], at: Self.at(60_000)) == nil)
        #expect(schedule.wait(Self.file, writing: [Self.file], at: Self.at(60_000)) == .writing)
        #expect(schedule.nextReady(writing: [Self.file]) == nil)
        // Closed after the settle period: read at once.
        #expect(schedule.plan(writing: [], at: Self.at(60_001))?.ready == [Self.file])
    }

    @Test func aFileThatNeverSettlesIsReadAfterTheMaximumWait() {
        var schedule = Self.schedule()
        var now = 0
        var version = 1
        var plan: ReloadSchedule.Plan?
        while plan == nil && now < 20_000 {
            version += 1
            schedule.observe(Self.fingerprint("v\(version)"), at: Self.at(now))
            plan = schedule.plan(writing: [], at: Self.at(now))
            now += 200
        }
        #expect(plan?.ready == [Self.file])
        #expect(now - 200 == 5000)
    }

    @Test func aPendingFileIsHeldWhileAnotherIsRead() {
        var schedule = ReloadSchedule(timing: .init(settle: .milliseconds(1000), maxWait: .milliseconds(5000)),
                                      taken: DirectoryFingerprint(hashes: ["a.yaml": "a1", "b.yaml": "b1"]))
        schedule.observe(DirectoryFingerprint(hashes: ["a.yaml": "a2", "b.yaml": "b2"]), at: Self.at(0))
        let plan = schedule.plan(writing: ["b.yaml"], at: Self.at(1000))
        #expect(plan == .init(ready: ["a.yaml"], held: ["b.yaml"]))
        #expect(schedule.writingNow(["b.yaml", "c.yaml"]) == ["b.yaml"])
    }

    @Test func aDeletionSettlesToo() {
        var schedule = Self.schedule()
        schedule.observe(Self.fingerprint(nil), at: Self.at(0))
        #expect(schedule.changes[Self.file]?.hash == nil)
        #expect(schedule.plan(writing: [], at: Self.at(500)) == nil)
        #expect(schedule.plan(writing: [], at: Self.at(1000))?.ready == [Self.file])
        schedule.took(Self.file, hash: nil)
        #expect(schedule.taken.isEmpty)
        #expect(schedule.changes.isEmpty)
    }

    @Test func aChangeUndoneBeforeItIsReadIsForgotten() {
        var schedule = Self.schedule()
        schedule.observe(Self.fingerprint("v2"), at: Self.at(0))
        schedule.observe(Self.fingerprint("v1"), at: Self.at(300))
        #expect(schedule.changes.isEmpty)
    }
}
