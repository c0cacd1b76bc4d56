#!/usr/bin/env python3
"""Checks msp-close's HTML reports: each file is well-formed (XHTML-style, every element
closed and properly nested, parsed strictly as XML), is self-contained (no script, no
external reference) and contains at least MIN_SVG inline <svg> charts.

Usage: check-html.py MIN_SVG FILE...
"""
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}svg"


def check(path, min_svg):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    problems = []
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        return [f"not well-formed: {error}"]
    charts = [element for element in root.iter() if element.tag == SVG]
    if len(charts) < min_svg:
        problems.append(f"{len(charts)} <svg> charts, expected at least {min_svg}")
    for chart in charts:
        if not any(child.tag.endswith("}title") for child in chart):
            problems.append("an <svg> chart without a <title>")
        if not any(True for element in chart.iter() if element.tag.split("}")[-1] in
                   ("rect", "polyline", "circle", "line")):
            problems.append("an <svg> chart that draws nothing")
    for element in root.iter():
        name = element.tag.split("}")[-1]
        if name == "script":
            problems.append("contains a <script>")
        for attribute in ("src", "href"):
            value = element.get(attribute)
            if value and not value.startswith("#"):
                problems.append(f"external reference {attribute}={value!r}")
    if re.search(r"url\(\s*['\"]?https?:", text):
        problems.append("external url() in CSS")
    return problems


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    min_svg = int(argv[1])
    failures = 0
    for path in argv[2:]:
        problems = check(path, min_svg)
        for problem in problems:
            print(f"{path}: {problem}", file=sys.stderr)
        failures += bool(problems)
    print(f"html reports: {len(argv) - 2} checked, {failures} with problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
