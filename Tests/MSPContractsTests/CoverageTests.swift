import Foundation
import MSPBilling
import MSPCore
import Testing

@testable import MSPContracts

/// Hourly price in US dollars from its canonical text.
private func hourly(_ text: String) throws -> PreciseMoney {
    try PreciseMoney(parsing: text, currency: .usd)
}

/// A one-hour entry on 2026-03-02 for customer ACME.
private func entry(
    _ id: String, role: String, workType: String, status: TimeEntry.Status = .billable
) throws -> TimeEntry {
    try TimeEntry(
        id: id, customer: CustomerID("ACME"), role: role, workType: workType,
        start: instant("2026-03-02T10:00:00Z"), end: instant("2026-03-02T11:00:00Z"),
        status: status)
}

@Suite struct CoverageTests {
    /// Included remote and onsite; project work excluded (billable); warranty never charged.
    /// Overrides: engineer on project work 95.00/h, anyone on project work 110.00/h.
    /// Price list: engineer training 120.00/h.
    private func coverage() throws -> Coverage {
        try Coverage(
            includedWorkTypes: ["remote", "onsite"], excludedWorkTypes: ["project"],
            noChargeWorkTypes: ["warranty"],
            rateOverrides: [
                .init(workType: "project", hourly: hourly("110.00")),
                .init(role: "engineer", workType: "project", hourly: hourly("95.00")),
            ])
    }

    private func priceList() throws -> [TimeAndMaterials.Rate] {
        [
            .init(role: "engineer", workType: "training", hourly: try hourly("120.00")),
            .init(role: "engineer", workType: "project", hourly: try hourly("150.00")),
        ]
    }

    @Test func classifiesUnderAnExclusionSet() throws {
        let coverage = try coverage()
        let rates = try priceList()
        // remote is included → covered; the rule is the included set.
        let remote = try coverage.classify(
            entry("T1", role: "engineer", workType: "remote"), rates: rates)
        #expect(
            remote
                == CoverageClassification(
                    entry: "T1", outcome: .covered, reason: .includedWorkType("remote")))
        // project is excluded → billable. Two overrides match an engineer's project entry;
        // role + work type (95.00) is more specific than work type alone (110.00), and both
        // beat the price list's 150.00.
        let project = try coverage.classify(
            entry("T2", role: "engineer", workType: "project"), rates: rates)
        #expect(
            project
                == CoverageClassification(
                    entry: "T2", outcome: .billable(try hourly("95.00")),
                    reason: .excludedWorkType("project"),
                    rateSource: .override(role: "engineer", workType: "project")))
        // An architect's project entry matches only the work-type override: 110.00.
        let architect = try coverage.classify(
            entry("T3", role: "architect", workType: "project"), rates: rates)
        #expect(architect.outcome == .billable(try hourly("110.00")))
        #expect(architect.rateSource == .override(role: nil, workType: "project"))
        // training is in no set → out of scope, billed at the price list's 120.00.
        let training = try coverage.classify(
            entry("T4", role: "engineer", workType: "training"), rates: rates)
        #expect(
            training
                == CoverageClassification(
                    entry: "T4", outcome: .billable(try hourly("120.00")),
                    reason: .outOfScope("training"), rateSource: .priceList))
        // warranty → no charge by the no-charge set; an included entry marked no charge is
        // no charge by its mark, which is checked first.
        let warranty = try coverage.classify(
            entry("T5", role: "engineer", workType: "warranty"), rates: rates)
        #expect(warranty.outcome == .noCharge)
        #expect(warranty.reason == .noChargeWorkType("warranty"))
        let marked = try coverage.classify(
            entry("T6", role: "engineer", workType: "project", status: .noCharge), rates: rates)
        #expect(
            marked
                == CoverageClassification(entry: "T6", outcome: .noCharge, reason: .markedNoCharge))
    }

    @Test func roleOnlyOverrideAppliesToOutOfScopeWork() throws {
        // A role override for seniors (200.00/h) prices any billable work type of theirs.
        let coverage = try Coverage(
            includedWorkTypes: ["remote"],
            rateOverrides: [.init(role: "senior", hourly: hourly("200.00"))])
        let result = try coverage.classify(
            entry("T1", role: "senior", workType: "migration"), rates: [])
        #expect(result.outcome == .billable(try hourly("200.00")))
        #expect(result.rateSource == .override(role: "senior", workType: nil))
        #expect(result.reason == .outOfScope("migration"))
    }

    @Test func billableWithoutARateIsATypedError() throws {
        let coverage = try coverage()
        #expect(
            throws: ContractError.unknownRate(role: "intern", workType: "training", entry: "T9")
        ) {
            try coverage.classify(
                entry("T9", role: "intern", workType: "training"), rates: priceList())
        }
    }

    @Test func conflictingSetsAreRejected() throws {
        #expect(
            throws: ContractError.conflictingCoverage(
                "remote", first: "includedWorkTypes", second: "excludedWorkTypes")
        ) {
            try Coverage(includedWorkTypes: ["remote", "onsite"], excludedWorkTypes: ["remote"])
        }
        #expect(
            throws: ContractError.conflictingCoverage(
                "warranty", first: "excludedWorkTypes", second: "noChargeWorkTypes")
        ) {
            try Coverage(
                includedWorkTypes: [], excludedWorkTypes: ["warranty"],
                noChargeWorkTypes: ["warranty"])
        }
    }

    @Test func badOverridesAreRejected() throws {
        #expect(
            throws: ContractError.invalidCoverage(
                field: "rateOverrides[0]", value: "nil", reason: "names no role or work type")
        ) {
            try Coverage(includedWorkTypes: [], rateOverrides: [.init(hourly: hourly("1.00"))])
        }
        #expect(
            throws: ContractError.invalidCoverage(
                field: "rateOverrides[1]", value: "engineer/*",
                reason: "repeats an earlier override")
        ) {
            try Coverage(
                includedWorkTypes: [],
                rateOverrides: [
                    .init(role: "engineer", hourly: hourly("1.00")),
                    .init(role: "engineer", hourly: hourly("2.00")),
                ])
        }
        let error = #expect(throws: ContractError.self) {
            try Coverage(
                includedWorkTypes: [], rateOverrides: [.init(role: "x", hourly: hourly("-1.00"))])
        }
        #expect(error?.code == .invalidCoverage)
        #expect(error?.field == "rateOverrides[0].hourly")
    }

    @Test func codableShapeIsSortedAndValidated() throws {
        let coverage = try Coverage(
            includedWorkTypes: ["remote", "onsite"], excludedWorkTypes: ["project"],
            rateOverrides: [.init(role: "engineer", hourly: hourly("95.00"))])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(coverage), as: UTF8.self)
        #expect(
            json
                == #"{"excludedWorkTypes":["project"],"includedWorkTypes":["onsite","remote"],"#
                + #""noChargeWorkTypes":[],"rateOverrides":[{"hourly":{"amount":"95.00","currency":"USD"},"#
                + #""role":"engineer"}]}"#)
        #expect(try JSONDecoder().decode(Coverage.self, from: Data(json.utf8)) == coverage)
        let conflicting = #"{"includedWorkTypes":["remote"],"excludedWorkTypes":["remote"]}"#
        #expect(
            throws: ContractError.conflictingCoverage(
                "remote", first: "includedWorkTypes", second: "excludedWorkTypes")
        ) {
            try JSONDecoder().decode(Coverage.self, from: Data(conflicting.utf8))
        }
    }
}
