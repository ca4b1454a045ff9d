#!/usr/bin/env python3
"""The oracle for tests/oracles/bitwise.test.ts: Python's int, whose bitwise operators are the
semantics calc promises (infinite two's complement), and whose precedence is calc's.

One request a line: calc's expression text (integers, hex literals, + - * ~ & | xor << >> and
parentheses). One answer a line: {"value": "123"} or {"error": "…"}. The text is checked to hold only
those tokens, then evaluated with `xor` written as Python's `^`.
"""
import json
import re
import sys

ALLOWED = re.compile(r"^(?:\s|0x[0-9a-f]+|\d+|xor|<<|>>|[-+*~&|()])*$")

for line in sys.stdin:
    text = line.strip()
    if not ALLOWED.match(text):
        print(json.dumps({"oracle_failed": f"unexpected text: {text}"}), flush=True)
        continue
    try:
        value = eval(text.replace("xor", "^"), {"__builtins__": {}}, {})
        print(json.dumps({"value": str(value)}), flush=True)
    except ValueError as error:
        print(json.dumps({"error": str(error)}), flush=True)
