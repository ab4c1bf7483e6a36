/// What the `carepolicy` command prints around the engine's own messages: summaries,
/// progress, refusals of its arguments. The texts are in `zh-CN/CLI+zhCN.swift` and
/// `en/CLI+en.swift`.
public enum CLIMessage: MessageCatalogue {
    /// `error: …` before a message on standard error.
    case error(Message)
    case noPolicyFiles([String])
    case policyOK(file: String, id: String, version: String, decisions: Int)
    case checkSummary(files: Int, ok: Int, failed: Int, warnings: Int, notes: Int)
    case example(date: String, json: String)
}
