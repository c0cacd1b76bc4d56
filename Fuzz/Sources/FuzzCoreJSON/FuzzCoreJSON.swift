import Foundation
import FuzzSupport
import MSPCore

/// Every MSPCore JSON document type decoded from arbitrary bytes: decoding never traps, and
/// whatever decodes re-encodes to JSON that decodes to the same value.
func fuzzCoreJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Data(FuzzInput(data, size).all)
    roundTrip(Money.self, bytes)
    roundTrip(PreciseMoney.self, bytes)
    roundTrip(Currency.self, bytes)
    roundTrip(Rational.self, bytes)
    roundTrip(Percentage.self, bytes)
    roundTrip(DateRange.self, bytes)
    roundTrip(LocalDate.self, bytes)
    roundTrip(BillingCycle.self, bytes)
    roundTrip(BillingPeriod.self, bytes)
    roundTrip(BusinessCalendar.self, bytes)
    roundTrip(UnitUsage.self, bytes)
    roundTrip(Outage.self, bytes)
    roundTrip([CustomerID].self, bytes)
    return 0
}

/// Decodes `T` and checks that it round-trips.
private func roundTrip<T: Codable & Equatable>(_ type: T.Type, _ bytes: Data) {
    _ = decodeRoundTripping(type, bytes)
}
