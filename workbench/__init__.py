"""Claim workbench: propose, research, verify and sign off the factual claims of news articles."""

__version__ = "0.1.0"
