"""The search benchmark's report: its figures (bench/search.py's phases) as lines of text."""

from __future__ import annotations

import os
import statistics
from typing import Any

TARGET_PAGE_P95_MS = 30.0
TARGET_FACADE_RATIO = 1.5
TARGET_POSTGRES_COMMON_P95_MS = 50.0
TARGET_SIMILAR_MS = 50.0
TARGET_HIT_RATE = 0.95  # decks with a related deck among their first few, as in tests
TARGET_SLIDES = 1_000_000
TARGET_DECKS = 33_000

KINDS = (
    ("common", "one word, common"),
    ("rare", "one word, rare"),
    ("three", "three words"),
    ("phrase", "phrase"),
)


def percentiles(seconds: list[float]) -> dict[str, float]:
    """p50, p95, p99 and the maximum, in milliseconds (at least two values)."""
    cuts = statistics.quantiles(seconds, n=100, method="inclusive")
    ms = 1000.0
    return {
        "p50": cuts[49] * ms,
        "p95": cuts[94] * ms,
        "p99": cuts[98] * ms,
        "max": max(seconds) * ms,
    }


def report(
    embedded: dict[str, Any], postgres: dict[str, Any], load_average: str, queries: int
) -> list[str]:
    """`queries`: how many of each kind were timed."""
    return [
        *build_lines(embedded, load_average),
        "",
        *latency_lines(embedded, queries),
        "",
        *labelled_lines(embedded),
        "",
        *postgres_lines(postgres),
        "",
        *target_lines(embedded, postgres),
        *labelled_targets(embedded),
    ]


def build_lines(embedded: dict[str, Any], load_average: str) -> list[str]:
    slides, decks, zipf = embedded["slides"], embedded["decks"], embedded["zipf"]
    index_bytes = embedded["index_bytes"]
    index_mb = sum(index_bytes.values()) / 1e6
    key_terms_ms = embedded["key_terms"] / decks * 1000
    return [
        f"Search: {slides:,} slides in {decks:,} decks (2/3 Swedish, 1/3 English; Zipf s "
        f"fitted {zipf['sv']:.2f} sv, {zipf['en']:.2f} en on the top 1,000 words)",
        f"  in process, {os.cpu_count()} CPUs; load average at start: {load_average}",
        f"  corpus generated in {embedded['generate']:.0f} s; SQLite rows bulk-created in "
        f"{embedded['rows']:.0f} s ({embedded['database_bytes'] / 1e6:,.0f} MB)",
        f"  tantivy index build ({embedded['index_batch']} decks a call): "
        f"{embedded['index']:.0f} s, {slides / embedded['index']:,.0f} slides/s; "
        f"{index_mb:,.0f} MB on disk (decks {index_bytes['decks'] / 1e6:,.0f} MB, slides "
        f"{index_bytes['slides'] / 1e6:,.0f} MB)",
        f"  key terms of every deck: {embedded['key_terms']:.0f} s ({key_terms_ms:.1f} ms a deck)",
    ]


def latency_lines(embedded: dict[str, Any], queries: int) -> list[str]:
    lines = [
        f"  {f'tantivy, ms ({queries} each)':<24}  {'raw p50':>7} {'p95':>6} {'p99':>6}"
        f"  {'find p50':>8} {'p95':>6} {'p99':>6}  {'find/raw':>8}  {'matching decks':>14}",
    ]
    ratios = facade_ratios(embedded)
    for kind, label in KINDS:
        raw, facade = embedded["queries"][kind]["raw"], embedded["queries"][kind]["facade"]
        lines.append(
            f"  {label:<24}  {raw['p50']:>7.1f} {raw['p95']:>6.1f} {raw['p99']:>6.1f}"
            f"  {facade['p50']:>8.1f} {facade['p95']:>6.1f} {facade['p99']:>6.1f}"
            f"  {ratios[kind]:>7.2f}×  {raw['matches']:>14,.0f}"
        )
    page, similar = embedded["page"], percentiles(embedded["similar"])
    return [
        *lines,
        "",
        f"  search page (test client, {page['count']} mixed queries): p50 {page['p50']:.1f} ms, "
        f"p95 {page['p95']:.1f} ms, p99 {page['p99']:.1f} ms",
        f"  similar list (store_similar, {len(embedded['similar'])} random decks): "
        f"p50 {similar['p50']:.1f} ms, p95 {similar['p95']:.1f} ms, max {similar['max']:.1f} ms",
    ]


def facade_ratios(embedded: dict[str, Any]) -> dict[str, float]:
    """The facade's median over the raw engine's, by kind of query."""
    times = embedded["queries"]
    return {kind: times[kind]["facade"]["p50"] / times[kind]["raw"]["p50"] for kind, _ in KINDS}


