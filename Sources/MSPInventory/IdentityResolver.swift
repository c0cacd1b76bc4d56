import Foundation
import MSPCore

/// A rule that says two device records may be the same machine, with a name and a
/// confidence that travel with every match it makes.
///
/// ```swift
/// let rule = try MatchRule(name: "same-board-serial", evidence: .serialNumber, confidence: 95)
/// ```
public struct MatchRule: Sendable, Hashable {
    /// The field two records must share.
    public enum Evidence: String, Sendable, Hashable, Codable, CaseIterable {
        /// The same manufacturer serial number (compared trimmed and case-insensitively).
        case serialNumber
        /// At least one MAC address in common.
        case macAddress
        /// The same RMM agent id.
        case agentID
    }

    /// The rule's name, reported with each match.
    public let name: String
    /// The field compared.
    public let evidence: Evidence
    /// How sure a match by this rule is, in percent, 1...100.
    public let confidence: Int

    /// Creates a rule.
    ///
    /// - Throws: ``InventoryError`` `invalidText` (field `"name"`), `outOfRange` (field
    ///   `"confidence"`) outside 1...100.
    public init(name: String, evidence: Evidence, confidence: Int) throws(InventoryError) {
        guard (1...100).contains(confidence) else {
            throw .outOfRange(Int64(confidence), allowed: "1...100", field: "confidence")
        }
        self.name = try validatedText(name, field: "name", limit: 64)
        self.evidence = evidence
        self.confidence = confidence
    }

    private init(builtIn name: String, evidence: Evidence, confidence: Int) {
        self.name = name
        self.evidence = evidence
        self.confidence = confidence
    }

    /// `"same-serial"`, 95 %: a re-imaged or reinstalled machine keeps its serial.
    public static var sameSerial: MatchRule {
        MatchRule(builtIn: "same-serial", evidence: .serialNumber, confidence: 95)
    }
    /// `"same-agent-id"`, 99 %: one agent installation reported twice.
    public static var sameAgentID: MatchRule {
        MatchRule(builtIn: "same-agent-id", evidence: .agentID, confidence: 99)
    }
    /// `"shared-mac"`, 80 %: a network adapter in common (adapters move between machines,
    /// hence the lower confidence).
    public static var sharedMAC: MatchRule {
        MatchRule(builtIn: "shared-mac", evidence: .macAddress, confidence: 80)
    }
}

/// Records that a rule says are one machine, all under one customer.
///
/// JSON: `{"devices": ["pc-new", "pc-old"], "customer": "acme", "rule": "same-serial",
/// "confidence": 95, "evidence": "SN-1"}`.
public struct DuplicateMatch: Sendable, Hashable, Codable {
    /// The records, sorted by identifier; at least two.
    public let devices: [DeviceID]
    /// The customer all of them are under.
    public let customer: CustomerID
    /// The rule's name.
    public let rule: String
    /// The rule's confidence, in percent.
    public let confidence: Int
    /// The shared value (normalised serial, MAC address or agent id).
    public let evidence: String
}

/// Records that share evidence but are under different customers: reported for a person
/// to decide, never merged by guess.
///
/// JSON: `{"devices": ["a", "b"], "customers": ["acme", "globex"], "rule": "same-serial",
/// "evidence": "SN-7"}`.
public struct IdentityConflict: Sendable, Hashable, Codable {
    /// The records, sorted by identifier; at least two.
    public let devices: [DeviceID]
    /// The distinct customers they are under, sorted.
    public let customers: [CustomerID]
    /// The rule's name.
    public let rule: String
    /// The shared value.
    public let evidence: String
}

/// What identity resolution found: likely duplicates, and conflicts to review.
///
/// JSON: `{"matches": [DuplicateMatch], "conflicts": [IdentityConflict]}`.
public struct IdentityReport: Sendable, Hashable, Codable {
    /// Groups of records under one customer that share evidence, by rule then evidence.
    public let matches: [DuplicateMatch]
    /// Groups that share evidence across customers, by rule then evidence.
    public let conflicts: [IdentityConflict]
}

