import Foundation
import MSPCore
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
}
