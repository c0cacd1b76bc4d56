// The coding keys `DocumentDecoder` and `DocumentEncoder` add to coding paths.

/// The key of an array element: its index (`"Index 3"`, as Foundation names it).
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(index: Int) { self.intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// The key `super`, under which `superDecoder()` and `superEncoder()` find their value.
struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }

    init() {}
    init?(stringValue: String) { if stringValue != "super" { return nil } }
    init?(intValue: Int) { nil }
}
