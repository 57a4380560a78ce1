"""Schemathesis hooks for the backend's API: loaded through SCHEMATHESIS_HOOKS by the
schemathesis test (tests/tests/schemathesis.rs).

A tus chunk (PATCH /v1/uploads/{id}) is raw bytes of the media type tus names; schemathesis has
no serializer for it, so chunks are drawn as bytes: empty, small, and up to a few kilobytes.
"""

import schemathesis
from hypothesis import strategies as st

schemathesis.openapi.media_type(
    "application/offset+octet-stream", st.binary(min_size=0, max_size=8192)
)
