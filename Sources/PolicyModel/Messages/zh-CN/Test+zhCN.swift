extension TestMessage {
    public var zhCN: String {
        let code = Written.code
        switch self {
        case .suggestion(let suggestion): return suggestion.zhCN
        case .cannotReadTestFile(let path): return "无法读取测试文件 \(code(path))"
        case .testFileShape: return "测试文件必须是含有 `policy` 和 `cases` 的映射"
        case .unknownFileField(let key): return "测试文件中没有字段 \(code(key))"
        case .testFileNeedsPolicy: return "测试文件必须写出它的 `policy:`（相对于测试文件的路径）"
        case .notADate(let text): return "\(code(text)) 不是日期"
        case .writeDate: return "写成 YYYY-MM-DD"
        case .baseShape: return "`base` 必须是由事实组成的映射"
        case .testFileNeedsCases: return "测试文件需要 `cases:`，即测试用例的列表"
        case .caseShape: return "每个用例都必须是含有 `name`、`facts` 和 `expect` 的映射"
        case .unknownCaseField(let key): return "用例中没有字段 \(code(key))"
        case .caseWithoutName: return "有一个用例没有 `name`"
        case .caseWithoutDate(let name): return "用例 \(code(name)) 没有 `as_of` 日期（文件也没有给出）"
        case .caseExpectsNothing(let name): return "用例 \(code(name)) 没有写出任何预期"
        case .giveExpectOrError: return "写出 `expect:` 中的决策结果，或在 `expect_error:` 中写出字段名"
        }
    }
}
