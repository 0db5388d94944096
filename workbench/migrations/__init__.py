"""Alembic migrations; `workbench init` (``db.upgrade``) runs them to head."""
