"""One exception tree for the whole workbench.

Every error a user can cause carries one sentence that says what was wrong; the CLI prints
it to stderr and the dashboard shows it with ``st.error``. Foreign exceptions (httpx,
SQLAlchemy, YAML, ...) are translated into these once, at the boundary where they happen.

    WorkbenchError
    ├── ConfigError            a setting is missing or unsafe
    ├── InputError             bad input from a user: empty/binary text, malformed file
    │   └── CaseFileError      a case file in claims/ is malformed
    ├── NotFoundError          no such claim, article, user, source
    ├── AuthError              wrong user name or password, inactive account
    ├── PermissionDenied       the user's role may not do this
    ├── TransitionRefused      the workflow refuses this move (says what and why)
    ├── ConflictError          someone else changed the record first (optimistic lock)
    ├── StorageError           the database refused a change or could not be reached
    └── LookupFailed           an outgoing lookup did not give a usable answer
        ├── TargetRefused      the SSRF guard refused the URL (no connection was made)
        ├── LookupTimeout      connect/read timeout or the overall deadline passed
        ├── BodyTooLarge       the decoded body went over the cap
        ├── UpstreamError      the server answered with an error status
        ├── UnsupportedContent the answer is not a kind of document we can read
        └── ApiKeyError        an API key is missing or was rejected
"""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base of every error the workbench raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ConfigError(WorkbenchError):
    pass


class InputError(WorkbenchError):
    pass


class CaseFileError(InputError):
    pass


class NotFoundError(WorkbenchError):
    pass


class AuthError(WorkbenchError):
    pass


class PermissionDenied(WorkbenchError):
    pass


class TransitionRefused(WorkbenchError):
    pass


class ConflictError(WorkbenchError):
    pass


class LookupFailed(WorkbenchError):
    pass


class TargetRefused(LookupFailed):
    pass


class LookupTimeout(LookupFailed):
    pass


class BodyTooLarge(LookupFailed):
    pass


class UpstreamError(LookupFailed):
    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class UnsupportedContent(LookupFailed):
    pass


class ApiKeyError(LookupFailed):
    pass


class StorageError(WorkbenchError):
    pass
