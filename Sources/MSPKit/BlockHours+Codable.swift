import Foundation
import MSPBilling
import MSPCore

extension BlockHours {
    private enum CodingKeys: String, CodingKey { case blocks, draws, rolloverCap, overageRate }
    private enum DrawKeys: String, CodingKey { case id, workDate, quantity, multiplier }

    /// Decodes `{"blocks": [PrepaidBlock], "draws": [{"id": "D-1", "workDate":
    /// "2026-10-06T14:00:00.000Z", "quantity": 240, "multiplier": "3/2"}], "rolloverCap":
    /// 120, "overageRate": {"amount": "150.00", "currency": "USD"}}`.
    ///
    /// Draws are block-hour draws (kind `hours`, quantity in minutes); `multiplier` defaults
    /// to `"1"`, `rolloverCap` may be omitted; `workDate` is an ISO 8601 instant in UTC.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var list = try container.nestedUnkeyedContainer(forKey: .draws)
        var draws: [BlockDraw] = []
        while !list.isAtEnd {
            let draw = try list.nestedContainer(keyedBy: DrawKeys.self)
            let workDate = try draw.decodeISO8601Instant(forKey: .workDate)
            draws.append(
                try BlockDraw(
                    id: try draw.decode(String.self, forKey: .id), kind: .hours,
                    workDate: workDate, quantity: try draw.decode(Int64.self, forKey: .quantity),
                    multiplier: try draw.decodeIfPresent(Rational.self, forKey: .multiplier) ?? .one
                ))
        }
        self.init(
            blocks: try container.decode([PrepaidBlock].self, forKey: .blocks), draws: draws,
            rolloverCap: try container.decodeIfPresent(Int64.self, forKey: .rolloverCap),
            overageRate: try container.decode(PreciseMoney.self, forKey: .overageRate))
    }

    /// Encodes the shape above, instants at millisecond resolution.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(blocks, forKey: .blocks)
        var list = container.nestedUnkeyedContainer(forKey: .draws)
        for item in draws {
            var draw = list.nestedContainer(keyedBy: DrawKeys.self)
            try draw.encode(item.id, forKey: .id)
            try draw.encodeISO8601Instant(item.workDate, forKey: .workDate)
            try draw.encode(item.quantity, forKey: .quantity)
            try draw.encode(item.multiplier, forKey: .multiplier)
        }
        try container.encodeIfPresent(rolloverCap, forKey: .rolloverCap)
        try container.encode(overageRate, forKey: .overageRate)
    }
}
