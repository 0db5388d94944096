"""The Streamlit dashboard: ``app.py`` routes, ``app_pages/`` are the screens."""
