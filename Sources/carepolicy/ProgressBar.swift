import CarePolicy
import Foundation
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// A one-line progress bar on standard error (rows/s and time left), drawn only when
/// standard error is a terminal, at most five times a second.
final class ProgressBar {
    let label: String
    let enabled: Bool
    var lastDrawn = 0.0
    var drawn = false

    init(label: String, enabled: Bool = isatty(2) != 0) {
        self.label = label
        self.enabled = enabled
    }

    func update(_ progress: BatchProgress) {
        guard enabled, progress.seconds - lastDrawn >= 0.2 else { return }
        lastDrawn = progress.seconds
        let rate = progress.seconds > 0 ? Double(progress.records) / progress.seconds : 0
        var line = "\(label) \(ProgressBar.count(progress.records)) records, \(ProgressBar.count(Int(rate)))/s"
        if let total = progress.totalBytes, total > 0 {
            let fraction = min(1, Double(progress.bytesRead) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            let left = fraction > 0 ? progress.seconds * (1 - fraction) / fraction : 0
            line = "\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
                + String(format: "%3.0f%% ", fraction * 100) + "\(ProgressBar.count(progress.records)) records, \(ProgressBar.count(Int(rate)))/s, ETA "
                + ProgressBar.duration(left)
        }
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        drawn = true
    }

    /// Clears the bar before the summary is printed.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func count(_ value: Int) -> String {
        let text = String(value)
        var result = ""
        for (position, character) in text.reversed().enumerated() {
            if position > 0 && position % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        return total >= 60 ? "\(total / 60)m\(String(format: "%02d", total % 60))s" : "\(total)s"
    }
}
