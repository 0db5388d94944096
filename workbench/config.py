"""Settings, read from the environment (``WORKBENCH_*``) and ``.streamlit/secrets.toml``.

One class, built where a program starts (the CLI per command, the dashboard once through
``st.cache_resource``), never at import time. Validators normalise and reject unsafe
values so that the rest of the code can trust what it is given.

Precedence, highest first: arguments given to ``Settings(...)``, environment variables,
the ``[workbench]`` table (or top-level keys) of the secrets file, the defaults below.
"""

from __future__ import annotations

import ipaddress
import os
import tomllib
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from workbench import __version__

DEFAULT_SECRETS_FILE = Path(".streamlit/secrets.toml")
#: The verdicts a claim can carry (the values stored; ``models.Verdict`` holds the same).
VERDICT_VALUES = ("True", "Mostly true", "Half true", "Mostly false", "False", "Misleading",
                  "Unsupported", "Not checkable")


class VerdictStep(BaseModel):
    """One step of the desk's verdict scale: the stored verdict, the name the desk
    publishes for it, and its ClaimReview rating (None where the scale does not fit)."""

    verdict: str
    name: str = ""
    rating: int | None = None

    @model_validator(mode="after")
    def _check(self) -> VerdictStep:
        if self.verdict not in VERDICT_VALUES:
            raise ValueError(f"{self.verdict!r} is not a verdict; use one of: "
                             f"{', '.join(VERDICT_VALUES)}")
        self.name = self.name.strip() or self.verdict
        return self


DEFAULT_VERDICT_SCALE = [
    VerdictStep(verdict=v, rating=r) for v, r in zip(
        VERDICT_VALUES, (5, 4, 3, 2, 1, 2, None, None), strict=True)
]


