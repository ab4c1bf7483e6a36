extension CLIMessage {
    public var zhCN: String {
        switch self {
        case .error(let message): return "错误：\(message.text(.zhCN))"
        case .noPolicyFiles(let paths): return "错误：在 \(paths.joined(separator: "、")) 中没有找到政策文件"
        case .policyOK(let file, let id, let version, let decisions): return "\(file)：通过（\(id) \(version)，\(decisions) 个决策）"
        case .checkSummary(let files, let ok, let failed, let warnings, let notes):
            let noteText = notes == 0 ? "" : "，\(notes) 条说明"
            return "检查了 \(files) 个政策：\(ok) 个通过，\(failed) 个有错误，\(warnings) 条警告\(noteText)"
        case .example(let date, let json): return "   = 例子（\(date)）：\(json)"
        }
    }
}
