/// The active ISO 4217 currencies (List One as of 2026) and their minor-unit exponents.
///
/// Funds codes (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW) are included; precious metals,
/// special drawing rights and test codes (XAU, XDR, XTS, XXX, ...) have no minor unit and
/// are left out, as are withdrawn codes (ANG, BGN, HRK, SLL, ZWL, CUC): define them with
/// ``Currency/init(custom:minorUnits:cashIncrement:)`` when old data needs them. Cash
/// increments are recorded for currencies whose smallest coin is larger than the minor
/// unit (CHF 0.05, CAD 0.05, AUD 0.05, NZD 0.10, DKK 0.50, SEK, NOK and CZK 1.00, HUF 5).
extension Currency {
    /// (code, minor units, cash increment in minor units or 0).
    private static let isoEntries: [(String, Int, UInt64)] = [
        ("AED", 2, 0),
        ("AFN", 2, 0),
        ("ALL", 2, 0),
        ("AMD", 2, 0),
        ("AOA", 2, 0),
        ("ARS", 2, 0),
        ("AUD", 2, 5),
        ("AWG", 2, 0),
        ("AZN", 2, 0),
        ("BAM", 2, 0),
        ("BBD", 2, 0),
        ("BDT", 2, 0),
        ("BHD", 3, 0),
        ("BIF", 0, 0),
        ("BMD", 2, 0),
        ("BND", 2, 0),
        ("BOB", 2, 0),
        ("BOV", 2, 0),
        ("BRL", 2, 0),
        ("BSD", 2, 0),
        ("BTN", 2, 0),
        ("BWP", 2, 0),
        ("BYN", 2, 0),
        ("BZD", 2, 0),
        ("CAD", 2, 5),
        ("CDF", 2, 0),
        ("CHE", 2, 0),
        ("CHF", 2, 5),
        ("CHW", 2, 0),
        ("CLF", 4, 0),
        ("CLP", 0, 0),
        ("CNY", 2, 0),
        ("COP", 2, 0),
        ("COU", 2, 0),
        ("CRC", 2, 0),
        ("CUP", 2, 0),
        ("CVE", 2, 0),
        ("CZK", 2, 100),
        ("DJF", 0, 0),
        ("DKK", 2, 50),
        ("DOP", 2, 0),
        ("DZD", 2, 0),
        ("EGP", 2, 0),
        ("ERN", 2, 0),
        ("ETB", 2, 0),
        ("EUR", 2, 0),
        ("FJD", 2, 0),
        ("FKP", 2, 0),
        ("GBP", 2, 0),
        ("GEL", 2, 0),
        ("GHS", 2, 0),
        ("GIP", 2, 0),
        ("GMD", 2, 0),
        ("GNF", 0, 0),
        ("GTQ", 2, 0),
        ("GYD", 2, 0),
        ("HKD", 2, 0),
        ("HNL", 2, 0),
        ("HTG", 2, 0),
        ("HUF", 2, 500),
        ("IDR", 2, 0),
        ("ILS", 2, 0),
        ("INR", 2, 0),
        ("IQD", 3, 0),
        ("IRR", 2, 0),
        ("ISK", 0, 0),
        ("JMD", 2, 0),
        ("JOD", 3, 0),
        ("JPY", 0, 0),
        ("KES", 2, 0),
        ("KGS", 2, 0),
        ("KHR", 2, 0),
        ("KMF", 0, 0),
        ("KPW", 2, 0),
        ("KRW", 0, 0),
        ("KWD", 3, 0),
        ("KYD", 2, 0),
        ("KZT", 2, 0),
        ("LAK", 2, 0),
        ("LBP", 2, 0),
        ("LKR", 2, 0),
        ("LRD", 2, 0),
        ("LSL", 2, 0),
        ("LYD", 3, 0),
        ("MAD", 2, 0),
        ("MDL", 2, 0),
        ("MGA", 2, 0),
        ("MKD", 2, 0),
        ("MMK", 2, 0),
        ("MNT", 2, 0),
        ("MOP", 2, 0),
        ("MRU", 2, 0),
        ("MUR", 2, 0),
        ("MVR", 2, 0),
        ("MWK", 2, 0),
        ("MXN", 2, 0),
        ("MXV", 2, 0),
        ("MYR", 2, 0),
        ("MZN", 2, 0),
        ("NAD", 2, 0),
        ("NGN", 2, 0),
        ("NIO", 2, 0),
        ("NOK", 2, 100),
        ("NPR", 2, 0),
        ("NZD", 2, 10),
        ("OMR", 3, 0),
        ("PAB", 2, 0),
        ("PEN", 2, 0),
        ("PGK", 2, 0),
        ("PHP", 2, 0),
        ("PKR", 2, 0),
        ("PLN", 2, 0),
        ("PYG", 0, 0),
        ("QAR", 2, 0),
        ("RON", 2, 0),
        ("RSD", 2, 0),
        ("RUB", 2, 0),
        ("RWF", 0, 0),
        ("SAR", 2, 0),
        ("SBD", 2, 0),
        ("SCR", 2, 0),
        ("SDG", 2, 0),
        ("SEK", 2, 100),
        ("SGD", 2, 0),
        ("SHP", 2, 0),
        ("SLE", 2, 0),
        ("SOS", 2, 0),
        ("SRD", 2, 0),
        ("SSP", 2, 0),
        ("STN", 2, 0),
        ("SVC", 2, 0),
        ("SYP", 2, 0),
        ("SZL", 2, 0),
        ("THB", 2, 0),
        ("TJS", 2, 0),
        ("TMT", 2, 0),
        ("TND", 3, 0),
        ("TOP", 2, 0),
        ("TRY", 2, 0),
        ("TTD", 2, 0),
        ("TWD", 2, 0),
        ("TZS", 2, 0),
        ("UAH", 2, 0),
        ("UGX", 0, 0),
        ("USD", 2, 0),
        ("USN", 2, 0),
        ("UYI", 0, 0),
        ("UYW", 4, 0),
        ("UZS", 2, 0),
        ("VED", 2, 0),
        ("VES", 2, 0),
        ("VND", 0, 0),
        ("VUV", 0, 0),
        ("WST", 2, 0),
        ("XAF", 0, 0),
        ("XCD", 2, 0),
        ("XCG", 2, 0),
        ("XOF", 0, 0),
        ("XPF", 0, 0),
        ("YER", 2, 0),
        ("ZAR", 2, 0),
        ("ZMW", 2, 0),
        ("ZWG", 2, 0),
    ]

