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

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from workbench import __version__

DEFAULT_SECRETS_FILE = Path(".streamlit/secrets.toml")


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
