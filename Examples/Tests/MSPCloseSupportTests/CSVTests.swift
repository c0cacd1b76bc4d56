import MSPCloseSupport
import Testing

@Suite struct CSVTests {
    // RFC 4180 §2: fields with commas, quotes or line breaks are enclosed in double quotes,
    // and a double quote inside is escaped by doubling it. Plain fields stay bare.
    @Test(arguments: [
        ("1890.00", "1890.00"),
        ("Acme, Inc.", "\"Acme, Inc.\""),
        ("12\" rack", "\"12\"\" rack\""),
        ("two\nlines", "\"two\nlines\""),
        ("crlf\r\nline", "\"crlf\r\nline\""),
        (" padded", "\" padded\""),
        ("", ""),
        ("\"", "\"\"\"\""),
        ("Café, 日本", "\"Café, 日本\""),
        ("trailing ", "\"trailing \""),
        ("é", "é"),
    ])
    func quoting(text: String, expected: String) {
        #expect(CSV.field(text) == expected)
    }

    @Test func recordsEndWithCRLF() {
        let text = CSV.document(header: ["a", "b"], rows: [["1", "x,y"], ["2", ""]])
        #expect(text == "a,b\r\n1,\"x,y\"\r\n2,\r\n")
    }
}
