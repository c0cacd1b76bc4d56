import Foundation
import MSPCloseSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct RenderingTests {
    @Test func tableAlignsColumns() {
        var table = TextTable([.init("Line"), .init("Amount", .right)])
        table.append(["Workstations", "1890.00"])
        table.append(["Servers", "750.00"])
        table.footer = [["Total", "2640.00"]]
        let expected = """
            Line           Amount
            ────────────  ───────
            Workstations  1890.00
            Servers        750.00
            ────────────  ───────
            Total         2640.00

            """
        #expect(table.render() == expected)
    }

    @Test(arguments: [
        ("Tom & Jerry <b>", "Tom &amp; Jerry &lt;b&gt;"),
        ("say \"hi\" it's", "say &quot;hi&quot; it&#39;s"),
        ("plain", "plain"),
        ("Café <Ünïcode> 日本 & 😀'", "Café &lt;Ünïcode&gt; 日本 &amp; 😀&#39;"),
        ("", ""),
    ])
    func escaping(text: String, expected: String) {
        #expect(HTMLPage.escape(text) == expected)
    }

    /// Parses markup as XML (what `.ci/check-html.py` does), returning the parser's error.
    private func xmlError(_ markup: String) -> String? {
        final class Delegate: NSObject, XMLParserDelegate {
            var failure: String?
            func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
                failure = failure ?? "\(parseError)"
            }
        }
        let parser = XMLParser(data: Data(markup.utf8))
        let delegate = Delegate()
        parser.delegate = delegate
        return parser.parse() ? nil : (delegate.failure ?? "parse failed")
    }

    @Test func barChartIsWellFormedAndEscaped() {
        let svg = SVGChart.bars(
            title: "Invoice <breakdown> & more", categories: ["P1", "P2 & P3"],
            series: [
                .init(name: "met", color: "#29a35a", values: [3, 0], labels: ["3", "0"]),
                .init(name: "breached", color: "#e4572e", values: [1, 2], labels: ["1", "2"]),
            ], stacked: true, totals: ["4", "2"])
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("P2 &amp; P3"))
        #expect(!svg.contains("<breakdown>"))
        #expect(xmlError(svg) == nil)
    }

    @Test func lineChartIsWellFormed() {
        let svg = SVGChart.lines(
            title: "Daily availability", xLabels: (1...30).map { "10-\($0)" },
            series: [
                .init(
                    name: "web", color: "#2f7ed8", values: (1...30).map { $0 == 3 ? 0.98 : 1 },
                    labels: (1...30).map { $0 == 3 ? "98.00%" : "100.00%" })
            ], lowest: (0.95, "95%"), highest: (1, "100%"))
        #expect(svg.contains("<polyline"))
        #expect(xmlError(svg) == nil)
    }

    @Test func pageIsWellFormedWithItsCharts() {
        var page = HTMLPage(title: "Acme <October>")
        page.heading("Acme & Co", level: 1)
        page.paragraph("It's \"fine\"", className: "meta")
        page.table(
            header: ["Line", "Amount"], rows: [["A < B", "1.00"]], footer: [["Total", "1.00"]],
            numeric: [1])
        page.figure(
            SVGChart.bars(
                title: "x", categories: ["a"],
                series: [.init(name: "s", color: "#000", values: [1], labels: ["1.00"])]),
            caption: "one & only")
        let html = page.render()
        #expect(xmlError(html) == nil)
        #expect(html.components(separatedBy: "<svg").count - 1 == 1)
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=") && !html.contains("href="))
    }

    @Test(arguments: [(12.5, "12.5"), (40, "40"), (-0.04, "0"), (-3.25, "-3.3"), (0.06, "0.1")])
    func coordinates(value: Double, expected: String) {
        #expect(SVGChart.format(value) == expected)
    }
}
