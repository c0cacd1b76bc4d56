/// A 48-bit hardware (MAC) address, validated and normalised.
///
/// Accepts the common notations: `00:1A:2B:3C:4D:5E`, `00-1a-2b-3c-4d-5e`,
/// `001a.2b3c.4d5e` (Cisco) and `001A2B3C4D5E`, in either case. Two notations of the same
/// address are equal. ``description`` and JSON use upper-case hex with colons,
/// `"00:1A:2B:3C:4D:5E"`.
public struct MACAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The address as a 48-bit number (the high 16 bits are zero).
    public let value: UInt64

    /// Parses a MAC address in one of the accepted notations.
    ///
    /// - Throws: ``InventoryError`` `invalidMACAddress` (field `"macAddress"`) for anything
    ///   else.
    public init(_ text: String) throws(InventoryError) {
        let bytes = Array(text.utf8)
        let separators: Set<UInt8> = [58, 45, 46]  // ':' '-' '.'
        var digits: [UInt8] = []
        digits.reserveCapacity(12)
        var separator: UInt8? = nil
        for byte in bytes {
            if separators.contains(byte) {
                if separator == nil { separator = byte }
                guard separator == byte else { throw .invalidMACAddress(text, field: "macAddress") }
                continue
            }
            digits.append(byte)
        }
        let separatorCount = bytes.count - digits.count
        let layoutIsValid: Bool
        switch separator {
        case nil: layoutIsValid = true
        case 46: layoutIsValid = separatorCount == 2 && bytes.count == 14 && bytes[4] == 46
        default:
            layoutIsValid =
                separatorCount == 5 && bytes.count == 17
                && stride(from: 2, to: 17, by: 3).allSatisfy { separators.contains(bytes[$0]) }
        }
        guard layoutIsValid, digits.count == 12 else {
            throw .invalidMACAddress(text, field: "macAddress")
        }
        var value: UInt64 = 0
        for digit in digits {
            guard let nibble = MACAddress.nibble(digit) else {
                throw .invalidMACAddress(text, field: "macAddress")
            }
            value = value << 4 | UInt64(nibble)
        }
        self.value = value
    }

    /// Creates an address from its 48-bit value.
    ///
    /// - Throws: ``InventoryError`` `invalidMACAddress` when `value` needs more than 48 bits.
    public init(value: UInt64) throws(InventoryError) {
        guard value >> 48 == 0 else {
            throw .invalidMACAddress(String(value, radix: 16), field: "macAddress")
        }
        self.value = value
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: return byte - 48
        case 65...70: return byte - 55
        case 97...102: return byte - 87
        default: return nil
        }
    }

    /// Upper-case hex pairs joined by colons: `"00:1A:2B:3C:4D:5E"`.
    public var description: String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for index in (0..<6).reversed() {
            let byte = Int((value >> (UInt64(index) * 8)) & 0xFF)
            out.append(hex[byte >> 4])
            out.append(hex[byte & 0xF])
            if index > 0 { out.append(58) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Orders by the numeric value.
    public static func < (lhs: MACAddress, rhs: MACAddress) -> Bool { lhs.value < rhs.value }
}

extension MACAddress: Codable {
    /// Decodes any accepted notation and normalises it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try MACAddress(container.decode(String.self))
    }

    /// Encodes `"00:1A:2B:3C:4D:5E"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
