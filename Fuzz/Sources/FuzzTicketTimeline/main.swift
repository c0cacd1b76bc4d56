import FuzzSupport

runFuzzer { data, size in fuzzTicketTimeline(data, size) }
