import Foundation
import MSPCloseSupport
import MSPKit
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct CloseReportTests {
    /// A small generated MSP closed sequentially, with its report.
    private func report(customers: Int = 12) throws -> CloseReport {
        let data = try SyntheticMSP(
            customers: customers, devices: customers * 20, users: customers * 6,
            tickets: customers * 5, outages: customers * 10, seed: 42, year: 2026, month: 10
        ).generate()
        let result = try PeriodClose(provider: data.provider, period: data.period)
            .close(data.customers)
        let input = CloseInput(
            provider: data.provider, customers: data.customers,
            files: data.customers.map { "customers/\($0.customer.id.rawValue).json" },
            root: URL(fileURLWithPath: "/nonexistent"))
        return CloseReport(result: result, input: input)
    }

    @Test(arguments: [1, 2, 3])
    func closeJSONIsByteForByteTheEncodersOutput(parallelism: Int) async throws {
        let report = try report()
        let assembled = try await report.closeJSON(parallelism: parallelism)
        let whole = try JSONOutput.encode(report.result, pretty: false)
        #expect(assembled == whole)
        let decoded = try DocumentLoader.decoder().decode(CloseResult.self, from: assembled)
        #expect(decoded == report.result)
    }

    @Test func csvHasOneRowPerLineAndTaxWithExactAmounts() throws {
        let report = try report()
        let csv = report.invoiceLinesCSV()
        let records = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let invoices = report.result.customers.compactMap(\.invoice)
        let expected = invoices.reduce(0) { $0 + $1.lines.count + $1.taxes.count }
        #expect(records.count == expected + 1)
        // The amounts of each invoice's rows add up to its total, exactly, in minor units.
        for invoice in invoices {
            let rows = InvoiceRendering.csvRows(invoice, customerName: "x")
            let sum = try Money.sum(
                rows.map { try Money(parsing: $0[14], currency: invoice.currency) },
                currency: invoice.currency)
            #expect(sum == invoice.total, "\(invoice.key)")
        }
    }

    @Test func everyReportIsWellFormedWithThreeCharts() throws {
        let report = try report()
        for (customer, document) in zip(report.result.customers, report.input.customers) {
            let html = try report.html(customer, document: document)
            #expect(html.components(separatedBy: "<svg ").count - 1 == 3, "\(customer.customer)")
            let parser = XMLParser(data: Data(html.utf8))
            #expect(
                parser.parse(), "\(customer.customer): \(String(describing: parser.parserError))")
        }
    }

    @Test func dailyAvailabilityMatchesTheMonthlyDowntime() throws {
        // Each day's strict availability is (measured − down − unknown) / measured of that
        // day; summing the days' downtime share back gives the month's report whenever the
        // month's measured time is the sum of the days' (it is: days partition the month).
        let report = try report()
        var checked = 0
        for (customer, document) in zip(report.result.customers, report.input.customers) {
            let daily = try report.dailyAvailability(customer, document: document)
            for service in daily {
                #expect(service.days.count == 31)
                let monthly = try #require(
                    customer.availability.first { $0.service == service.service })
                let worstDay = try #require(service.days.map(\.availability).min())
                // No day can be better than 100% and the month cannot be worse than its
                // worst day.
                #expect(worstDay <= monthly.report.strictAvailability)
                checked += 1
            }
        }
        #expect(checked > 0)
    }
}
