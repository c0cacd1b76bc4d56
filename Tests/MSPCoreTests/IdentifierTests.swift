import Foundation
import MSPCore
import MSPTestSupport
import Testing

private enum Customer {}
private enum Device {}

@Suite struct IdentifierTests {
    @Test func validatesAndKeepsTheText() throws {
        let id = try Identifier<Customer>("cust-0042")
        #expect(id.rawValue == "cust-0042")
        #expect(id.description == "cust-0042")
        #expect(Identifier<Customer>(rawValue: "") == nil)
        #expect(throws: IdentifierError.empty) { try Identifier<Device>("") }
        #expect(throws: IdentifierError.blank("   ")) { try Identifier<Device>("   ") }
        #expect(throws: IdentifierError.controlCharacter("a\nb")) { try Identifier<Device>("a\nb") }
        let long = String(repeating: "x", count: 257)
        #expect(throws: IdentifierError.tooLong(long, limit: 256)) { try Identifier<Device>(long) }
        #expect(try Identifier<Device>(String(repeating: "x", count: 256)).rawValue.count == 256)
    }

    @Test func ordersByScalarsAndCodesAsAPlainString() throws {
        let ids = try ["b", "B", "a", "é"].map { try Identifier<Device>($0) }
        #expect(ids.sorted().map(\.rawValue) == ["B", "a", "b", "é"])
        let data = try JSONEncoder().encode(ids[0])
        #expect(String(decoding: data, as: UTF8.self) == #""b""#)
        #expect(try JSONDecoder().decode(Identifier<Device>.self, from: data) == ids[0])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Identifier<Device>.self, from: Data(#""""#.utf8))
        }
    }

    @Test func equalityAndOrderAreByteWiseAndConsistent() throws {
        let composed = try Identifier<Device>("caf\u{E9}")
        let decomposed = try Identifier<Device>("cafe\u{301}")
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
        #expect((composed < decomposed) != (decomposed < composed))
    }

    /// Equality is byte equality whether or not the two values share their storage:
    /// small (inline) and large strings, copies made from the bytes, canonically
    /// equivalent texts, and texts that differ only in their last byte.
    @Test(arguments: [
        ("ws-17", "ws-17", true),
        ("monitored-endpoint-0042", "monitored-endpoint-0042", true),
        ("caf\u{E9}", "cafe\u{301}", false),
        ("cafe\u{301}-workstation-long", "caf\u{E9}-workstation-long", false),
        ("monitored-endpoint-0042", "monitored-endpoint-0043", false),
        ("ws-17", "ws-170", false),
        ("\u{212B}ngstr\u{F6}m", "\u{C5}ngstr\u{F6}m", false),
    ])
    func equalityIsByBytesWhateverTheStorage(_ left: String, _ right: String, _ equal: Bool)
        throws
    {
        let a = try Identifier<Device>(left)
        let b = try Identifier<Device>(right)
        // The same bytes in a new buffer: not the same storage as `left`.
        let copy = try Identifier<Device>(String(decoding: Array(left.utf8), as: UTF8.self))
        #expect((a == b) == equal)
        #expect((b == a) == equal)
        #expect(a == a)
        #expect(a == copy)
        #expect(copy == a)
        #expect((copy == b) == equal)
        #expect((a.hashValue == b.hashValue) || !equal)
    }

    /// `==` agrees with comparing the UTF-8 bytes, over random texts built from pieces that
    /// include combining marks and precomposed letters (so canonically equivalent pairs
    /// come up), each side sometimes rebuilt from its bytes into a new buffer.
    @Test func equalityAgreesWithTheBytes() throws {
        let pieces = ["a", "e", "\u{301}", "\u{E9}", "-", "0", "\u{C5}", "A\u{30A}", "x"]
        try checkProperty(seed: 0x1D_E0A1) { rng in
            func text() -> String {
                (0..<rng.int(in: 1...24)).map { _ in rng.element(of: pieces) }.joined()
            }
            let left = text()
            let right =
                rng.chance(1, in: 3) ? String(decoding: Array(left.utf8), as: UTF8.self) : text()
            let a = try Identifier<Device>(left)
            let b = try Identifier<Device>(right)
            let bytesEqual = Array(left.utf8) == Array(right.utf8)
            return (
                "\(Array(left.utf8)) vs \(Array(right.utf8))",
                (a == b) == bytesEqual ? nil : "== is \(a == b)"
            )
        }
    }

    /// The ASCII fast path and the general Unicode rules agree: random strings mixing
    /// printable ASCII, spaces, control characters (C0, DEL, C1), other white space and
    /// non-ASCII letters, of lengths around the 256-byte limit, are accepted or rejected
    /// with the same error as the rules written out here.
    @Test func asciiFastPathAgreesWithTheGeneralRules() throws {
        let pieces: [String] = [
            "a", "Z", "0", "-", "~", " ", "\t", "\n", "\u{7F}", "\u{85}", "\u{A0}", "\u{2003}",
            "\u{1F}", "é", "日", "\u{0}",
        ]
        func expected(_ text: String) -> Result<String, IdentifierError> {
            if text.isEmpty { return .failure(.empty) }
            if text.allSatisfy(\.isWhitespace) { return .failure(.blank(text)) }
            if text.utf8.count > 256 { return .failure(.tooLong(text, limit: 256)) }
            if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return .failure(.controlCharacter(text))
            }
            return .success(text)
        }
        try checkProperty(seed: 0x1D_A5C1) { random in
            let count = random.chance(1, in: 4) ? random.int(in: 250...260) : random.int(in: 0...12)
            let spacesOnly = random.chance(1, in: 8)
            var text = ""
            for _ in 0..<count {
                text +=
                    spacesOnly ? " " : (random.chance(7, in: 8) ? "x" : random.element(of: pieces))
            }
            let actual = Result { () throws(IdentifierError) in
                try Identifier<Device>(text).rawValue
            }
            let wanted = expected(text)
            return (text.debugDescription, actual == wanted ? nil : "\(actual) != \(wanted)")
        }
    }
}
