import Foundation
import MSPCloseSupport
import MSPKit
import Testing

/// Sebastiano Vigna's SplitMix64: a seeded generator, so every run checks the same cases.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Any JSON value, decoded through the `Decoder` protocol only, to compare decoders.
private indirect enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer() {
            if container.decodeNil() {
                self = .null
                return
            }
            if let value = try? container.decode(Bool.self) {
                self = .bool(value)
                return
            }
            if let value = try? container.decode(Int64.self) {
                self = .integer(value)
                return
            }
            if let value = try? container.decode(Double.self) {
                self = .double(value)
                return
            }
            if let value = try? container.decode(String.self) {
                self = .string(value)
                return
            }
        }
        if var container = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !container.isAtEnd { elements.append(try container.decode(JSONValue.self)) }
            self = .array(elements)
            return
        }
        let container = try decoder.container(keyedBy: AnyKey.self)
        var members: [String: JSONValue] = [:]
        for key in container.allKeys {
            members[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        self = .object(members)
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .object(let members):
            var container = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in members {
                try container.encode(value, forKey: AnyKey(stringValue: key))
            }
        }
    }

    /// The compact JSON the encoder must write: keys sorted by UTF-8 bytes, only `"`, `\`
    /// and control characters escaped.
    var canonical: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .double(let value): return "\(value)"
        case .string(let value): return Self.canonicalString(value)
        case .array(let elements):
            return "[" + elements.map(\.canonical).joined(separator: ",") + "]"
        case .object(let members):
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return "{"
                + sorted.map { Self.canonicalString($0.key) + ":" + $0.value.canonical }
                .joined(separator: ",") + "}"
        }
    }

    static func canonicalString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{8}": result += "\\b"
            case "\u{C}": result += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// JSON text for the value, with the escapes and white space `random` picks.
    func text(_ random: inout SplitMix64) -> String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .double(let value): return "\(value)"
        case .string(let value): return Self.quoted(value, &random)
        case .array(let elements):
            let space = random.next() % 3 == 0 ? " \n\t" : ""
            return "[" + space + elements.map { $0.text(&random) }.joined(separator: "," + space)
                + space + "]"
        case .object(let members):
            let space = random.next() % 3 == 0 ? "\r\n " : ""
            let parts = members.sorted { $0.key < $1.key }.map {
                Self.quoted($0.key, &random) + space + ":" + $0.value.text(&random)
            }
            return "{" + space + parts.joined(separator: ",") + "}"
        }
    }

    /// `text` in quotes, each character escaped or not at random (controls always).
    static func quoted(_ text: String, _ random: inout SplitMix64) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            let mustEscape = scalar.value < 0x20 || scalar == "\"" || scalar == "\\"
            if mustEscape || random.next() % 5 == 0 {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += random.next() % 2 == 0 ? "\\\\" : "\\u005C"
                case "\n": result += "\\n"
                case "/": result += "\\/"
                default:
                    for unit in String(scalar).utf16 {
                        let hex = String(unit, radix: 16, uppercase: random.next() % 2 == 0)
                        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    }
                }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func random(_ random: inout SplitMix64, depth: Int = 0) -> JSONValue {
        let pick = random.next() % (depth > 3 ? 5 : 7)
        switch pick {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2:
            let edges: [Int64] = [0, -1, .max, .min, 1_790_828_280_000]
            return .integer(
                random.next() % 4 == 0
                    ? edges[Int(random.next() % 5)] : Int64(bitPattern: random.next()) >> 20)
        case 3:
            let value = Double(Int64(bitPattern: random.next()) >> 11) / 1024 * 1e-3
            return .double(value.rounded() == value ? value + 0.5 : value)
        case 4: return .string(randomString(&random))
        case 5:
            return .array(
                (0..<Int(random.next() % 5)).map { _ in Self.random(&random, depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int(random.next() % 5) {
                members[randomString(&random)] = Self.random(&random, depth: depth + 1)
            }
            return .object(members)
        }
    }

    static func randomString(_ random: inout SplitMix64) -> String {
        let pieces = ["a", "Z", "9", " ", "\"", "\\", "/", "\n", "\u{1}", "é", "日本", "😀", "\u{7F}"]
        return (0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % 13)] }.joined()
    }
}

