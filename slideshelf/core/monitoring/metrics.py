"""What /metrics says, and where each figure comes from.

The site runs as several web processes per host, on one host or more, and workers that may be
on hosts of their own. So:

- Request latency is each web process's own: a histogram by route name, kept in
  prometheus_client's multiprocess files (`metric_files.py`), which a scrape adds up for the
  whole host. Each host reports its own requests: summing over hosts is right.
- Queue depth and the oldest wait are read from the database at scrape time, and so are the
  workers' figures (`conversion.measures`: attempts by result, seconds per stage), which they
  add up in the database wherever they run. These are the whole site's, the same on every host:
  take one host's, or the max, never the sum.

A database that cannot answer leaves its figures out of that scrape; the request figures
still answer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from django.conf import settings
from django.db import DatabaseError
from prometheus_client import CollectorRegistry, Histogram
from prometheus_client.exposition import choose_encoder
from prometheus_client.metrics_core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.multiprocess import MultiProcessCollector

from slideshelf.conversion import backlog, measures
from slideshelf.core.monitoring import metric_files

log = logging.getLogger(__name__)

REQUEST_SECONDS = Histogram(
    "slideshelf_http_request_duration_seconds",
    "Seconds until a response starts, by the route's name.",
    ["route"],
    registry=None,  # reported through the multiprocess files alone
)


class SiteCollector:
    """Figures from the database: the whole site's, whichever web process is asked."""

    def collect(self) -> Iterator[Metric]:
        try:
            families = [*self._queue(), self._attempts(), self._stages()]
        except DatabaseError as error:
            log.warning("/metrics without the database's figures: %s", error)
            return
        yield from families

    def _queue(self) -> list[Metric]:
        depth = GaugeMetricFamily(
            "slideshelf_conversion_queue_depth", "Decks queued for conversion.", backlog.depth()
        )
        oldest = GaugeMetricFamily(
            "slideshelf_conversion_queue_oldest_seconds",
            "Seconds the conversion due longest ago has waited for a worker (0: none waits).",
            backlog.oldest_wait(),
        )
        decks = GaugeMetricFamily(
            "slideshelf_conversion_decks",
            "Decks by their conversion's status: the results that stand, retries included.",
            labels=["status"],
        )
        for status, count in backlog.by_status().items():
            decks.add_metric([status], count)
        return [depth, oldest, decks]

    def _attempts(self) -> Metric:
        family = CounterMetricFamily(
            "slideshelf_conversion_attempts",
            "Conversion attempts, by how the pipeline ended them.",
            labels=["result"],
        )
        for result, count in measures.attempt_counts().items():
            family.add_metric([result], count)
        return family

    def _stages(self) -> Metric:
        family = HistogramMetricFamily(
            "slideshelf_conversion_stage_seconds",
            "Seconds each stage of the conversion pipeline took.",
            labels=["stage"],
        )
        for histogram in measures.stage_histograms():
            buckets = [(measures.bucket_name(bound), count) for bound, count in histogram.buckets]
            family.add_metric([histogram.stage], buckets, histogram.seconds)
        return family


_registry: CollectorRegistry | None = None


def registry() -> CollectorRegistry:
    global _registry
    if _registry is None:
        settings.METRICS_DIR.mkdir(parents=True, exist_ok=True)
        made = CollectorRegistry()
        MultiProcessCollector(made, path=str(settings.METRICS_DIR))  # type: ignore[no-untyped-call]
        made.register(SiteCollector())
        _registry = made
    return _registry


def exposition(accept: str) -> tuple[bytes, str]:
    """The text of a scrape, in the format `accept` prefers, and its content type."""
    encode, content_type = choose_encoder(accept)
    with metric_files.gathered(settings.METRICS_DIR):
        return encode(registry()), content_type
