/// What reading and running a policy test file (`policies/tests/*.yaml`) can say. The
/// texts are in `zh-CN/Test+zhCN.swift` and `en/Test+en.swift`.
public enum TestMessage: MessageCatalogue {
    case suggestion(Suggestion)
    case cannotReadTestFile(String)
    case testFileShape
    case unknownFileField(String)
    case testFileNeedsPolicy
    case notADate(String)
    case writeDate
    case baseShape
    case testFileNeedsCases
    case caseShape
    case unknownCaseField(String)
    case caseWithoutName
    case caseWithoutDate(String)
    case caseExpectsNothing(String)
    case giveExpectOrError
}
