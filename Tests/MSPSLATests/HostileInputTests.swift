import Foundation
import MSPCore
import MSPSLA
import MSPTestSupport
import Testing

private func json<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}

/// P1: first response 1 h and resolution 4 h, around the clock in UTC.
private func p1Engine() throws -> SLAEngine {
    try engine([(.firstResponse, hours(1)), (.resolution, hours(4))], calendar: allDay("UTC"))
}

/// 2026-03-02T09:00:00Z plus `seconds`.
private func at(_ seconds: Double) -> Date {
    Date(timeIntervalSince1970: 1_772_442_000 + seconds)
}

/// The first-response evaluation of `events` at 10:00.
private func firstResponse(_ events: [TicketEvent]) throws -> String {
    let result = try p1Engine().evaluate(events, asOf: at(3_600))
    guard let target = result.targets.first(where: { $0.kind == .firstResponse }) else {
        return "no first-response target"
    }
    return "\(target.status) after \(target.elapsed)"
}

/// Hostile inputs to MSPSLA: impossible targets and policies, broken timelines (missing,
/// duplicate and out-of-order events, instants at the ends of time), 100,000 events
/// shuffled or repeated, and JSON of the wrong shape.
let hostileSLAInputs: [HostileInput] = [
    // Targets and policies
    HostileInput(name: "target of -5 ms", expected: "SLAError.negativeTarget") {
        outcome { try SLATarget(kind: .resolution, duration: .milliseconds(-5), calendar: "cal") }
    },
    HostileInput(name: "target of Int64.max seconds", expected: "SLAError.targetTooLong") {
        outcome { try SLATarget(kind: .resolution, duration: .seconds(Int64.max), calendar: "cal") }
    },
    HostileInput(name: "target of 101 years", expected: "SLAError.targetTooLong") {
        outcome {
            try SLATarget(
                kind: .resolution, duration: .seconds(101 * 366 * 86_400), calendar: "cal")
        }
    },
    HostileInput(name: "warning at 0", expected: "SLAError.invalidThreshold") {
        outcome {
            try SLATarget(
                kind: .resolution, duration: hours(1), calendar: "cal",
                warningThresholds: [.zero])
        }
    },
    HostileInput(name: "warning at 3/2", expected: "SLAError.invalidThreshold") {
        outcome {
            try SLATarget(
                kind: .resolution, duration: hours(1), calendar: "cal",
                warningThresholds: [Rational(3, 2)])
        }
    },
    HostileInput(name: "policy without targets", expected: "SLAError.emptyPolicy") {
        outcome { try SLAPolicy(targets: [:]) }
    },
    HostileInput(name: "two resolution targets for P1", expected: "SLAError.duplicateTarget") {
        outcome {
            let target = try SLATarget(kind: .resolution, duration: hours(1), calendar: "cal")
            return try SLAPolicy(targets: ["P1": [target, target]])
        }
    },
    HostileInput(name: "a calendar name not given", expected: "SLAError.unknownCalendar") {
        outcome {
            let target = try SLATarget(kind: .resolution, duration: hours(1), calendar: "office")
            return try SLAEngine(
                policy: SLAPolicy(targets: ["P1": [target]]), calendars: ["cal": allDay("UTC")])
        }
    },
    // Timelines
    HostileInput(name: "no creation", expected: "SLAError.missingCreation") {
        outcome { try firstResponse([TicketEvent(.publicReply, at: at(60))]) }
    },
    HostileInput(name: "two creations", expected: "SLAError.duplicateCreation") {
        outcome {
            try firstResponse([
                TicketEvent(.created(priority: "P1"), at: at(0)),
                TicketEvent(.created(priority: "P1"), at: at(60)),
            ])
        }
    },
    HostileInput(name: "a reply before the creation", expected: "SLAError.eventBeforeCreation") {
        outcome {
            try firstResponse([
                TicketEvent(.created(priority: "P1"), at: at(60)),
                TicketEvent(.publicReply, at: at(0)),
            ])
        }
    },
    HostileInput(name: "resolved twice", expected: "SLAError.invalidTransition") {
        outcome {
            try firstResponse([
                TicketEvent(.created(priority: "P1"), at: at(0)),
                TicketEvent(.resolved, at: at(60)),
                TicketEvent(.resolved, at: at(120)),
            ])
        }
    },
    HostileInput(name: "reopened while open", expected: "SLAError.invalidTransition") {
        outcome {
            try firstResponse([
                TicketEvent(.created(priority: "P1"), at: at(0)),
                TicketEvent(.reopened, at: at(60)),
            ])
        }
    },
    HostileInput(name: "a priority the policy lacks", expected: "SLAError.unknownPriority") {
        outcome { try firstResponse([TicketEvent(.created(priority: "P9"), at: at(0))]) }
    },
    HostileInput(name: "as of before the creation", expected: "SLAError.asOfBeforeCreation") {
        outcome {
            try p1Engine().evaluate(
                [TicketEvent(.created(priority: "P1"), at: at(0))], asOf: at(-1))
        }
    },
    HostileInput(name: "as of 10^15 s after 1970", expected: "SLAError.invalidInstant") {
        outcome {
            try p1Engine().evaluate(
                [TicketEvent(.created(priority: "P1"), at: at(0))],
                asOf: Date(timeIntervalSince1970: 1e15))
        }
    },
    HostileInput(name: "an event at 10^15 s", expected: "SLAError.invalidInstant") {
        outcome {
            try firstResponse([
                TicketEvent(.created(priority: "P1"), at: at(0)),
                TicketEvent(.publicReply, at: Date(timeIntervalSince1970: 1e15)),
            ])
        }
    },
    HostileInput(name: "as of the distant future (year 4001)", expected: "SLAError.calendar") {
        // A valid instant, but beyond the compiled calendar's horizon.
        outcome {
            try p1Engine().evaluate(
                [TicketEvent(.created(priority: "P1"), at: at(0))], asOf: .distantFuture)
        }
    },
    HostileInput(name: "as of beyond the calendar's horizon", expected: "SLAError.calendar") {
        outcome {
            try p1Engine().evaluate(
                [TicketEvent(.created(priority: "P1"), at: at(0))],
                asOf: Date(timeIntervalSince1970: 1_893_456_000))  // 2030-01-01
        }
    },
    HostileInput(name: "100,000 replies in reverse order", expected: "valid: met after 1.0 seconds")
    {
        // The earliest reply, 1 s after the creation, meets the first response.
        outcome {
            var events = (1...100_000).reversed().map {
                TicketEvent(.publicReply, at: at(Double($0)))
            }
            events.append(TicketEvent(.created(priority: "P1"), at: at(0)))
            return try firstResponse(events)
        }
    },
    HostileInput(name: "100,000 identical replies", expected: "valid: met after 120.0 seconds") {
        // Identical events are one fact: the reply 2 min after the creation.
        outcome {
            try firstResponse(
                [TicketEvent(.created(priority: "P1"), at: at(0))]
                    + Array(repeating: TicketEvent(.publicReply, at: at(120)), count: 100_000))
        }
    },
    // JSON
    HostileInput(name: "an unknown ticket event", expected: "DecodingError") {
        outcome { try json(TicketEvent.self, #"{"at": 0, "event": "escalated"}"#) }
    },
    HostileInput(name: "an event instant as text", expected: "DecodingError") {
        outcome {
            try json(TicketEvent.self, #"{"at": "2026-03-02T09:00:00Z", "event": "publicReply"}"#)
        }
    },
    HostileInput(name: "an event instant of 1e300", expected: "DecodingError") {
        outcome { try json(TicketEvent.self, #"{"at": 1e300, "event": "publicReply"}"#) }
    },
    HostileInput(name: "an event instant of Int64.max ms", expected: "DecodingError") {
        // Outside years 1...9999 (found by FuzzTicketTimeline: it used to decode).
        outcome { try json(TicketEvent.self, #"{"at": 9223372036854775807, "event": "resolved"}"#) }
    },
    HostileInput(name: "a policy of 100,000 nested arrays", expected: "DecodingError") {
        outcome {
            try json(
                SLAPolicy.self,
                String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        }
    },
    HostileInput(name: "a JSON target of -5 ms", expected: "SLAError.negativeTarget") {
        outcome {
            try json(
                SLATarget.self, #"{"kind": "resolution", "milliseconds": -5, "calendar": "cal"}"#)
        }
    },
    HostileInput(name: "an unknown target kind", expected: "DecodingError") {
        outcome {
            try json(
                SLATarget.self, #"{"kind": "onsite", "milliseconds": 5, "calendar": "cal"}"#)
        }
    },
]

@Suite struct HostileInputTests {
    @Test(arguments: hostileSLAInputs)
    func hostileInputIsRejectedOrDocumented(_ input: HostileInput) {
        #expect(input.run() == input.expected)
    }

    @Test func namesAreUnique() {
        #expect(Set(hostileSLAInputs.map(\.name)).count == hostileSLAInputs.count)
    }
}
