"""Pieces of screen the pages share."""
