#!/usr/bin/env python3
"""Run `memmap ARGS...` and, when ARGS is --experimental-dump-help, add "(default: X)" to each
option's help as `memmap --help` shows it: swift-argument-parser's generate-manual leaves defaults
out of the man pages. Usage: help-with-defaults.py MEMMAP ARGS..."""
import json
import subprocess
import sys

output = subprocess.run(sys.argv[1:], check=True, stdout=subprocess.PIPE).stdout
if sys.argv[2:] != ["--experimental-dump-help"]:
    sys.stdout.buffer.write(output)
    sys.exit(0)


def add_defaults(command):
    for argument in command.get("arguments", []):
        default = argument.get("defaultValue")
        abstract = argument.get("abstract", "")
        if argument.get("kind") != "flag" and default and "default:" not in abstract:
            argument["abstract"] = f"{abstract.rstrip()} (default: {default})".lstrip()
    for subcommand in command.get("subcommands", []):
        add_defaults(subcommand)


info = json.loads(output)
add_defaults(info["command"])
json.dump(info, sys.stdout)
