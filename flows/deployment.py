"""The scheduled deployment of the newsclaims flow.

`newsclaims serve` uses it; so can Prefect tooling: `python -m flows.deployment` serves the
default hourly schedule against the Prefect API in PREFECT_API_URL.
"""

from __future__ import annotations

from prefect import serve
from prefect.deployments.runner import RunnerDeployment

from flows.pipeline import newsclaims_flow
from flows.settings import Settings

DEFAULT_CRON = "0 * * * *"


def scheduled_deployment(
    settings: Settings,
    *,
    name: str = "newsclaims-scheduled",
    cron: str | None = DEFAULT_CRON,
    interval: int | None = None,
) -> RunnerDeployment:
    """The flow on a cron (or an interval in seconds), with source and warehouse as parameters."""
    schedule = {"interval": interval} if interval else {"cron": cron}
    return newsclaims_flow.to_deployment(
        name=name,
        parameters={"source": settings.source, "warehouse": str(settings.warehouse_dir)},
        description="Ingest, reconcile, check and publish the newsclaims warehouse.",
        tags=["newsclaims"],
        **schedule,
    )


def serve_scheduled(deployment: RunnerDeployment) -> None:
    """Serve until interrupted; one run at a time (the warehouse lock refuses a second)."""
    serve(deployment, limit=1)


if __name__ == "__main__":
    serve_scheduled(scheduled_deployment(Settings()))
