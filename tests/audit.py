"""Checks of a layout report (``aarshjul layout --json``, ``wheel.layout_report()``):
the rules of what is drawn, as a new committee member would see them."""

from __future__ import annotations

from shapely.geometry import Point, Polygon


def _polygon(points) -> Polygon:
    shape = Polygon([tuple(p) for p in points])
    return shape if shape.is_valid else shape.buffer(0)


def audit(report: dict, min_size: float) -> list[str]:
    """The problems of a report: unnamed or cut names, small text, overlaps, names
    outside their items or on the wheel. Empty when all is well."""
    problems: list[str] = []
    labels: list[tuple[str, Polygon]] = []
    if not report.get("items"):
        return ["no items"]
    centre = Point(*report["centre"]).buffer(report["radius"], 64)
    for ring in report["rings"]:
        if not ring["name_shown"]:
            problems.append(f"ring {ring['id']} has no name")
        elif ring["font_size"] < min_size - 1e-6:
            problems.append(f"ring {ring['id']}: name {ring['font_size']} < {min_size}")
        else:
            labels.append((f"ring {ring['id']}", _polygon(ring["name_outline"])))
    for kind, sizes in report["bands"].items():
        if any(size < min_size - 1e-6 for size in sizes):
            problems.append(f"{kind}: text under {min_size}")
    for line in report.get("key_list", []):
        if line["font_size"] < min_size - 1e-6:
            problems.append(f"numbered list: text {line['font_size']} < {min_size}")
        labels.append((f"list {line['text']!r}", _polygon(line["outline"])))
    if report.get("today"):
        labels.append(("today", _polygon(report["today"]["outline"])))
    keys = {k["key"] for k in report["keys"]}
    for item in report["items"]:
        name = f"{item['id']}#{item['occurrence']}"
        label = item["label"]
        if label is None:
            problems.append(f"{name}: no name")
            continue
        if label["font_size"] < min_size - 1e-6:
            problems.append(f"{name}: text {label['font_size']} < {min_size}")
        if label["placement"] == "key":
            if label["key"] not in keys:
                problems.append(f"{name}: number {label['key']} is not in the list")
            if label["outline"]:
                labels.append((name, _polygon(label["outline"])))
            continue
        if " ".join(label["lines"]) != item["title"]:
            problems.append(f"{name}: {label['lines']} is not {item['title']!r}")
        box = _polygon(label["outline"])
        labels.append((name, box))
        if label["placement"] in ("arc", "radial"):
            shape = _polygon(item["shape"]).buffer(0.75)
            if box.difference(shape).area > 0.02 * box.area + 1.0:
                problems.append(f"{name}: its name leaves the item")
        elif not label["leader"]:
            problems.append(f"{name}: outside without a leader line")
        elif box.intersection(centre).area > 0.5:
            problems.append(f"{name}: an outside name on the wheel")
    for i, (a, pa) in enumerate(labels):
        for b, pb in labels[i + 1 :]:
            apart = pa.bounds[2] < pb.bounds[0] or pb.bounds[2] < pa.bounds[0]
            if not apart and pa.intersection(pb).area > 0.5:
                problems.append(f"{a} and {b} overlap")
    return problems
