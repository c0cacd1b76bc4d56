/// A currency: its ISO 4217 alphabetic code, the exponent of its minor unit, and an
/// optional cash-rounding increment.
///
/// The exponent says how many decimal places an amount due has: 2 for USD (cents), 0 for
/// JPY, 3 for BHD, KWD, OMR and TND, 4 for CLF. ``Money`` holds amounts as integers of that
/// minor unit. The built-in table (``Currency/isoCurrencies``) has every active ISO 4217
/// currency with its exponent; ``Currency/init(code:)`` looks a code up in it, and
/// ``Currency/init(custom:minorUnits:cashIncrement:)`` defines one the table lacks (a
/// withdrawn code, a token, an internal unit).
///
/// The cash increment is the smallest amount that can be paid in cash, in minor units: 5 for
/// CHF (0.05), used by ``Money/roundedToCashIncrement(_:)``. Electronic payments and invoice
/// lines keep the full minor unit.
///
/// A currency is a plain 8-byte value: comparing two is one integer comparison, which keeps
/// the currency check in money arithmetic free in hot loops. Two currencies are equal when
/// their code and exponent are: the cash increment is a rule for cash payments, not part of
/// the currency's identity, so amounts of a CHF with and without it add up.
public struct Currency: Sendable {
    /// Code bytes (big-endian, zero-padded) in bits 0–31, exponent in bits 32–39,
    /// cash increment in bits 40–63.
    @usableFromInline
    internal let packed: UInt64

    /// The exponents a currency may have.
    public static let minorUnitRange: ClosedRange<Int> = 0...9
    /// The largest cash increment, in minor units.
    public static let maximumCashIncrement: Int64 = 0xFF_FFFF

    /// Looks up an active ISO 4217 currency by its alphabetic code, such as `"USD"`.
    ///
    /// - Throws: ``MoneyError`` `malformedCurrency` when `code` is not 3 or 4 uppercase
    ///   ASCII letters, `unknownCurrency` when it is well formed but not in the table.
    public init(code: String) throws(MoneyError) {
        let packedCode = try Currency.packCode(code)
        guard let currency = Currency.isoTable[packedCode] else { throw .unknownCurrency(code) }
        self = currency
    }

    /// Defines a currency that the ISO table does not have, or overrides one's exponent or
    /// cash increment.
    ///
    /// - Parameters:
    ///   - code: 3 or 4 uppercase ASCII letters (`"XBT"`, `"USDC"`).
    ///   - minorUnits: The number of decimal places of an amount due, in ``minorUnitRange``.
    ///   - cashIncrement: The smallest cash amount in minor units, if cash is rounded.
    /// - Throws: ``MoneyError`` `malformedCurrency`, `invalidMinorUnits` or
    ///   `invalidCashIncrement`.
    public init(custom code: String, minorUnits: Int, cashIncrement: Int64? = nil)
        throws(MoneyError)
    {
        let packedCode = try Currency.packCode(code)
        guard Currency.minorUnitRange.contains(minorUnits) else {
            throw .invalidMinorUnits(minorUnits, code: code)
        }
        var increment: UInt64 = 0
        if let cashIncrement {
            guard cashIncrement > 0, cashIncrement <= Currency.maximumCashIncrement else {
                throw .invalidCashIncrement(String(cashIncrement), code: code)
            }
            increment = UInt64(cashIncrement)
        }
        self.init(packedCode: packedCode, minorUnits: minorUnits, cashIncrement: increment)
    }

    @usableFromInline
    internal init(packedCode: UInt32, minorUnits: Int, cashIncrement: UInt64) {
        packed = UInt64(packedCode) | UInt64(minorUnits) << 32 | cashIncrement << 40
    }

    /// The alphabetic code, such as `"USD"`.
    public var code: String {
        var bytes: [UInt8] = []
        for shift in stride(from: 24, through: 0, by: -8) {
            let byte = UInt8(truncatingIfNeeded: packed >> UInt64(shift))
            if byte != 0 { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The number of decimal places of the minor unit (2 for USD, 0 for JPY, 3 for KWD).
    @inlinable
    public var minorUnits: Int { Int(truncatingIfNeeded: (packed >> 32) & 0xFF) }

    /// The smallest amount payable in cash, in minor units, or `nil` when cash is not
    /// rounded (`5` for CHF: 0.05).
    public var cashIncrement: Int64? {
        let value = Int64(packed >> 40)
        return value == 0 ? nil : value
    }

    /// `10^minorUnits`: minor units per major unit (100 for USD).
    @inlinable
    public var minorUnitsPerMajorUnit: Int64 { ExactArithmetic.powersOfTen[minorUnits] }

    /// The same currency with a cash increment, in minor units.
    ///
    /// - Throws: ``MoneyError`` `invalidCashIncrement` when the increment is not positive.
    public func withCashIncrement(_ increment: Int64) throws(MoneyError) -> Currency {
        try Currency(custom: code, minorUnits: minorUnits, cashIncrement: increment)
    }

    /// Packs a validated code into 32 bits.
    internal static func packCode(_ code: String) throws(MoneyError) -> UInt32 {
        var packed: UInt32 = 0
        var count = 0
        for byte in code.utf8 {
            guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z"), count < 4 else {
                throw .malformedCurrency(code)
            }
            packed = packed << 8 | UInt32(byte)
            count += 1
        }
        guard count >= 3 else { throw .malformedCurrency(code) }
        return count == 3 ? packed << 8 : packed
    }
}

extension Currency: Hashable {
    /// The bits of ``packed`` that identify the currency: the code and the exponent.
    @usableFromInline
    internal static let identityMask: UInt64 = 0xFF_FFFF_FFFF

    /// Equal when the code and the exponent are; the cash increment is not compared.
    @inlinable
    public static func == (lhs: Currency, rhs: Currency) -> Bool {
        (lhs.packed ^ rhs.packed) & identityMask == 0
    }

    /// Hashes the code and the exponent.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(packed & Currency.identityMask)
    }
}

extension Currency: CustomStringConvertible {
    /// The alphabetic code.
    public var description: String { code }
}

extension Currency: Codable {
    /// Decodes a currency from its code string, looked up in the ISO table.
    ///
    /// A custom currency's definition travels with the application, not the JSON: its code
    /// encodes, but decoding it throws `unknownCurrency` unless the code is also an ISO code
    /// (and then the ISO definition is used). Decode such amounts with your own wrapper that
    /// maps the code to your ``Currency``.
    public init(from decoder: any Decoder) throws {
        self = try TextCoding.decode(from: decoder, parse: Currency.init(code:))
    }

    /// Encodes the code string, `"USD"`.
    public func encode(to encoder: any Encoder) throws {
        try TextCoding.encode(code, to: encoder)
    }
}