@Suite struct DocumentDecoderTests {
    /// Foundation's decoder with the dates the data folder uses, to compare against.
    private static func foundation() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = DocumentLoader.parseISO8601(text) { return date }
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected ISO 8601 date, found \"\(text)\""))
        }
        return decoder
    }

    private static func accepts(_ text: String) -> (ours: Bool, foundation: Bool) {
        let data = Data(text.utf8)
        let ours = (try? DocumentDecoder().decode(JSONValue.self, from: data)) != nil
        let theirs = (try? foundation().decode(JSONValue.self, from: data)) != nil
        return (ours, theirs)
    }

    @Test(arguments: [
        "{}", "[]", " \n\t\r[1, 2 ,3]\n", "0", "-0", "-0.0e+0", "1E5", "0.5", "\"\"", "true",
        "null", #"{"a":{"b":[{"c":null}]}}"#, #""\u00e9\ud83d\ude00\/\b\f\n\r\t\\\"""#,
        #"{"a":1,"a":2}"#, "\"é日本\"", "[-9223372036854775808]", "123456789012345678901234",
    ])
    func acceptsWhatRFC8259Allows(_ text: String) {
        let result = Self.accepts(text)
        #expect(result.ours)
        #expect(result.foundation)
    }

    @Test(arguments: [
        "", " ", "[01]", "-", "1.", ".5", "1e", "+1", "[1 2]",
        #"{"a" 1}"#, "{a:1}", "'a'", "\"abc", "\"a\u{1}b\"", #""\x""#, #""\u12G4""#,
        #""\ud800""#, #""\udc00x""#, #""\ud800\u0041""#, "tru", "nul", "[1]]", "{} {}",
        "NaN", "Infinity", "[", "{\"a\":",
    ])
    func rejectsWhatRFC8259Forbids(_ text: String) {
        let result = Self.accepts(text)
        #expect(!result.ours)
        #expect(!result.foundation)
    }

    /// Foundation's decoder tolerates trailing commas; they are not JSON, and the data
    /// folder's documents are rejected with them. A leading byte order mark is accepted by
    /// both (RFC 8259 §8.1).
    @Test func stricterThanFoundationOnTrailingCommasOnly() {
        #expect(Self.accepts("[1,]") == (ours: false, foundation: true))
        #expect(Self.accepts(#"{"a":1,}"#) == (ours: false, foundation: true))
        #expect(Self.accepts("\u{FEFF}{}") == (ours: true, foundation: true))
        #expect(Self.accepts("\u{FEFF}\u{FEFF}{}") == (ours: false, foundation: false))
    }

    @Test func rejectsInvalidUTF8AndTooDeepNesting() throws {
        let invalid = Data([0x22, 0x61, 0xC3, 0x28, 0x22])  // "a\xC3(" — a broken sequence
        #expect(throws: DecodingError.self) {
            try DocumentDecoder().decode(String.self, from: invalid)
        }
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) {
            try DocumentDecoder().decode(JSONValue.self, from: Data(deepest.utf8))
        }
        let tooDeep = "[" + deepest + "]"
        #expect(throws: DecodingError.self) {
            try DocumentDecoder().decode(JSONValue.self, from: Data(tooDeep.utf8))
        }
    }

    /// A syntax error names what is wrong and where: line 2, column 10 is the `}` after the
    /// trailing comma.
    @Test func syntaxErrorsSayWhereAndWhy() throws {
        let text = "{\"a\": 1,\n  \"b\": 2,}"
        let error = #expect(throws: DocumentError.self) {
            try DocumentLoader.decode(JSONValue.self, from: Data(text.utf8), file: "x.json")
        }
        #expect(error?.jsonPath == "$")
        #expect(
            error?.reason
                == "The given data was not valid JSON (expected a key in quotes at line 2, column 10)"
        )
    }

    /// What may follow a member or an element: a comma or the container's own closer.
    @Test(arguments: [
        ("{\"a\": 1 2}", "expected \",\" or \"}\" in an object at line 1, column 9"),
        ("{\"a\": 1]", "expected \",\" or \"}\" in an object at line 1, column 8"),
        ("[1 2]", "expected \",\" or \"]\" in an array at line 1, column 4"),
        ("[1}", "expected \",\" or \"]\" in an array at line 1, column 3"),
        ("[1, 2", "unexpected end of the document at line 1, column 6"),
        ("{\"a\": 1", "unexpected end of the document at line 1, column 8"),
    ])
    func separatorErrorsNameTheirContainer(_ text: String, _ reason: String) throws {
        let error = #expect(throws: DocumentError.self) {
            try DocumentLoader.decode(JSONValue.self, from: Data(text.utf8), file: "x.json")
        }
        #expect(error?.reason == "The given data was not valid JSON (\(reason))")
    }

    @Test func numbersDecodeExactlyOrNotAtAll() throws {
        let decoder = DocumentDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
            try decoder.decode(type, from: Data(text.utf8))
        }
        #expect(try decode(Int64.self, "9223372036854775807") == .max)
        #expect(try decode(Int64.self, "-9223372036854775808") == .min)
        #expect(try decode(UInt64.self, "18446744073709551615") == .max)
        #expect(try decode(UInt8.self, "-0") == 0)
        #expect(try decode(Double.self, "1e-3") == 0.001)
        #expect(try decode(Double.self, "5") == 5)
        for (type, text) in [
            (Int64.self as any Decodable.Type, "9223372036854775808"), (Int64.self, "1.0"),
            (Int64.self, "1e2"), (UInt64.self, "-1"), (Int8.self, "128"), (Double.self, "1e999"),
        ] {
            let error = #expect(throws: DecodingError.self) {
                _ = try decoder.decode(type, from: Data(text.utf8))
            }
            guard case .dataCorrupted(let context) = error else {
                Issue.record("\(text) as \(type): \(String(describing: error))")
                continue
            }
            #expect(context.debugDescription == "Number \(text) is not representable in Swift.")
        }
    }

    /// Random documents (10,000, seeded) decode to the value they were written from, and to
    /// what Foundation's decoder reads, whatever the escapes and white space.
    @Test func randomDocumentsDecodeLikeFoundation() throws {
        var random = SplitMix64(seed: 0x15_0D0C)
        for index in 0..<10_000 {
            let value = JSONValue.random(&random)
            let text = value.text(&random)
            let data = Data(text.utf8)
            let ours = try DocumentDecoder().decode(JSONValue.self, from: data)
            let theirs = try Self.foundation().decode(JSONValue.self, from: data)
            #expect(ours == value, "case \(index): \(text)")
            #expect(ours == theirs, "case \(index): \(text)")
            if ours != value || ours != theirs { return }
        }
    }

    struct Event: Decodable {
        var at: Date
        var priority: Int64?
        var tags: [String]
    }
    struct Ticket: Decodable {
        var id: String
        var events: [Event]
    }
    struct Document: Decodable {
        var tickets: [Ticket]
        var owner: String?
    }

    /// Every kind of decoding error is described exactly as Foundation's decoder's error is:
    /// same JSON path, same reason.
    @Test(arguments: [
        #"{"tickets": [{"id": "T1", "events": [{"at": "yesterday", "tags": []}]}]}"#,
        #"{"tickets": [{"id": "T1", "events": [{"tags": []}]}]}"#,
        #"{"tickets": [{"id": "T1", "events": [{"at": 5, "tags": []}]}]}"#,
        #"{"tickets": [{"id": 7, "events": []}]}"#,
        #"{"tickets": [{"id": null, "events": []}]}"#,
        #"{"tickets": [{"id": "T1", "events": {}}]}"#,
        #"{"tickets": [{"id": "T1", "events": [[]]}]}"#,
        #"{"tickets": [{"id": "T1", "events": [{"at": "2026-10-01T09:00:00Z", "tags": [1]}]}]}"#,
        #"{"tickets": [{"id": "T1", "events": [{"at": "2026-10-01T09:00:00Z", "tags": [], "priority": "P1"}]}]}"#,
        #"{"tickets": [{"id": "T1", "events": [{"at": "2026-10-01T09:00:00Z", "tags": [null]}]}]}"#,
        #"{"tickets": null}"#, #"{"tickets": [], "owner": 3}"#, "[]", "null",
        #"{"tickets": [{"id": "a", "events": []}, {"id": "b", "events": [{"at": "2026-10-01T09:00:00Z", "tags": ["x", false]}]}]}"#,
    ])
    func errorsAreDescribedAsFoundationsAre(_ text: String) throws {
        let data = Data(text.utf8)
        let ours = #expect(throws: DocumentError.self) {
            try DocumentLoader.decode(Document.self, from: data, file: "f.json")
        }
        var theirs: DocumentError?
        do {
            _ = try Self.foundation().decode(Document.self, from: data)
        } catch {
            theirs = DocumentError(file: "f.json", decoding: error)
        }
        #expect(ours != nil)
        #expect(ours == theirs)
    }

    /// The bundled sample decodes to exactly what Foundation's decoder reads.
    @Test func bundledDataDecodesAsWithFoundation() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data")
        let loader = DocumentLoader(root: folder)
        let files = loader.jsonFiles(in: "customers")
        #expect(files.count >= 6)
        for file in files {
            let data = try Data(contentsOf: loader.url(file))
            let ours = try DocumentDecoder().decode(CustomerDocument.self, from: data)
            let theirs = try Self.foundation().decode(CustomerDocument.self, from: data)
            #expect(ours == theirs, "\(file)")
        }
        let provider = try Data(contentsOf: loader.url("provider.json"))
        let ours = try DocumentDecoder().decode(ProviderDocument.self, from: provider)
        let theirs = try Self.foundation().decode(ProviderDocument.self, from: provider)
        let encoder = DocumentLoader.encoder(pretty: false)
        #expect(try encoder.encode(ours) == encoder.encode(theirs))
    }

    // MARK: Encoder

    /// Random values (10,000, seeded) encode to exactly the canonical text (keys sorted by
    /// UTF-8 bytes), which Foundation's decoder reads back as the same value; the pretty
    /// form is the same value too.
    @Test func randomValuesEncodeCanonically() throws {
        var random = SplitMix64(seed: 0xE4C0DE)
        for index in 0..<10_000 {
            let value = JSONValue.random(&random)
            let compact = try DocumentEncoder(pretty: false).encode(value)
            let text = String(decoding: compact, as: UTF8.self)
            #expect(text == value.canonical, "case \(index)")
            #expect(try Self.foundation().decode(JSONValue.self, from: compact) == value)
            let pretty = try DocumentEncoder(pretty: true).encode(value)
            #expect(try DocumentDecoder().decode(JSONValue.self, from: pretty) == value)
            if text != value.canonical { return }
        }
    }

    struct Pair: Encodable {
        enum CodingKeys: String, CodingKey { case b, a, when }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("first", forKey: .b)
            try container.encode(1, forKey: .a)
            try container.encode("second", forKey: .b)
            try container.encode(Date(timeIntervalSince1970: 1_790_828_280.25), forKey: .when)
        }
    }

    /// Worked example: keys sorted (a, b, when), the second `b` wins, the date is ISO 8601
    /// with its milliseconds; pretty output indents by two spaces with `" : "`.
    @Test func sortsKeysKeepsTheLastDuplicateAndWritesDates() throws {
        let compact = try DocumentEncoder(pretty: false).encode(Pair())
        #expect(
            String(decoding: compact, as: UTF8.self)
                == #"{"a":1,"b":"second","when":"2026-10-01T04:18:00.250Z"}"#)
        let pretty = try DocumentEncoder(pretty: true).encode([Pair()])
        #expect(
            String(decoding: pretty, as: UTF8.self) == """
                [
                  {
                    "a" : 1,
                    "b" : "second",
                    "when" : "2026-10-01T04:18:00.250Z"
                  }
                ]
                """)
        #expect(
            String(decoding: try DocumentEncoder(pretty: true).encode([Int]()), as: UTF8.self)
                == "[]")
    }

    struct Many: Encodable {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            // 40 keys, k39 … k0, then k7 again: more than the insertion-sorted size.
            for index in (0..<40).reversed() {
                try container.encode(index, forKey: Key(stringValue: "k\(index)"))
            }
            try container.encode("again", forKey: Key(stringValue: "k7"))
        }
    }

    /// A large object is sorted by bytes (k0, k1, k10, k11, …) and keeps the last `k7`.
    @Test func largeObjectsAreSortedAndDeduplicated() throws {
        let text = String(
            decoding: try DocumentEncoder(pretty: false).encode(Many()), as: UTF8.self)
        let keys = (0..<40).map { "k\($0)" }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let expected =
            "{"
            + keys.map { key in
                "\"\(key)\":" + (key == "k7" ? "\"again\"" : String(key.dropFirst()))
            }.joined(separator: ",") + "}"
        #expect(text == expected)
    }

    @Test func nonFiniteNumbersAreRejected() {
        let error = #expect(throws: EncodingError.self) {
            try DocumentEncoder(pretty: false).encode([1.5, .nan])
        }
        guard case .invalidValue(_, let context) = error else {
            Issue.record("expected invalidValue, got \(String(describing: error))")
            return
        }
        #expect(context.codingPath.map(\.intValue) == [1])
    }

    /// The close of the bundled sample encodes to the same JSON value as Foundation's encoder
    /// writes (compared parsed, since Foundation orders keys its own way), and decodes back.
    @Test func closeResultEncodesLikeFoundation() async throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data")
        let input = try await CloseInput.read(DocumentLoader(root: folder), parallelism: 2)
        let period = try input.provider.period(year: 2026, month: 10)
        let result = try PeriodClose(provider: input.provider, period: period).close(
            input.customers)
        let ours = try DocumentEncoder(pretty: false).encode(result)
        let foundation = JSONEncoder()
        foundation.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(DocumentLoader.iso8601(date))
        }
        let theirs = try foundation.encode(result)
        let parsedOurs = try JSONSerialization.jsonObject(with: ours) as? NSDictionary
        let parsedTheirs = try JSONSerialization.jsonObject(with: theirs) as? NSDictionary
        #expect(parsedOurs != nil)
        #expect(parsedOurs == parsedTheirs)
        #expect(try DocumentDecoder().decode(CloseResult.self, from: ours) == result)
    }
}
