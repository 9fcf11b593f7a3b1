"""Calling the API from outside, as any HTTP client does: the bearer header, percentiles."""

from __future__ import annotations


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of samples, in the samples' unit."""
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]