    /// Every built-in ISO 4217 currency, sorted by code.
    public static let isoCurrencies: [Currency] = isoEntries.map {
        Currency(packedCode: packCodeLiteral($0.0), minorUnits: $0.1, cashIncrement: $0.2)
    }

    /// The table by packed code.
    internal static let isoTable: [UInt32: Currency] = Dictionary(
        uniqueKeysWithValues: isoCurrencies.map { (UInt32(truncatingIfNeeded: $0.packed), $0) })

    /// Packs a code known to be 3 uppercase ASCII letters.
    private static func packCodeLiteral(_ code: String) -> UInt32 {
        var packed: UInt32 = 0
        for byte in code.utf8 { packed = packed << 8 | UInt32(byte) }
        return packed << 8
    }

    /// USD, from the ISO 4217 table: 2 decimal places.
    public static let usd = Currency(
        packedCode: packCodeLiteral("USD"), minorUnits: 2, cashIncrement: 0)
    /// EUR, from the ISO 4217 table: 2 decimal places.
    public static let eur = Currency(
        packedCode: packCodeLiteral("EUR"), minorUnits: 2, cashIncrement: 0)
    /// GBP, from the ISO 4217 table: 2 decimal places.
    public static let gbp = Currency(
        packedCode: packCodeLiteral("GBP"), minorUnits: 2, cashIncrement: 0)
    /// JPY, from the ISO 4217 table: 0 decimal places.
    public static let jpy = Currency(
        packedCode: packCodeLiteral("JPY"), minorUnits: 0, cashIncrement: 0)
    /// CHF, from the ISO 4217 table: 2 decimal places, cash increment 5 minor units.
    public static let chf = Currency(
        packedCode: packCodeLiteral("CHF"), minorUnits: 2, cashIncrement: 5)
    /// CAD, from the ISO 4217 table: 2 decimal places, cash increment 5 minor units.
    public static let cad = Currency(
        packedCode: packCodeLiteral("CAD"), minorUnits: 2, cashIncrement: 5)
    /// AUD, from the ISO 4217 table: 2 decimal places, cash increment 5 minor units.
    public static let aud = Currency(
        packedCode: packCodeLiteral("AUD"), minorUnits: 2, cashIncrement: 5)
    /// NZD, from the ISO 4217 table: 2 decimal places, cash increment 10 minor units.
    public static let nzd = Currency(
        packedCode: packCodeLiteral("NZD"), minorUnits: 2, cashIncrement: 10)
    /// SEK, from the ISO 4217 table: 2 decimal places, cash increment 100 minor units.
    public static let sek = Currency(
        packedCode: packCodeLiteral("SEK"), minorUnits: 2, cashIncrement: 100)
    /// NOK, from the ISO 4217 table: 2 decimal places, cash increment 100 minor units.
    public static let nok = Currency(
        packedCode: packCodeLiteral("NOK"), minorUnits: 2, cashIncrement: 100)
    /// DKK, from the ISO 4217 table: 2 decimal places, cash increment 50 minor units.
    public static let dkk = Currency(
        packedCode: packCodeLiteral("DKK"), minorUnits: 2, cashIncrement: 50)
    /// INR, from the ISO 4217 table: 2 decimal places.
    public static let inr = Currency(
        packedCode: packCodeLiteral("INR"), minorUnits: 2, cashIncrement: 0)
    /// CNY, from the ISO 4217 table: 2 decimal places.
    public static let cny = Currency(
        packedCode: packCodeLiteral("CNY"), minorUnits: 2, cashIncrement: 0)
    /// BRL, from the ISO 4217 table: 2 decimal places.
    public static let brl = Currency(
        packedCode: packCodeLiteral("BRL"), minorUnits: 2, cashIncrement: 0)
    /// MXN, from the ISO 4217 table: 2 decimal places.
    public static let mxn = Currency(
        packedCode: packCodeLiteral("MXN"), minorUnits: 2, cashIncrement: 0)
    /// ZAR, from the ISO 4217 table: 2 decimal places.
    public static let zar = Currency(
        packedCode: packCodeLiteral("ZAR"), minorUnits: 2, cashIncrement: 0)
    /// SGD, from the ISO 4217 table: 2 decimal places.
    public static let sgd = Currency(
        packedCode: packCodeLiteral("SGD"), minorUnits: 2, cashIncrement: 0)
    /// HKD, from the ISO 4217 table: 2 decimal places.
    public static let hkd = Currency(
        packedCode: packCodeLiteral("HKD"), minorUnits: 2, cashIncrement: 0)
    /// KRW, from the ISO 4217 table: 0 decimal places.
    public static let krw = Currency(
        packedCode: packCodeLiteral("KRW"), minorUnits: 0, cashIncrement: 0)
    /// BHD, from the ISO 4217 table: 3 decimal places.
    public static let bhd = Currency(
        packedCode: packCodeLiteral("BHD"), minorUnits: 3, cashIncrement: 0)
    /// KWD, from the ISO 4217 table: 3 decimal places.
    public static let kwd = Currency(
        packedCode: packCodeLiteral("KWD"), minorUnits: 3, cashIncrement: 0)
    /// OMR, from the ISO 4217 table: 3 decimal places.
    public static let omr = Currency(
        packedCode: packCodeLiteral("OMR"), minorUnits: 3, cashIncrement: 0)
    /// TND, from the ISO 4217 table: 3 decimal places.
    public static let tnd = Currency(
        packedCode: packCodeLiteral("TND"), minorUnits: 3, cashIncrement: 0)
    /// JOD, from the ISO 4217 table: 3 decimal places.
    public static let jod = Currency(
        packedCode: packCodeLiteral("JOD"), minorUnits: 3, cashIncrement: 0)
    /// CLF, from the ISO 4217 table: 4 decimal places.
    public static let clf = Currency(
        packedCode: packCodeLiteral("CLF"), minorUnits: 4, cashIncrement: 0)
    /// CLP, from the ISO 4217 table: 0 decimal places.
    public static let clp = Currency(
        packedCode: packCodeLiteral("CLP"), minorUnits: 0, cashIncrement: 0)
    /// ISK, from the ISO 4217 table: 0 decimal places.
    public static let isk = Currency(
        packedCode: packCodeLiteral("ISK"), minorUnits: 0, cashIncrement: 0)
}
