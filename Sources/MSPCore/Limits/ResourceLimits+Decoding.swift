extension ResourceLimits {
    /// The `userInfo` key under which a decoder carries the ``ResourceLimits`` that the
    /// library's decoders apply: `"org.mspkit.resourceLimits"`.
    ///
    /// ```swift
    /// let decoder = JSONDecoder()
    /// decoder.userInfo[ResourceLimits.codingUserInfoKey] =
    ///     try ResourceLimits(decodedCollectionElements: 10_000)
    /// ```
    public static let codingUserInfoKey: CodingUserInfoKey = {
        // The standard library's failable initialiser is `self.rawValue = rawValue`: it
        // returns a key for every string, and this string is a constant.
        guard let key = CodingUserInfoKey(rawValue: "org.mspkit.resourceLimits") else {
            preconditionFailure()  // justified: a constant key, no caller data
        }
        return key
    }()

    /// The limits `decoder` carries in its `userInfo` under ``codingUserInfoKey``, or
    /// ``default`` when it carries none.
    ///
    /// - Throws: ``ResourceLimitError`` `invalidUserInfo` when the value under the key is not
    ///   a `ResourceLimits`, so that a host's mistake is not silently ignored.
    public init(decoder: any Decoder) throws(ResourceLimitError) {
        guard let value = decoder.userInfo[ResourceLimits.codingUserInfoKey] else {
            self = .default
            return
        }
        guard let limits = value as? ResourceLimits else {
            throw .invalidUserInfo(type(of: value))
        }
        self = limits
    }

    /// Decodes the array under `key`, refusing one with more than
    /// ``decodedCollectionElements`` elements before decoding any of them (when the decoder
    /// knows the count, as `JSONDecoder` does) or as soon as the limit is passed (when it
    /// does not).
    ///
    /// The library's decoders of documents with unbounded collections (tier bands, price
    /// plan components, inventory customers and events, ticket timelines) read their arrays
    /// through this; a host's own `Decodable` types can too. Like the library's other
    /// validation failures in decoding, the error is a `DecodingError.dataCorrupted` whose
    /// coding path is the container's and whose `underlyingError` is the
    /// ``ResourceLimitError``, whose field is the key.
    ///
    /// - Parameters:
    ///   - type: The element type.
    ///   - key: The key of the array.
    ///   - container: The container holding it.
    /// - Returns: The elements, in order.
    /// - Throws: `DecodingError.dataCorrupted` with ``ResourceLimitError`` `tooManyElements`
    ///   as its underlying error; any error of decoding the elements.
    /// - Complexity: O(*n*) element decodings for *n* ≤ ``decodedCollectionElements``.
    public func decodeArray<Element: Decodable, Key: CodingKey>(
        _ type: Element.Type, forKey key: Key, in container: KeyedDecodingContainer<Key>
    ) throws -> [Element] {
        var elements = try container.nestedUnkeyedContainer(forKey: key)
        let limit = decodedCollectionElements
        func tooMany(_ count: String) -> DecodingError {
            let error = ResourceLimitError.tooManyElements(
                count, field: key.stringValue, limit: limit)
            return DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: container.codingPath,
                    debugDescription: "\(key.stringValue): \(error)", underlyingError: error))
        }
        if let count = elements.count, count > limit { throw tooMany(String(count)) }
        var result: [Element] = []
        result.reserveCapacity(Swift.min(elements.count ?? 0, limit))
        while !elements.isAtEnd {
            guard result.count < limit else { throw tooMany("more than \(limit)") }
            result.append(try elements.decode(Element.self))
        }
        return result
    }
}

extension ResourceLimits {
    /// Decodes the array under `key` as ``decodeArray(_:forKey:in:)`` does, or returns `nil`
    /// when the key is absent or `null`.
    ///
    /// - Parameters:
    ///   - type: The element type.
    ///   - key: The key of the array.
    ///   - container: The container holding it.
    /// - Returns: The elements, in order, or `nil`.
    /// - Throws: as ``decodeArray(_:forKey:in:)``.
    public func decodeArrayIfPresent<Element: Decodable, Key: CodingKey>(
        _ type: Element.Type, forKey key: Key, in container: KeyedDecodingContainer<Key>
    ) throws -> [Element]? {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return nil }
        return try decodeArray(type, forKey: key, in: container)
    }
}
