"""The optional monitoring services (`docker compose --profile monitoring up`): Prometheus
scrapes the API, Grafana shows a dashboard whose every query names a metric the API exports."""

from __future__ import annotations

import json
import re

import yaml
from prometheus_client.parser import text_string_to_metric_families

from backend.config import PROJECT_ROOT
from tests.support.graph import auth

COMPOSE = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
OPS = PROJECT_ROOT / "ops"
DASHBOARD = json.loads((OPS / "grafana" / "dashboards" / "mutuals.json").read_text())
_METRIC = re.compile(r"\b((?:flask|mutuals)_[a-z0-9_]+)")
_SUFFIX = re.compile(r"_(bucket|count|sum|total)$")


def test_monitoring_is_an_optional_profile_with_its_files_in_the_repository():
    services = COMPOSE["services"]
    for name in ("prometheus", "grafana"):
        assert services[name]["profiles"] == ["monitoring"]
        for volume in services[name]["volumes"]:
            source = volume.split(":")[0]
            if source.startswith("./"):
                assert (PROJECT_ROOT / source).exists(), source
    for name in ("neo4j", "api"):  # a plain `docker compose up` starts what it did
        assert "profiles" not in services[name]


def test_prometheus_scrapes_the_api_and_grafana_reads_prometheus():
    config = yaml.safe_load((OPS / "prometheus.yml").read_text())
    [job] = config["scrape_configs"]
    assert job["metrics_path"] == "/metrics"
    assert job["static_configs"][0]["targets"] == ["api:8000"]
    assert COMPOSE["services"]["api"]["ports"][0].endswith(":8000")
    source = yaml.safe_load(
        (OPS / "grafana" / "provisioning" / "datasources" / "prometheus.yml").read_text()
    )["datasources"][0]
    assert source["url"] == "http://prometheus:9090" and source["uid"] == "prometheus"
    provider = yaml.safe_load(
        (OPS / "grafana" / "provisioning" / "dashboards" / "mutuals.yml").read_text()
    )["providers"][0]
    assert (
        "./ops/grafana/dashboards:" + provider["options"]["path"] + ":ro"
        in (COMPOSE["services"]["grafana"]["volumes"])
    )


def test_every_dashboard_query_names_a_metric_the_api_exports(client):
    client.get("/healthz")
    exported = {
        f.name
        for f in text_string_to_metric_families(
            client.get("/metrics", headers=auth("test-admin-token")).text
        )
    }
    queried = {
        _SUFFIX.sub("", name)
        for panel in DASHBOARD["panels"]
        for target in panel["targets"]
        for name in _METRIC.findall(target["expr"])
    }
    assert queried >= {
        "mutuals_query_seconds",
        "mutuals_query_errors",
        "mutuals_neo4j_pool_connections",
    }
    assert queried <= exported, queried - exported
