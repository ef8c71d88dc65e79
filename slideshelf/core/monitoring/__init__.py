"""Monitoring: /healthz for load balancers (`health.py`), /metrics for Prometheus
(`metrics.py`), and the middleware that times every request by its route."""