/// Finds device records that are the same machine: same serial, a shared MAC address, the
/// same agent id, as its rules say.
///
/// A re-imaged machine reports a new agent id and keeps its serial: the rule
/// ``MatchRule/sameSerial`` matches the old and the new record. The same serial under two
/// customers is an ``IdentityConflict``, not a match. Placeholder values that many machines
/// share (`"To be filled by O.E.M."`, `"Default string"`, the all-zero MAC) are ignored.
///
/// ```swift
/// let report = IdentityResolver().resolve(try history.snapshot(at: now).devices)
/// for match in report.matches { print(match.rule, match.devices) }
/// ```
public struct IdentityResolver: Sendable, Hashable {
    /// The rules applied, in order.
    public let rules: [MatchRule]
    /// Serial numbers (compared upper-cased and trimmed) that never match.
    public let ignoredSerialNumbers: Set<String>
    /// MAC addresses that never match.
    public let ignoredMACAddresses: Set<MACAddress>

    /// Placeholder serials that firmware reports when the maker did not set one.
    public static var placeholderSerialNumbers: Set<String> {
        [
            "TO BE FILLED BY O.E.M.", "DEFAULT STRING", "SYSTEM SERIAL NUMBER", "0", "NONE",
            "N/A", "NOT SPECIFIED", "0123456789", "CHASSIS SERIAL NUMBER",
        ]
    }

    /// Creates a resolver.
    ///
    /// - Parameters:
    ///   - rules: The rules; by default same serial, same agent id, shared MAC.
    ///   - ignoredSerialNumbers: Serials that never match (upper-cased when compared); by
    ///     default ``placeholderSerialNumbers``.
    ///   - ignoredMACAddresses: MAC addresses that never match; by default none besides the
    ///     all-zero and broadcast addresses, which are always ignored.
    /// - Throws: ``InventoryError`` `duplicateID` (field `"rules"`) for two rules with one
    ///   name.
    public init(
        rules: [MatchRule] = [.sameSerial, .sameAgentID, .sharedMAC],
        ignoredSerialNumbers: Set<String> = IdentityResolver.placeholderSerialNumbers,
        ignoredMACAddresses: Set<MACAddress> = []
    ) throws(InventoryError) {
        var names = Set<String>()
        for rule in rules where !names.insert(rule.name).inserted {
            throw .duplicateID(rule.name, field: "rules", what: "match rule")
        }
        self.rules = rules
        self.ignoredSerialNumbers = Set(ignoredSerialNumbers.map(IdentityResolver.normalisedSerial))
        var macs = ignoredMACAddresses
        if let zero = try? MACAddress(value: 0) { macs.insert(zero) }
        if let broadcast = try? MACAddress(value: 0xFFFF_FFFF_FFFF) { macs.insert(broadcast) }
        self.ignoredMACAddresses = macs
    }

    /// A serial as compared: white space trimmed, upper-cased.
    public static func normalisedSerial(_ serial: String) -> String {
        serial.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }

    /// The evidence values `record` offers for `evidence`.
    private func values(of record: DeviceRecord, for evidence: MatchRule.Evidence) -> [String] {
        switch evidence {
        case .serialNumber:
            guard let serial = record.serialNumber else { return [] }
            let normal = Self.normalisedSerial(serial)
            return normal.isEmpty || ignoredSerialNumbers.contains(normal) ? [] : [normal]
        case .macAddress:
            return record.macAddresses.filter { !ignoredMACAddresses.contains($0) }.map(
                \.description)
        case .agentID:
            return record.agentID.map { [$0] } ?? []
        }
    }

    /// Groups `devices` that share evidence, rule by rule.
    ///
    /// - Complexity: O(*n* log *n*) per rule for *n* records.
    public func resolve(_ devices: [DeviceRecord]) -> IdentityReport {
        var matches: [DuplicateMatch] = []
        var conflicts: [IdentityConflict] = []
        for rule in rules {
            var groups: [String: [Int]] = [:]
            for (index, record) in devices.enumerated() {
                for value in values(of: record, for: rule.evidence) {
                    groups[value, default: []].append(index)
                }
            }
            for (value, members) in groups.sorted(by: { $0.key < $1.key }) {
                let ids = Array(Set(members.map { devices[$0].id })).sorted()
                guard ids.count > 1 else { continue }
                let customers = Array(Set(members.map { devices[$0].customer })).sorted()
                if customers.count == 1 {
                    matches.append(
                        DuplicateMatch(
                            devices: ids, customer: customers[0], rule: rule.name,
                            confidence: rule.confidence, evidence: value))
                } else {
                    conflicts.append(
                        IdentityConflict(
                            devices: ids, customers: customers, rule: rule.name, evidence: value))
                }
            }
        }
        return IdentityReport(matches: matches, conflicts: conflicts)
    }
}
