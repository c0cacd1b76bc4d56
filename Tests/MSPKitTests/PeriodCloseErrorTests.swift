import Foundation
import MSPKit
import Testing

/// Edits a document through its JSON, so any field can be changed.
func edited<T: Codable>(_ value: T, _ edit: (inout [String: Any]) throws -> Void) throws -> T {
    var object = try #require(
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
    try edit(&object)
    return try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: object))
}

/// Replaces the value at a dotted path such as `"tickets.1.customer"` (numbers index arrays).
func set(_ object: inout [String: Any], _ path: String, to value: Any) {
    func update(_ node: Any, _ rest: ArraySlice<Substring>) -> Any {
        guard let key = rest.first else { return value }
        if let index = Int(key), var array = node as? [Any], array.indices.contains(index) {
            array[index] = update(array[index], rest.dropFirst())
            return array
        }
        if var dictionary = node as? [String: Any] {
            dictionary[String(key)] = update(dictionary[String(key)] ?? [:], rest.dropFirst())
            return dictionary
        }
        return node
    }
    let keys = path.split(separator: ".")
    if let updated = update(object, keys[...]) as? [String: Any] { object = updated }
}

@Suite struct PeriodCloseErrorTests {
    let close: PeriodClose
    let acme: CustomerDocument
    let fjord: CustomerDocument
    let acmeID: CustomerID
    let bluebirdID: CustomerID

    init() throws {
        close = try SampleData.close()
        acme = try SampleData.customer("acme")
        fjord = try SampleData.customer("fjord")
        acmeID = try CustomerID("acme")
        bluebirdID = try CustomerID("bluebird")
    }