class _SecretsTomlSource(PydanticBaseSettingsSource):
    """Reads settings from the Streamlit secrets file, if there is one."""

    def __init__(self, settings_cls: type[BaseSettings]) -> None:
        super().__init__(settings_cls)
        path = Path(os.environ.get("WORKBENCH_SECRETS_FILE", DEFAULT_SECRETS_FILE))
        self._data: dict[str, Any] = {}
        if path.is_file():
            try:
                raw = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                from workbench.errors import ConfigError

                raise ConfigError(f"The secrets file {path} could not be read: {exc}.") from exc
            table = raw.get("workbench", {})
            flat = {k: v for k, v in raw.items() if not isinstance(v, dict)}
            flat.update(table if isinstance(table, dict) else {})
            self._data = {k.lower(): v for k, v in flat.items()}

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self._data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        names = set(self.settings_cls.model_fields)
        return {k: v for k, v in self._data.items() if k in names}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WORKBENCH_", extra="ignore")

    # Records
    database_url: str = "sqlite:///data/workbench.db"

    # Extraction
    checkworthy_threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    max_article_bytes: int = Field(default=10_000_000, gt=0)

    # Lookups: the guarded client
    lookup_allow_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    lookup_connect_timeout: float = Field(default=5.0, gt=0)
    lookup_read_timeout: float = Field(default=10.0, gt=0)
    lookup_deadline: float = Field(default=20.0, gt=0)
    lookup_max_bytes: int = Field(default=10_000_000, gt=0)
    lookup_max_redirects: int = Field(default=5, ge=0, le=20)
    lookup_retries: int = Field(default=2, ge=0, le=10)
    lookup_backoff: float = Field(default=0.5, ge=0)
    lookup_max_retry_after: float = Field(default=30.0, ge=0)
    lookup_cache_ttl: float = Field(default=3600.0, ge=0)
    lookup_concurrency: int = Field(default=8, ge=1, le=64)
    lookup_per_host: int = Field(default=4, ge=1, le=64)
    user_agent: str = (
        f"ClaimWorkbench/{__version__} (newsroom fact-check workbench; set "
        "WORKBENCH_USER_AGENT to name your desk and a contact) python-httpx"
    )

    # Lookups: the services (base URLs are settings so tests can point them at local servers)
    wayback_base_url: str = "https://web.archive.org"
    wayback_availability_url: str = "https://archive.org/wayback/available"
    wayback_access_key: SecretStr | None = None
    wayback_secret_key: SecretStr | None = None
    wayback_save_timeout: float = Field(default=60.0, ge=0)
    wayback_poll_interval: float = Field(default=3.0, gt=0)
    wikipedia_base_url: str = "https://en.wikipedia.org"
    wikidata_base_url: str = "https://www.wikidata.org"
    factcheck_base_url: str = "https://factchecktools.googleapis.com"
    factcheck_api_key: SecretStr | None = None
    factcheck_max_results: int = Field(default=50, ge=1, le=500)

    # The audit key: HMACs of the history chain and the sign-offs (kept out of the database)
    audit_key: SecretStr | None = None

    # Dashboard sessions: signed out after this long without use, and this long after sign-in
    session_idle_minutes: float = Field(default=30, gt=0)
    session_max_hours: float = Field(default=12, gt=0)
    # Publishing: ClaimReview and the verdict scale
    review_url_template: str | None = None
    review_author_name: str = ""
    review_author_url: str | None = None
    review_publisher_name: str = ""
    review_publisher_url: str | None = None
    verdict_scale: list[VerdictStep] = Field(
        default_factory=lambda: [s.model_copy() for s in DEFAULT_VERDICT_SCALE])
    rating_best: int = 5
    rating_worst: int = 1
    # Claim matching: the two levels (0..1), "suggested" for a person, "same" linked at once
    match_suggested: float = Field(default=0.70, ge=0.0, le=1.0)
    match_same: float = Field(default=0.90, ge=0.0, le=1.0)

    # Ingest: the most proposals kept for one article (the highest-scoring ones)
    max_candidates_per_article: int = Field(default=300, ge=1, le=100_000)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _SecretsTomlSource(settings_cls))

    @field_validator("database_url")
    @classmethod
    def _normalise_database_url(cls, value: str) -> str:
        value = value.strip()
        if value.startswith("postgres://"):
            value = "postgresql://" + value[len("postgres://") :]
        if value.startswith("postgresql://"):
            value = "postgresql+psycopg://" + value[len("postgresql://") :]
        if not (value.startswith("sqlite:///") or value.startswith("postgresql+psycopg://")):
            raise ValueError(
                "the database URL must start with sqlite:/// or postgresql:// "
                "(PostgreSQL is used through psycopg 3)"
            )
        return value

    @field_validator("audit_key")
    @classmethod
    def _check_audit_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value().strip()) < 32:
            raise ValueError("the audit key needs at least 32 characters "
                             "(`workbench audit key` makes one)")
        return value

    @field_validator("lookup_allow_hosts", mode="before")
    @classmethod
    def _split_allow_hosts(cls, value: Any) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            items = [item.strip() for item in value.split(",")]
        else:
            items = [str(item).strip() for item in value]
        cleaned: list[str] = []
        for item in items:
            if not item:
                continue
            if item in {"*", "0.0.0.0/0", "::/0"}:
                raise ValueError(f"{item!r} would allow every address; list hosts or networks")
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                if not all(c.isalnum() or c in ".-_" for c in item):
                    raise ValueError(f"{item!r} is neither a host name nor a network") from None
            cleaned.append(item.lower().rstrip("."))
        return cleaned

    @field_validator(
        "wayback_base_url",
        "wayback_availability_url",
        "wikipedia_base_url",
        "wikidata_base_url",
        "factcheck_base_url",
    )
    @classmethod
    def _check_base_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if not (value.startswith("http://") or value.startswith("https://")):
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value

    @field_validator("review_url_template")
    @classmethod
    def _check_review_url_template(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"{value!r} is not an http(s) URL")
        if "{claim_id}" not in value:
            raise ValueError("the review URL template must contain {claim_id}")
        try:
            value.format(claim_id=1, article_key="a", claim_key="c", version=1)
        except (KeyError, IndexError, ValueError):
            raise ValueError("the review URL template may use only {claim_id}, "
                             "{article_key}, {claim_key} and {version}") from None
        return value

    @model_validator(mode="after")
    def _check_verdict_scale(self) -> Settings:
        seen = [s.verdict for s in self.verdict_scale]
        missing = [v for v in VERDICT_VALUES if v not in seen]
        if missing or len(seen) != len(set(seen)):
            raise ValueError("the verdict scale must list every verdict exactly once "
                             f"({', '.join(VERDICT_VALUES)})")
        if self.rating_worst >= self.rating_best:
            raise ValueError("the worst rating must be below the best")
        for step in self.verdict_scale:
            if step.rating is not None and not self.rating_worst <= step.rating <= self.rating_best:
                raise ValueError(f"the rating of {step.verdict!r} is outside "
                                 f"{self.rating_worst}..{self.rating_best}")
        return self

    @property
    def claimreview_ready(self) -> bool:
        """Whether ClaimReview can be published: it needs a review URL and an author."""
        return bool(self.review_url_template and self.review_author_name.strip())

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def load_settings(**overrides: Any) -> Settings:
    """Build the settings, turning a validation failure into one clear sentence."""
    from pydantic import ValidationError

    from workbench.errors import ConfigError

    try:
        return Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "settings"
        msg = first.get("msg", "invalid value").removeprefix("Value error, ")
        raise ConfigError(f"The setting {where} is invalid: {msg}.") from exc
