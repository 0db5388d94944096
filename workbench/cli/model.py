"""The check-worthiness model and the extraction pipeline, measured and managed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.base import JsonOpt, app, open_session, print_json, sub_app

model_app = sub_app("model")
DEFAULT_DATA = Path("../shared/datasets/ct24-checkworthy-english")


@app.command("eval-extraction")
def eval_extraction(
    folder: Annotated[Path, typer.Argument(help="A folder of labelled .news reports.")],
    as_json: JsonOpt = False,
    threshold: Annotated[float | None, typer.Option(min=0.0, max=1.0)] = None,
    mistakes: Annotated[bool, typer.Option("--mistakes", help="List what was wrong.")] = False,
    labels_from: Annotated[Path | None, typer.Option(
        "--labels-from", help="Score a second labelling of the same reports instead.")] = None,
) -> None:
    """Score the whole extraction pipeline on labelled news reports."""
    from workbench.extraction import newsset

    if labels_from is not None:
        data = newsset.compare_labellings(folder, labels_from).to_dict()
    else:
        data = newsset.evaluate_reports(folder, threshold=threshold).to_dict()
    if as_json:
        print_json(data)
        return
    typer.echo(
        f"{data['articles']} reports, {data['units']} units, {data['checkworthy']} check-worthy, "
        f"{data['proposals']} {'units labelled Y' if labels_from else 'proposals'}\n"
        f"recall {data['recall']:.3f}  precision {data['precision']:.3f}  "
        f"kinds {data['kinds']:.3f}  speakers {data['speakers']:.3f}  flags {data['flags']:.3f}  "
        f"split quotes {data['split']}"
    )
    if mistakes:
        for m in data["mistakes"]:
            extra = f" (expected {m['expected']}, got {m['got']})" if "expected" in m else ""
            typer.echo(f"- {m['report']}: {m['problem']}{extra}: {m['text']}")


@model_app.command("retrain")
def retrain(
    data: Annotated[Path, typer.Option(help="Folder of the CheckThat! TSV files.")] = DEFAULT_DATA,
    as_json: JsonOpt = False,
) -> None:
    """Refit with the desk's decisions; switch to it only if it does better on held-out ones."""
    from workbench import desklabels

    with open_session() as session:
        done = desklabels.retrain(session=session, data_dir=data,
                                  log=lambda line: typer.echo(line, err=True))
    if as_json:
        print_json(done.to_dict())
        return
    typer.echo(f"held-out desk decisions: {done.held_decisions}; F1 shipped "
               f"{done.shipped.f1:.3f}, desk {done.desk.f1:.3f}; in use: {done.in_use}\n"
               f"wrote {done.weights} and {done.card}")


@model_app.command("use")
def use(name: Annotated[str, typer.Argument(help="shipped or desk")]) -> None:
    """Switch the check-worthiness model the workbench uses."""
    from workbench.extraction import model as checkworthy

    path = checkworthy.use_model(name)
    typer.echo(f"Now using the {name} model ({path}).")
