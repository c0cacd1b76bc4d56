import Foundation

/// A self-contained HTML page (inline CSS, inline SVG, no scripts, no network) written as
/// well-formed XHTML-style markup: every element closed, every text escaped, so that both a
/// browser and an XML parser read it.
package struct HTMLPage: Sendable {
    /// The page title.
    package var title: String
    private var body: [String] = []

    /// Creates an empty page.
    package init(title: String) {
        self.title = title
    }

    /// Escapes text for element content and attribute values: `&`, `<`, `>`, `"`, `'`.
    package static func escape(_ text: String) -> String {
        // The five characters are ASCII, and UTF-8 never uses ASCII bytes inside a
        // multi-byte character, so the text is escaped byte by byte.
        let special: (UInt8) -> Bool = {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
        }
        guard text.utf8.contains(where: special) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Appends a heading (`level` 1...3).
    package mutating func heading(_ text: String, level: Int = 2) {
        let level = min(max(level, 1), 3)
        body.append("<h\(level)>\(HTMLPage.escape(text))</h\(level)>")
    }

    /// Appends a paragraph of text.
    package mutating func paragraph(_ text: String, className: String? = nil) {
        let attribute = className.map { " class=\"\(HTMLPage.escape($0))\"" } ?? ""
        body.append("<p\(attribute)>\(HTMLPage.escape(text))</p>")
    }

    /// Appends a table; cells of the columns in `numeric` are right-aligned.
    package mutating func table(
        header: [String], rows: [[String]], footer: [[String]] = [], numeric: Set<Int> = []
    ) {
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { index, cell in
                let attribute = numeric.contains(index) ? " class=\"num\"" : ""
                return "<\(tag)\(attribute)>\(HTMLPage.escape(cell))</\(tag)>"
            }.joined()
        }
        var html = "<table>\n<thead><tr>\(cells(header, tag: "th"))</tr></thead>\n<tbody>\n"
        for row in rows { html += "<tr>\(cells(row, tag: "td"))</tr>\n" }
        html += "</tbody>\n"
        if !footer.isEmpty {
            html += "<tfoot>\n"
            for row in footer { html += "<tr>\(cells(row, tag: "td"))</tr>\n" }
            html += "</tfoot>\n"
        }
        body.append(html + "</table>")
    }

    /// Appends a figure holding an SVG chart with a caption.
    package mutating func figure(_ svg: String, caption: String) {
        body.append(
            "<figure>\n\(svg)\n<figcaption>\(HTMLPage.escape(caption))</figcaption>\n</figure>")
    }

    /// Appends markup the caller has built and escaped itself.
    package mutating func raw(_ markup: String) { body.append(markup) }

    /// Opens a `<section>`; close it with ``endSection()``.
    package mutating func beginSection() { body.append("<section>") }

    /// Closes the section opened by ``beginSection()``.
    package mutating func endSection() { body.append("</section>") }

    /// The complete document.
    package func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>\(HTMLPage.escape(title))</title>
        <style>
        \(HTMLPage.css)
        </style>
        </head>
        <body>
        <main>
        \(body.joined(separator: "\n"))
        </main>
        </body>
        </html>

        """
    }

    /// The page's inline style sheet.
    static let css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
          color: #1d2430; background: #fff; margin: 0; }
        main { max-width: 960px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #d8dde6;
          padding-bottom: 4px; }
        p.meta { color: #5a6474; margin-top: 0; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 0.92em; }
        th, td { padding: 4px 8px; border-bottom: 1px solid #e6e9ef; text-align: left;
          vertical-align: top; }
        th { background: #f3f5f8; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums;
          white-space: nowrap; }
        tfoot td { font-weight: 600; border-top: 2px solid #b8c0cc; }
        figure { margin: 12px 0; }
        figcaption { color: #5a6474; font-size: 0.85em; }
        svg { max-width: 100%; height: auto; }
        svg text { font-family: inherit; font-size: 11px; fill: #1d2430; }
        @media print { main { padding: 0; } }
        """
}
