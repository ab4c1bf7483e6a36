import Foundation

/// The files of `carepolicy compliance --report DIR`: `report.html` and `missed.csv`.
package enum ComplianceReportFiles {
    package static func write(_ report: ComplianceReport, to directory: String) throws(ComplianceError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try ComplianceHTML.render(report).write(toFile: directory + "/report.html", atomically: true, encoding: .utf8)
            try MissedWindowsCSV.render(report).write(toFile: directory + "/missed.csv", atomically: true, encoding: .utf8)
        } catch {
            throw ComplianceError("cannot write the report into `\(directory)`: \(error.localizedDescription)")
        }
    }
}