def labelled_lines(embedded: dict[str, Any]) -> list[str]:
    """The labelled set's evaluation on the corpus's site (bench/search_labelled.py)."""
    labelled = embedded["labelled"]
    similar, hits = percentiles(labelled["similar"]), _hits(labelled)
    return [
        f"  labelled similar set (tests/similar_set.py): {labelled['decks']} decks added to the "
        f"corpus's {embedded['decks']:,} after the corpus's key terms were computed",
        f"    a related deck among the first {labelled['top']}: {hits}/{labelled['related']} decks "
        f"({_hit_rate(labelled):.1%}); a decoy above every related deck: "
        f"{len(labelled['decoy_first'])}",
        f"    similar list (store_similar, {len(labelled['similar'])} labelled decks): "
        f"p50 {similar['p50']:.1f} ms, p95 {similar['p95']:.1f} ms, max {similar['max']:.1f} ms",
        *(f"    missed {line}" for line in labelled["missed"]),
        *(f"    decoy first {line}" for line in labelled["decoy_first"]),
    ]


def postgres_lines(postgres: dict[str, Any]) -> list[str]:
    if "error" in postgres:
        return [f"  PostgreSQL engine: not measured ({postgres['error']})"]
    sizes = postgres["index_bytes"]
    lines = [
        f"  PostgreSQL engine ({postgres['server']}): index build "
        f"{postgres['index']:.0f} s, {postgres['slides'] / postgres['index']:,.0f} slides/s "
        f"(then VACUUM ANALYZE {postgres['vacuum']:.0f} s); {sum(sizes.values()) / 1e6:,.0f} MB "
        f"({', '.join(f'{name} {size / 1e6:,.0f} MB' for name, size in sizes.items())})",
        f"  {'PostgreSQL raw, ms':<24}  {'p50':>7} {'p95':>6} {'p99':>6}  {'matching decks':>14}",
    ]
    for kind, label in KINDS:
        raw = postgres["queries"][kind]["raw"]
        lines.append(
            f"  {label:<24}  {raw['p50']:>7.1f} {raw['p95']:>6.1f} {raw['p99']:>6.1f}"
            f"  {raw['matches']:>14,.0f}"
        )
    return lines


def target_lines(embedded: dict[str, Any], postgres: dict[str, Any]) -> list[str]:
    slides, decks = embedded["slides"], embedded["decks"]
    page, similar = embedded["page"], percentiles(embedded["similar"])
    ratios = facade_ratios(embedded)
    worst = max(ratios, key=lambda kind: ratios[kind])
    scale = "" if slides >= TARGET_SLIDES else f" (measured at {slides:,} slides, not 1M)"
    deck_scale = "" if decks >= TARGET_DECKS else f" (measured at {decks:,} decks)"
    return [
        f"Target: search page p95 < {TARGET_PAGE_P95_MS:.0f} ms at 1M slides: "
        f"{page['p95']:.1f} ms{scale} -> {_verdict(page['p95'] < TARGET_PAGE_P95_MS)}",
        f"Target: facade < {TARGET_FACADE_RATIO}× the raw engine (medians): worst "
        f"{ratios[worst]:.2f}× ({dict(KINDS)[worst]}) -> "
        f"{_verdict(ratios[worst] < TARGET_FACADE_RATIO)}",
        postgres_target(postgres, scale),
        f"Target: similar list < {TARGET_SIMILAR_MS:.0f} ms a deck at {TARGET_DECKS:,} decks: "
        f"p95 {similar['p95']:.1f} ms{deck_scale} -> "
        f"{_verdict(similar['p95'] < TARGET_SIMILAR_MS)}",
    ]


def labelled_targets(embedded: dict[str, Any]) -> list[str]:
    labelled = embedded["labelled"]
    decks = embedded["decks"] + labelled["decks"]
    similar, rate = percentiles(labelled["similar"]), _hit_rate(labelled)
    decoys, fast = len(labelled["decoy_first"]), similar["p95"] < TARGET_SIMILAR_MS
    scale = "" if decks >= TARGET_DECKS else f" (measured at {decks:,} decks)"
    return [
        f"Target: a related deck among the first {labelled['top']} for ≥ "
        f"{TARGET_HIT_RATE:.0%} of the labelled decks: {rate:.1%}{scale} -> "
        f"{_verdict(rate >= TARGET_HIT_RATE)}",
        f"Target: no decoy ranked above a related deck: {decoys}{scale} -> {_verdict(decoys == 0)}",
        f"Target: similar list < {TARGET_SIMILAR_MS:.0f} ms a deck at {TARGET_DECKS:,} decks, "
        f"labelled decks: p95 {similar['p95']:.1f} ms{scale} -> {_verdict(fast)}",
    ]


def _hits(labelled: dict[str, Any]) -> int:
    return int(labelled["related"]) - len(labelled["missed"])


def _hit_rate(labelled: dict[str, Any]) -> float:
    return _hits(labelled) / max(labelled["related"], 1)


def postgres_target(postgres: dict[str, Any], scale: str) -> str:
    target = f"Target: PostgreSQL one-word common p95 < {TARGET_POSTGRES_COMMON_P95_MS:.0f} ms:"
    if "error" in postgres:
        return f"{target} not measured"
    common = postgres["queries"]["common"]["raw"]["p95"]
    return f"{target} {common:.1f} ms{scale} -> {_verdict(common < TARGET_POSTGRES_COMMON_P95_MS)}"


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"
