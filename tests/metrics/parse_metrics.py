#!/usr/bin/python3
"""Reads a Prometheus text exposition on stdin with the Prometheus project's own parser
(python3-prometheus-client's text_string_to_metric_families, Debian's) and prints, as one JSON
object, each family's type and help and every sample (name, labels, value; +Inf as "+Inf").
Exits 1 with the parser's message when the text does not parse."""
import json
import math
import sys

from prometheus_client.parser import text_string_to_metric_families


def number(value):
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return value


try:
    families = list(text_string_to_metric_families(sys.stdin.read()))
except Exception as error:  # the parser raises ValueError and others on malformed text
    print(json.dumps({"error": f"{type(error).__name__}: {error}"}))
    sys.exit(1)
print(json.dumps({
    "families": {family.name: {"type": family.type, "help": family.documentation}
                 for family in families},
    "samples": [{"name": sample.name, "labels": sample.labels, "value": number(sample.value)}
                for family in families for sample in family.samples],
}))
