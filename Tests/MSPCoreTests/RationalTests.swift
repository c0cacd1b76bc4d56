import MSPCore
import Testing

@Suite struct RationalTests {
    @Test func reducesToLowestTerms() throws {
        let value = try Rational(6, -8)
        #expect(value.numerator == -3)
        #expect(value.denominator == 4)
    }
}
