import FuzzSupport

runFuzzer { data, size in fuzzTierRating(data, size) }
