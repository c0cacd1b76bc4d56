import FuzzSupport
import MSPCore

/// Money, precise money, ratio and percentage parsing on arbitrary text: parsing never traps,
/// and whatever parses prints back to text that parses to the same value.
func fuzzMoneyText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let input = FuzzInput(data, size)
    let text = String(decoding: input.all, as: UTF8.self)
    for currency in [Currency.usd, .jpy, .bhd, .clf] {
        if let money = try? Money(parsing: text, currency: currency) {
            let again = try? Money(parsing: money.amountText, currency: currency)
            fuzzCheck(
                again == money, "\(text) → \(money.amountText) → \(String(describing: again))")
            // Arithmetic on any parsed amount reports overflow instead of trapping.
            _ = try? money + money
            _ = try? money * 3
            _ = try? money.negated()
            _ = try? money.allocated(by: [1, 2, 3])
            _ = try? money.percentage(Percentage(parsing: "7.25"), rounding: .halfEven)
        }
        if let precise = try? PreciseMoney(parsing: text, currency: currency) {
            let again = try? PreciseMoney(parsing: precise.amountText, currency: currency)
            fuzzCheck(again == precise, "\(text) → \(precise.amountText)")
            _ = try? precise.rounded(.halfEven)
        }
    }
    if let ratio = try? Rational(parsing: text) {
        fuzzCheck(Rational("\(ratio)") == ratio, "\(text) → \(ratio)")
        _ = try? ratio * ratio
        _ = try? ratio + ratio
    }
    if let percentage = try? Percentage(parsing: text) {
        _ = try? Money(minorUnits: .max, currency: .usd).percentage(percentage, rounding: .up)
    }
    _ = try? Currency(code: text)
    _ = try? LocalDate(parsing: text)
    _ = try? CustomerID(text)
    return 0
}
