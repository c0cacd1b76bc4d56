import Foundation
import MSPCore
import MSPInventory
import Testing

@Suite struct LifecycleTests {
    private func record(
        _ id: String, kind: DeviceKind = .laptop, warranty: String? = nil, eol: String? = nil,
        status: LifecycleStatus = .active, os: (String, String)? = nil, site: String? = nil,
        user: String? = nil, serial: String? = nil, customer: String = "acme"
    ) throws -> DeviceRecord {
        try DeviceRecord(
            id: DeviceID(id), kind: kind, customer: CustomerID(customer),
            site: site.map { try SiteID($0) }, serialNumber: serial,
            operatingSystem: os.map { try OperatingSystem(name: $0.0, version: $0.1) },
            warrantyEnd: warranty.map { try day($0) }, endOfLife: eol.map { try day($0) },
            status: status, assignedUser: user.map { try UserID($0) })
    }

    @Test func warrantyAndEndOfLifeWindows() throws {
        // Today is 2026-04-10 in New York; the window is 30 days, to 2026-05-10.
        var list = EventList()
        try list.add(record("soon", warranty: "2026-05-10"), at: "2026-01-01T00:00:00Z")
        try list.add(record("today", warranty: "2026-04-10"), at: "2026-01-01T00:00:00Z")
        try list.add(record("later", warranty: "2026-05-11"), at: "2026-01-01T00:00:00Z")
        try list.add(record("over", warranty: "2026-04-09"), at: "2026-01-01T00:00:00Z")
        try list.add(record("eol-now", eol: "2026-04-10"), at: "2026-01-01T00:00:00Z")
        try list.add(record("eol-soon", eol: "2026-05-10"), at: "2026-01-01T00:00:00Z")
        try list.add(
            record("gone", warranty: "2020-01-01", eol: "2020-01-01", status: .retired),
            at: "2026-01-01T00:00:00Z")
        let history = try InventoryHistory(customers: [customer("acme")], events: list.events)
        // 2026-04-11T02:00Z is still 04-10 22:00 in New York.
        let report = try history.lifecycleReport(
            at: instant("2026-04-11T02:00:00Z"), withinDays: 30)
        #expect(report.warrantyEndingSoon.map(\.rawValue) == ["soon", "today"])
        #expect(report.outOfWarranty.map(\.rawValue) == ["over"])
        #expect(report.pastEndOfLife.map(\.rawValue) == ["eol-now"])
        #expect(report.reachingEndOfLife.map(\.rawValue) == ["eol-soon"])
        #expect(throws: InventoryError.outOfRange(-1, allowed: "0...36500", field: "withinDays")) {
            try history.lifecycleReport(at: instant("2026-04-11T02:00:00Z"), withinDays: -1)
        }
    }

    @Test(arguments: [
        ("10.0.19045", "10.0.19045", 0), ("10.0.9", "10.0.19045", -1), ("11", "10.0.19045", 1),
        ("24.04", "24.04.0", 0), ("14.2.1", "14.10", -1),
    ])
    func versionsCompareByComponent(lhs: String, rhs: String, expected: Int) {
        #expect(MinimumOperatingSystemVersion.compare(lhs, rhs) == expected)
    }

    @Test func onboardingAssessment() throws {
        let hq = try Site(id: SiteID("hq"), customer: CustomerID("acme"), name: "HQ")
        var list = EventList()
        try list.add(
            record(
                "pc-1", kind: .workstation, warranty: "2027-01-01", os: ("Windows", "10.0.22631"),
                site: "hq", user: "jo"), at: "2026-01-01T00:00:00Z")
        try list.add(
            record("lap-1", warranty: "2025-12-31", os: ("Windows", "10.0.19044"), serial: "S-1"),
            at: "2026-01-01T00:00:00Z")
        try list.add(
            record("lap-1b", warranty: "2025-12-31", os: ("Windows", "10.0.19045"), serial: "s-1"),
            at: "2026-02-01T00:00:00Z")
        try list.add(
            record("srv-1", kind: .server, eol: "2026-01-01", os: ("Ubuntu", "20.04"), site: "hq"),
            at: "2026-01-01T00:00:00Z")
        try list.add(record("old", status: .retired), at: "2026-01-01T00:00:00Z")
        try list.add(record("other", customer: "globex"), at: "2026-01-01T00:00:00Z")
        let history = try InventoryHistory(
            customers: [customer("acme"), customer("globex")], sites: [hq], events: list.events)
        let rules: [any PolicyRule] = [
            MinimumOperatingSystemVersion(operatingSystem: "Windows", minimumVersion: "10.0.19045"),
            ActiveWarrantyRequired(),
        ]
        let assessment = try history.assessment(
            of: CustomerID("acme"), at: instant("2026-04-10T12:00:00Z"), rules: rules)
        // pc-1, lap-1, lap-1b, srv-1: 4 devices (old is retired, other is globex's).
        #expect(assessment.deviceCount == 4)
        #expect(assessment.date == (try day("2026-04-10")))
        #expect(assessment.devicesByKind == [.workstation: 1, .laptop: 2, .server: 1])
        #expect(assessment.devicesByOperatingSystem == ["Windows": 3, "Ubuntu": 1])
        #expect(assessment.devicesBySite == [try SiteID("hq"): 2])
        #expect(assessment.devicesWithoutSite == 2)
        #expect(assessment.outOfWarranty.map(\.rawValue) == ["lap-1", "lap-1b"])
        #expect(assessment.pastEndOfLife.map(\.rawValue) == ["srv-1"])
        #expect(assessment.unassigned.map(\.rawValue) == ["lap-1", "lap-1b"])
        #expect(
            assessment.suspectedDuplicates.map(\.devices) == [
                [try DeviceID("lap-1"), try DeviceID("lap-1b")]
            ])
        #expect(
            assessment.violations.map { "\($0.device) \($0.rule)" } == [
                // Devices in the order they were added: lap-1b came last, in February.
                "lap-1 minimum-os-version", "lap-1 active-warranty", "srv-1 active-warranty",
                "lap-1b active-warranty",
            ])
        #expect(assessment.violations.first?.message == "Windows 10.0.19044 is below 10.0.19045")
        #expect(throws: InventoryError.unknownCustomer(try CustomerID("nobody"), field: "customer"))
        {
            try history.assessment(of: CustomerID("nobody"), at: instant("2026-04-10T12:00:00Z"))
        }
    }
}
