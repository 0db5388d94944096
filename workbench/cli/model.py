"""The check-worthiness model and the extraction pipeline, measured and managed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.base import JsonOpt, app, print_json
from workbench.extraction import newsset


@app.command("eval-extraction")
def eval_extraction(
    folder: Annotated[Path, typer.Argument(help="A folder of labelled .news reports.")],
    as_json: JsonOpt = False,
    threshold: Annotated[float | None, typer.Option(min=0.0, max=1.0)] = None,
    mistakes: Annotated[bool, typer.Option("--mistakes", help="List what was wrong.")] = False,
) -> None:
    """Score the whole extraction pipeline on labelled news reports."""
    data = newsset.evaluate_reports(folder, threshold=threshold).to_dict()
    if as_json:
        print_json(data)
        return
    typer.echo(
        f"{data['articles']} reports, {data['units']} units, {data['checkworthy']} check-worthy, "
        f"{data['proposals']} proposals\n"
        f"recall {data['recall']:.3f}  precision {data['precision']:.3f}  "
        f"kinds {data['kinds']:.3f}  speakers {data['speakers']:.3f}  flags {data['flags']:.3f}  "
        f"split quotes {data['split']}"
    )
    if mistakes:
        for m in data["mistakes"]:
            extra = f" (expected {m['expected']}, got {m['got']})" if "expected" in m else ""
            typer.echo(f"- {m['report']}: {m['problem']}{extra}: {m['text']}")
