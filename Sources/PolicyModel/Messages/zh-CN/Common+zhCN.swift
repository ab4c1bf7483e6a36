extension CommonMessage {
    public var zhCN: String {
        switch self {
        case .renamingPaths(let message, let from, let to): return CommonMessage.rename(message.text(.zhCN), from: from, to: to)
        case .severity(.error): return "错误"
        case .severity(.warning): return "警告"
        case .severity(.note): return "说明"
        case .helpLabel: return "建议"
        case .suggestion(let suggestion): return suggestion.zhCN
        case .affectedFiles(let files): return "这个问题也影响引用或扩展这个文件的 \(files.count) 个文件：\(files.joined(separator: "、"))"
        }
    }
}

extension Suggestion {
    var zhCN: String {
        switch self {
        case .didYouMean(let name): return "您是不是要写 \(Written.code(name))？"
        case .candidates(let kind, let names): return "\(kind.zhCN)有：\(Written.codes(names, "、"))"
        }
    }
}

extension Suggestion.NameKind {
    var zhCN: String {
        switch self {
        case .fieldsHere: return "这里可以写的字段"
        case .fields: return "字段"
        case .textFields: return "文字字段"
        case .eventTypes: return "事件类型"
        case .accounts: return "账户"
        case .decisions: return "决策"
        case .payers: return "付费方"
        case .dateFacts: return "日期事实"
        case .recordKinds: return "记录种类"
        case .festivals: return "节日"
        case .parameters: return "参数"
        case .facts: return "事实"
        case .functions: return "函数"
        case .inputs: return "输入事实"
        case .ruleIDs: return "规则编号"
        }
    }
}
