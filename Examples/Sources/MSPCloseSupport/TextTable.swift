import Foundation

/// A plain-text table for the terminal: a header, a rule, the rows, and optional footer rows
/// under a second rule; each column left- or right-aligned (amounts right).
///
/// ```
/// Line                    Qty     Amount
/// ──────────────────────  ───  ─────────
/// Workstations             42    1890.00
/// ──────────────────────  ───  ─────────
/// Total                          1890.00
/// ```
package struct TextTable: Sendable {
    /// How a column's cells line up.
    package enum Alignment: Sendable {
        /// Text starts at the left edge.
        case left
        /// Text ends at the right edge (numbers and amounts).
        case right
    }

    /// One column.
    package struct Column: Sendable {
        /// The header.
        package var title: String
        /// The alignment of the header and cells.
        package var alignment: Alignment

        /// Creates a column.
        package init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns.
    package var columns: [Column]
    /// The body rows; a row shorter than ``columns`` is padded with empty cells.
    package var rows: [[String]] = []
    /// Rows under a rule after the body (totals).
    package var footer: [[String]] = []

    /// Creates an empty table.
    package init(_ columns: [Column]) {
        self.columns = columns
    }

    /// Appends a body row.
    package mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines joined by `\n`, with a final newline.
    package func render() -> String {
        var widths = columns.map { $0.title.count }
        for row in rows + footer {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        var lines = [line(columns.map(\.title), widths: widths), rule]
        lines += rows.map { line($0, widths: widths) }
        if !footer.isEmpty {
            lines.append(rule)
            lines += footer.map { line($0, widths: widths) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, column) in columns.enumerated() {
            let cell = index < cells.count ? cells[index] : ""
            let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
            parts.append(column.alignment == .left ? cell + padding : padding + cell)
        }
        var text = parts.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text
    }
}
