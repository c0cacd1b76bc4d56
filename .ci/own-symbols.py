#!/usr/bin/env python3
"""Keep only a module's own symbols in its symbol graph.

An umbrella module that re-exports others (`@_exported import`) gets their symbols in its
own graph, and DocC then fails on their cross-module links. This keeps the symbols declared
under Sources/<module>/ (and those without a location, such as synthesized members of the
module's own types) and the relationships whose source is kept.

usage: own-symbols.py <graph-dir> <module> <sources-dir>
"""
import json
import os
import sys

graph_dir, module, sources = sys.argv[1], sys.argv[2], os.path.realpath(sys.argv[3])
path = os.path.join(graph_dir, f"{module}.symbols.json")
with open(path) as handle:
    graph = json.load(handle)
own = os.path.join(sources, module) + os.sep


def is_own(symbol):
    uri = symbol.get("location", {}).get("uri")
    if uri is None:
        return True
    return os.path.realpath(uri.removeprefix("file://")).startswith(own)


kept = [symbol for symbol in graph["symbols"] if is_own(symbol)]
ids = {symbol["identifier"]["precise"] for symbol in kept}
graph["symbols"] = kept
graph["relationships"] = [r for r in graph["relationships"] if r["source"] in ids]
with open(path, "w") as handle:
    json.dump(graph, handle)
print(f"{module}: kept {len(kept)} own symbols")
