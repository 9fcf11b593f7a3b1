"""A blueprint whose JSON bodies cannot crash the parser.

Python's json module recurses per nesting level, so a 64 KiB body of ``[[[[...]]]]`` raises
RecursionError (a 500) inside webargs; here it is refused like any other invalid JSON (400).
"""

from __future__ import annotations

import json

import flask_smorest
from webargs.flaskparser import FlaskParser


class SafeJsonParser(FlaskParser):
    def _raw_load_json(self, req):
        try:
            return super()._raw_load_json(req)
        except RecursionError:
            raise json.JSONDecodeError("JSON nested too deeply", doc="(body)", pos=0) from None


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = SafeJsonParser()
