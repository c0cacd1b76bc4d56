import Foundation

/// Small SVG charts for the reports: vertical bars (grouped or stacked) and lines, with
/// labels and a legend, as standalone `<svg>` markup with no script and no external
/// reference.
///
/// Values are `Double` **for geometry only** (pixel coordinates); every number a person
/// reads is passed in as text already formatted exactly (amounts via `Money`), so a chart
/// never rounds an amount.
package enum SVGChart {
    /// One series of values, drawn in one colour.
    package struct Series: Sendable {
        /// The legend text.
        package var name: String
        /// A CSS colour, e.g. `#2f7ed8`.
        package var color: String
        /// One value per category (geometry only).
        package var values: [Double]
        /// The exact text of each value, shown on hover (`<title>`) and, for single-series
        /// bars, above the bar.
        package var labels: [String]

        /// Creates a series; `labels` defaults to nothing shown.
        package init(name: String, color: String, values: [Double], labels: [String] = []) {
            self.name = name
            self.color = color
            self.values = values
            self.labels = labels
        }
    }

    /// The palette used for series in order.
    package static let palette = [
        "#2f7ed8", "#e4572e", "#29a35a", "#f3a712", "#7b4fc9", "#17becf", "#8c564b", "#d62780",
    ]

    /// Bars per category, side by side (`stacked == false`) or stacked (only non-negative
    /// values stack; negative values are drawn below the axis from zero).
    ///
    /// - Parameters:
    ///   - title: Read by screen readers (`<title>`).
    ///   - categories: The x-axis labels.
    ///   - series: The values; each series has one value per category.
    ///   - stacked: Stack the series instead of grouping them.
    ///   - totals: Text above each category (e.g. the exact total), optional.
    package static func bars(
        title: String, categories: [String], series: [Series], stacked: Bool = false,
        totals: [String] = [], width: Double = 720, height: Double = 260
    ) -> String {
        let left = 16.0
        let right = 16.0
        let top = 28.0
        let bottom = 54.0 + legendHeight(series)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        var maxValue = 0.0
        var minValue = 0.0
        for index in categories.indices {
            if stacked {
                let up = series.reduce(0.0) { $0 + max(0, value($1, index)) }
                let down = series.reduce(0.0) { $0 + min(0, value($1, index)) }
                maxValue = max(maxValue, up)
                minValue = min(minValue, down)
            } else {
                for item in series {
                    maxValue = max(maxValue, value(item, index))
                    minValue = min(minValue, value(item, index))
                }
            }
        }
        if maxValue == minValue { maxValue = minValue + 1 }
        let scale = plotHeight / (maxValue - minValue)
        let zeroY = top + maxValue * scale
        let slot = plotWidth / Double(max(categories.count, 1))
        let barsPerSlot = stacked ? 1 : max(series.count, 1)
        let barWidth = min(48, slot * 0.7 / Double(barsPerSlot))
        var svg = open(title: title, width: width, height: height)
        svg += line(x1: left, y1: zeroY, x2: width - right, y2: zeroY, color: "#8a94a6")
        for (index, category) in categories.enumerated() {
            let center = left + slot * (Double(index) + 0.5)
            var upper = 0.0
            var lower = 0.0
            let groupStart = center - barWidth * Double(barsPerSlot) / 2
            for (position, item) in series.enumerated() {
                let amount = value(item, index)
                let x = stacked ? center - barWidth / 2 : groupStart + barWidth * Double(position)
                let y0: Double
                let y1: Double
                if stacked {
                    if amount >= 0 {
                        y1 = upper
                        upper += amount
                        y0 = upper
                    } else {
                        y0 = lower
                        lower += amount
                        y1 = lower
                    }
                } else {
                    (y0, y1) = amount >= 0 ? (amount, 0) : (0, amount)
                }
                let yTop = top + (maxValue - y0) * scale
                let barHeight = max((y0 - y1) * scale, amount == 0 ? 0 : 0.5)
                let tip = label(item, index).map { "\(item.name) \(category): \($0)" }
                svg += rect(
                    x: x, y: yTop, width: barWidth, height: barHeight, color: item.color, tip: tip)
                if !stacked, series.count == 1, let text = label(item, index) {
                    svg += self.text(
                        text, x: x + barWidth / 2, y: yTop - 4, anchor: "middle")
                }
            }
            if index < totals.count {
                let yTop = top + (maxValue - upper) * scale
                svg += text(totals[index], x: center, y: yTop - 4, anchor: "middle", bold: true)
            }
            svg += text(category, x: center, y: top + plotHeight + 16, anchor: "middle")
        }
        svg += legend(series, y: height - legendHeight(series) - 4, x: left)
        return svg + "</svg>"
    }

    /// Lines over days (or any ordered x), one per series, on a y range from `lowest` to
    /// `highest` (values outside are clamped to the plot).
    ///
    /// - Parameters:
    ///   - xLabels: One label per point; every `labelEvery`-th is drawn.
    ///   - lowest: The value at the bottom edge, with its text.
    ///   - highest: The value at the top edge, with its text.
    package static func lines(
        title: String, xLabels: [String], series: [Series], lowest: (Double, String),
        highest: (Double, String), labelEvery: Int = 5, width: Double = 720,
        height: Double = 260
    ) -> String {
        let left = 56.0
        let right = 16.0
        let top = 16.0
        let bottom = 40.0 + legendHeight(series)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let span = highest.0 - lowest.0 == 0 ? 1 : highest.0 - lowest.0
        let count = max(xLabels.count, 1)
        let step = count > 1 ? plotWidth / Double(count - 1) : 0
        func y(_ value: Double) -> Double {
            let clamped = min(max(value, lowest.0), highest.0)
            return top + (highest.0 - clamped) / span * plotHeight
        }
        var svg = open(title: title, width: width, height: height)
        for (value, text) in [highest, lowest] {
            svg += line(x1: left, y1: y(value), x2: width - right, y2: y(value), color: "#d8dde6")
            svg += self.text(text, x: left - 6, y: y(value) + 4, anchor: "end")
        }
        for (index, label) in xLabels.enumerated() where index % max(labelEvery, 1) == 0 {
            svg += text(
                label, x: left + step * Double(index), y: top + plotHeight + 16, anchor: "middle")
        }
        for item in series {
            let points = item.values.enumerated().map { index, value in
                "\(format(left + step * Double(index))),\(format(y(value)))"
            }
            svg += "<polyline fill=\"none\" stroke=\"\(HTMLPage.escape(item.color))\" "
            svg += "stroke-width=\"2\" points=\"\(points.joined(separator: " "))\" />\n"
            for (index, value) in item.values.enumerated() {
                guard let text = label(item, index) else { continue }
                let x = left + step * Double(index)
                svg += "<circle cx=\"\(format(x))\" cy=\"\(format(y(value)))\" r=\"2.5\" "
                svg += "fill=\"\(HTMLPage.escape(item.color))\">"
                let day = index < xLabels.count ? xLabels[index] : ""
                svg +=
                    "<title>\(HTMLPage.escape("\(item.name) \(day): \(text)"))</title></circle>\n"
            }
        }
        svg += legend(series, y: height - legendHeight(series) - 4, x: left)
        return svg + "</svg>"
    }

    // MARK: - Pieces

    private static func value(_ series: Series, _ index: Int) -> Double {
        guard index < series.values.count, series.values[index].isFinite else { return 0 }
        return series.values[index]
    }

    private static func label(_ series: Series, _ index: Int) -> String? {
        index < series.labels.count ? series.labels[index] : nil
    }

    private static func legendHeight(_ series: [Series]) -> Double {
        series.count > 1 ? 18 * Double((series.count + 3) / 4) : 0
    }

    private static func open(title: String, width: Double, height: Double) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(format(width))" \
        height="\(format(height))" viewBox="0 0 \(format(width)) \(format(height))" \
        role="img"><title>\(HTMLPage.escape(title))</title>

        """
    }

    private static func legend(_ series: [Series], y: Double, x: Double) -> String {
        guard series.count > 1 else { return "" }
        var svg = ""
        for (index, item) in series.enumerated() {
            let column = Double(index % 4)
            let row = Double(index / 4)
            let itemX = x + column * 170
            let itemY = y - legendHeight(series) + 18 + row * 18
            svg += rect(x: itemX, y: itemY, width: 10, height: 10, color: item.color, tip: nil)
            svg += text(item.name, x: itemX + 14, y: itemY + 9, anchor: "start")
        }
        return svg
    }

    private static func rect(
        x: Double, y: Double, width: Double, height: Double, color: String, tip: String?
    ) -> String {
        let attributes =
            "x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(width))\" "
            + "height=\"\(format(height))\" fill=\"\(HTMLPage.escape(color))\""
        guard let tip else { return "<rect \(attributes) />\n" }
        return "<rect \(attributes)><title>\(HTMLPage.escape(tip))</title></rect>\n"
    }

    private static func line(x1: Double, y1: Double, x2: Double, y2: Double, color: String)
        -> String
    {
        "<line x1=\"\(format(x1))\" y1=\"\(format(y1))\" x2=\"\(format(x2))\" "
            + "y2=\"\(format(y2))\" stroke=\"\(color)\" stroke-width=\"1\" />\n"
    }

    private static func text(
        _ text: String, x: Double, y: Double, anchor: String, bold: Bool = false
    ) -> String {
        let weight = bold ? " font-weight=\"600\"" : ""
        return "<text x=\"\(format(x))\" y=\"\(format(y))\" text-anchor=\"\(anchor)\"\(weight)>"
            + "\(HTMLPage.escape(text))</text>\n"
    }

    /// A coordinate with at most one decimal, e.g. `12.5`, `40`.
    package static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        let whole = Int(tenths / 10)
        let fraction = Int(abs(tenths.truncatingRemainder(dividingBy: 10)))
        if fraction == 0 { return tenths < 0 && whole == 0 ? "0" : String(whole) }
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return "\(sign)\(whole).\(fraction)"
    }
}