    @Test func descriptionNamesCustomerFieldAndValue() {
        let error = PeriodCloseError.customerMismatch(
            customer: acmeID, found: bluebirdID, field: "sites[0].customer")
        #expect(error.code == .customerMismatch)
        #expect(error.value == "bluebird")
        #expect(
            error.description
                == "customerMismatch [customer acme]: sites[0].customer belongs to customer bluebird, not acme"
        )
    }

    /// Every kind of record of another customer in acme's document is rejected, naming the
    /// field, before anything is computed.
    @Test(arguments: [
        ("agreement.agreement.customer", "agreement.agreement.customer"),
        ("sites.0.customer", "sites[0].customer"),
        ("deviceEvents.2.change.record.customer", "deviceEvents[3].record.customer"),
        ("tickets.1.customer", "tickets[ACME-102].customer"),
        ("tickets.1.timeEntries.0.customer", "tickets[ACME-102].timeEntries[0].customer"),
        ("services.0.customer", "services[mail].customer"),
    ])
    func recordOfAnotherCustomer(path: String, field: String) throws {
        let document = try edited(acme) { set(&$0, path, to: "bluebird") }
        #expect(
            throws: PeriodCloseError.customerMismatch(
                customer: acmeID, found: bluebirdID, field: field)
        ) { try close.closeCustomer(document) }
    }

    @Test func deviceMovedToAnotherCustomer() throws {
        var document = acme
        document.deviceEvents.append(
            try InventoryEvent(
                sequence: 99, device: DeviceID("acme-ws-1"),
                effective: try #require(SampleData.instant("2026-10-12T04:00:00Z")),
                change: .moved(customer: bluebirdID, site: nil)))
        #expect(
            throws: PeriodCloseError.customerMismatch(
                customer: acmeID, found: bluebirdID, field: "deviceEvents[99].customer")
        ) { try close.closeCustomer(document) }
    }

    @Test func seatOfAnotherCustomer() throws {
        var document = try SampleData.customer("bluebird")
        document.seats[4] = Seat(
            id: try UserID("intruder"), customer: acmeID,
            activeRanges: document.seats[4].activeRanges)
        #expect(
            throws: PeriodCloseError.customerMismatch(
                customer: bluebirdID, found: acmeID, field: "seats[4].customer")
        ) { try close.closeCustomer(document) }
    }

    /// Amounts in a currency other than the provider's, in each customer-level place.
    @Test(arguments: [
        (
            "fjord", "tickets.0.materials.0.unitCost.currency",
            "tickets[FJ-1].materials[0].unitCost"
        ),
        (
            "fjord", "agreement.blockHours.overageRate.currency",
            "agreement.blockHours.overageRate"
        ),
        ("fjord", "previousMRR.currency", "previousMRR"),
    ])
    func amountInAnotherCurrency(customer: String, path: String, field: String) throws {
        let document = try edited(try SampleData.customer(customer)) {
            set(&$0, path, to: "EUR")
        }
        #expect(
            throws: PeriodCloseError.currencyMismatch(
                customer: document.customer.id, expected: .usd, found: .eur, field: field)
        ) { try close.closeCustomer(document) }
    }

    @Test func passThroughCostInAnotherCurrency() throws {
        var document = acme
        document.passThroughCosts = [
            PassThroughCost(
                category: .licence, amount: try Money(parsing: "10.00", currency: .eur),
                description: "Licences")
        ]
        #expect(
            throws: PeriodCloseError.currencyMismatch(
                customer: acmeID, expected: .usd, found: .eur, field: "passThroughCosts[0].amount")
        ) { try close.closeCustomer(document) }
    }

    @Test func coverageOverrideInAnotherCurrency() throws {
        let document = try edited(acme) {
            set(
                &$0, "agreement.coverage.rateOverrides",
                to: [["role": "engineer", "hourly": ["amount": "99.00", "currency": "EUR"]]])
        }
        #expect(
            throws: PeriodCloseError.currencyMismatch(
                customer: acmeID, expected: .usd, found: .eur,
                field: "agreement.coverage.rateOverrides[0].hourly")
        ) { try close.closeCustomer(document) }
    }

    @Test func planInAnotherCurrency() throws {
        let provider = try edited(try SampleData.provider()) {
            set(&$0, "pricePlans.2.currency", to: "EUR")
            set(
                &$0, "pricePlans.2.components.1.pricing.model.unitPrice.currency",
                to: "EUR")
            for tier in 0..<3 {
                for key in ["unitPrice", "flatPrice"] {
                    set(
                        &$0,
                        "pricePlans.2.components.0.pricing.model.tiers.\(tier).\(key).currency",
                        to: "EUR")
                }
            }
        }
        let period = try provider.period(year: 2026, month: 10)
        #expect(
            throws: PeriodCloseError.currencyMismatch(
                customer: nil, expected: .usd, found: .eur, field: "pricePlans[2].currency")
        ) { try PeriodClose(provider: provider, period: period) }
    }

    /// The period comes from the first plan's cycle: a provider without plans has none, and a
    /// month outside years 1…9999 is the wrapped `PeriodError`.
    @Test func periodNeedsAPlanAndASupportedMonth() throws {
        var provider = try SampleData.provider()
        let error = #expect(throws: PeriodCloseError.self) {
            try provider.period(year: 10_000, month: 1)
        }
        #expect(error?.code == .core)
        #expect(error?.field.hasPrefix("period") == true)
        provider.pricePlans = []
        let none = #expect(throws: PeriodCloseError.self) {
            try provider.period(year: 2026, month: 10)
        }
        #expect(none?.code == .periodMismatch)
        #expect(none?.field == "pricePlans")
        #expect(none?.value == "[]")
    }

    @Test func rateCardInAnotherCurrency() throws {
        let provider = try edited(try SampleData.provider()) {
            set(&$0, "timeAndMaterials.rates.1.hourly.currency", to: "EUR")
        }
        let period = try provider.period(year: 2026, month: 10)
        #expect(
            throws: PeriodCloseError.currencyMismatch(
                customer: nil, expected: .usd, found: .eur,
                field: "timeAndMaterials.rates[1].hourly")
        ) { try PeriodClose(provider: provider, period: period) }
    }

    @Test func agreementNamingAnUnknownPlanOrPolicy() throws {
        let plan = try edited(acme) {
            set(&$0, "agreement.agreement.pricePlans.0.value", to: "platinum")
        }
        #expect(
            throws: PeriodCloseError.unknownPricePlan(
                try PricePlanID("platinum"), customer: acmeID,
                field: "agreement.agreement.pricePlans[0]")
        ) { try close.closeCustomer(plan) }
        let policy = try edited(acme) {
            set(&$0, "agreement.agreement.slaPolicies.0.value", to: "diamond")
        }
        #expect(
            throws: PeriodCloseError.unknownSLAPolicy(
                try SLAPolicyID("diamond"), customer: acmeID,
                field: "agreement.agreement.slaPolicies[0]")
        ) { try close.closeCustomer(policy) }
    }

    @Test func unknownCalendars() throws {
        let provider = try SampleData.provider()
        let period = try provider.period(year: 2026, month: 10)
        var labour = provider
        labour.timeAndMaterialsCalendar = "nights"
        #expect(
            throws: PeriodCloseError.unknownCalendar("nights", field: "timeAndMaterialsCalendar")
        ) { try PeriodClose(provider: labour, period: period) }
        var missing = provider
        missing.calendars["24x7"] = nil
        #expect(
            throws: PeriodCloseError.unknownCalendar(
                "24x7", field: "serviceLevels[managed].policy.P1.firstResponse.calendar")
        ) { try PeriodClose(provider: missing, period: period) }
    }

    @Test func duplicateIdentifiers() throws {
        #expect(throws: PeriodCloseError.duplicateID("acme", customer: nil, field: "customers")) {
            try close.close([acme, fjord, acme])
        }
        var tickets = acme
        tickets.tickets.append(tickets.tickets[0])
        #expect(
            throws: PeriodCloseError.duplicateID("ACME-101", customer: acmeID, field: "tickets")
        ) {
            try close.closeCustomer(tickets)
        }
        var services = acme
        services.services.append(services.services[0])
        #expect(throws: PeriodCloseError.duplicateID("mail", customer: acmeID, field: "services")) {
            try close.closeCustomer(services)
        }
        var provider = try SampleData.provider()
        provider.pricePlans.append(provider.pricePlans[0])
        let period = try provider.period(year: 2026, month: 10)
        #expect(
            throws: PeriodCloseError.duplicateID("per-device", customer: nil, field: "pricePlans")
        ) { try PeriodClose(provider: provider, period: period) }
    }

    @Test func outagesAndTimelineTogether() throws {
        var document = try SampleData.customer("cobalt")
        document.services[0].outages = acme.services[0].outages
        let cobalt = document.customer.id
        #expect(
            throws: PeriodCloseError.ambiguousMonitoring(
                try ServiceID("erp"), customer: cobalt, field: "services[erp]")
        ) { try close.closeCustomer(document) }
    }

    /// A period that the plans' monthly cycle does not produce cannot be rated.
    @Test func periodOfAnotherCycle() throws {
        let provider = try SampleData.provider()
        let period = try BillingPeriod(
            startDate: LocalDate(year: 2026, month: 10, day: 5),
            endDate: LocalDate(year: 2026, month: 11, day: 5),
            timeZoneIdentifier: "America/New_York")
        let shifted = try PeriodClose(provider: provider, period: period)
        #expect(
            throws: PeriodCloseError.periodMismatch(
                period, plan: try PricePlanID("per-device"), field: "pricePlans[per-device].cycle")
        ) { try shifted.closeCustomer(acme) }
    }

    /// A module's error keeps its field, prefixed with where in the document it happened.
    @Test func moduleErrorsAreWrappedWithTheCustomer() throws {
        var ticket = acme
        ticket.tickets[0].events.removeFirst()
        let slaError = #expect(throws: PeriodCloseError.self) { try close.closeCustomer(ticket) }
        #expect(slaError?.code == .sla)
        #expect(slaError?.customer == acmeID)
        #expect(slaError?.field.hasPrefix("tickets[ACME-101].events") == true)

        var device = acme
        device.deviceEvents.append(
            try InventoryEvent(
                sequence: 100, device: DeviceID("ghost"),
                effective: try #require(SampleData.instant("2026-10-12T04:00:00Z")),
                change: .retired))
        let inventoryError = #expect(throws: PeriodCloseError.self) {
            try close.closeCustomer(device)
        }
        #expect(inventoryError?.code == .inventory)
        #expect(inventoryError?.value == "ghost")
    }
}
