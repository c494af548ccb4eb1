"""Measure lexcheck against a labelled corpus: status accuracy and precision/recall/F1 of gaps.

A corpus is a folder of frameworks. Each framework folder holds the statute files of one country and a
`labels.yaml`:

    files: {file name: tip | som | immigration | labour | penal | mixed}
    elements: {element id: met | partial | missing | conflict | unknown}   # unknown is not scored
    oracle_elements: [element id, ...]   # optional: judged by an outside assessment too

A corpus root may instead hold `text/` and `pdf/<layout>/` folders of such frameworks (the shared
evaluation corpus does); each is then scored as its own layout, so PDF figures can be compared with
text figures.

Scoring follows the corpus README: per element, lexcheck's status for the framework is compared with
the label. A gap is partial, missing or conflict: a missed gap is a false assurance to a drafter, a
false gap wastes a reviewer's time. An element that is labelled but that no rule judged counts as
wrong (never silently dropped).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lexcheck.errors import CorpusError
from lexcheck.rules.model import GAP_STATUSES, STATUSES, Finding

SCORED_STATUSES = STATUSES
NOT_JUDGED = "not-judged"


@dataclass(frozen=True)
class LabelledFramework:
    """One framework folder: its statute files with their kinds, and the labelled statuses."""

    name: str
    folder: Path
    files: dict[Path, str]
    labels: dict[str, str]
    oracle: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Judgement:
    """One scored element of one framework: the label next to what lexcheck said."""

    framework: str
    element: str
    label: str
    predicted: str

    @property
    def correct(self) -> bool:
        return self.label == self.predicted

    @property
    def label_gap(self) -> bool:
        return self.label in GAP_STATUSES

    @property
    def predicted_gap(self) -> bool:
        return self.predicted in GAP_STATUSES


@dataclass(frozen=True)
class Scores:
    """Status accuracy and gap precision/recall/F1 over a set of judgements."""

    count: int
    correct: int
    true_gaps: int
    false_gaps: int
    missed_gaps: int

    @property
    def has_gaps(self) -> bool:
        """False when no gap was labelled or predicted: gap precision and recall are then undefined."""
        return bool(self.true_gaps + self.false_gaps + self.missed_gaps)

    @property
    def accuracy(self) -> float:
        return self.correct / self.count if self.count else 0.0

    @property
    def precision(self) -> float:
        found = self.true_gaps + self.false_gaps
        return self.true_gaps / found if found else 0.0

    @property
    def recall(self) -> float:
        labelled = self.true_gaps + self.missed_gaps
        return self.true_gaps / labelled if labelled else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int | None]:
        def gap_figure(value: float) -> float | None:
            return round(value, 4) if self.has_gaps else None

        return {
            "count": self.count,
            "status_accuracy": round(self.accuracy, 4),
            "gap_precision": gap_figure(self.precision),
            "gap_recall": gap_figure(self.recall),
            "gap_f1": gap_figure(self.f1),
            "true_gaps": self.true_gaps,
            "false_gaps": self.false_gaps,
            "missed_gaps": self.missed_gaps,
        }


def score(judgements: list[Judgement]) -> Scores:
    """Aggregate judgements into accuracy and gap precision/recall."""
    return Scores(
        count=len(judgements),
        correct=sum(j.correct for j in judgements),
        true_gaps=sum(j.label_gap and j.predicted_gap for j in judgements),
        false_gaps=sum(j.predicted_gap and not j.label_gap for j in judgements),
        missed_gaps=sum(j.label_gap and not j.predicted_gap for j in judgements),
    )


@dataclass
class Evaluation:
    """Every judgement of one corpus layout, with the scores derived from them."""

    layout: str
    judgements: list[Judgement] = field(default_factory=list)
    oracle: list[Judgement] = field(default_factory=list)

    @property
    def overall(self) -> Scores:
        return score(self.judgements)

    def per_element(self) -> dict[str, Scores]:
        by_element: dict[str, list[Judgement]] = {}
        for judgement in self.judgements:
            by_element.setdefault(judgement.element, []).append(judgement)
        return {element: score(items) for element, items in sorted(by_element.items())}

    def confusion(self) -> dict[str, dict[str, int]]:
        """Label → predicted status → count."""
        counts = Counter((j.label, j.predicted) for j in self.judgements)
        predicted = [*SCORED_STATUSES, NOT_JUDGED]
        return {
            label: {p: counts[(label, p)] for p in predicted if counts[(label, p)]}
            for label in SCORED_STATUSES
        }

    def as_dict(self) -> dict[str, object]:
        return {
            "layout": self.layout,
            "overall": self.overall.as_dict(),
            "oracle": score(self.oracle).as_dict(),
            "per_element": {e: s.as_dict() for e, s in self.per_element().items()},
            "confusion": self.confusion(),
            "judgements": [
                {
                    "framework": j.framework,
                    "element": j.element,
                    "label": j.label,
                    "predicted": j.predicted,
                }
                for j in self.judgements
            ],
        }


def find_layouts(root: Path) -> dict[str, Path]:
    """The layouts under a corpus root: {"text": root/text, "pdf/single": ...}, or {"": root}.

    A folder whose sub-folders hold labels.yaml is itself one layout.
    """
    if not root.is_dir():
        raise CorpusError(root, "is not a folder.", "Give the folder that holds the frameworks.")
    if any((child / "labels.yaml").is_file() for child in root.iterdir() if child.is_dir()):
        return {root.name: root}
    layouts: dict[str, Path] = {}
    if (root / "text").is_dir():
        layouts["text"] = root / "text"
    pdf_root = root / "pdf"
    if pdf_root.is_dir():
        for layout in sorted(p for p in pdf_root.iterdir() if p.is_dir()):
            if any((fw / "labels.yaml").is_file() for fw in layout.iterdir() if fw.is_dir()):
                layouts[f"pdf/{layout.name}"] = layout
    if not layouts:
        raise CorpusError(
            root,
            "holds no framework folders with a labels.yaml.",
            "Each framework is a sub-folder with its statute files and a labels.yaml "
            "(see docs/evaluation.md).",
        )
    return layouts


def load_frameworks(layout_dir: Path) -> list[LabelledFramework]:
    """Every labelled framework of one layout folder whose statute files are present."""
    frameworks = []
    for folder in sorted(p for p in layout_dir.iterdir() if p.is_dir()):
        labels_path = folder / "labels.yaml"
        if not labels_path.is_file():
            continue
        frameworks.append(_load_framework(folder, labels_path))
    return frameworks


def _load_framework(folder: Path, labels_path: Path) -> LabelledFramework:
    try:
        data = yaml.safe_load(labels_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise CorpusError(labels_path, f"is not valid YAML: {error}", "Fix the YAML.") from error
    if not isinstance(data.get("elements"), dict) or not isinstance(data.get("files"), dict):
        raise CorpusError(
            labels_path,
            "needs an `elements:` map and a `files:` map.",
            "See docs/evaluation.md for the labels.yaml format.",
        )
    files = {}
    for name, kind in data["files"].items():
        stem = Path(name).stem
        matches = sorted(folder.glob(f"{stem}.*"))
        statute_files = [p for p in matches if p.suffix.lower() in {".txt", ".pdf", ".docx", ".md"}]
        if not statute_files:
            raise CorpusError(
                labels_path,
                f"lists {name}, but no statute file named {stem}.* is in {folder}.",
                "Add the file or remove it from `files:`.",
            )
        files[statute_files[0]] = kind
    labels = {
        element: status for element, status in data["elements"].items() if status in SCORED_STATUSES
    }
    return LabelledFramework(
        name=folder.name,
        folder=folder,
        files=files,
        labels=labels,
        oracle=frozenset(data.get("oracle_elements") or ()),
    )


FrameworkChecker = Callable[[LabelledFramework], list[Finding]]


def evaluate_layout(layout: str, layout_dir: Path, check: FrameworkChecker) -> Evaluation:
    """Check every framework of one layout and compare each labelled element with the finding."""
    evaluation = Evaluation(layout=layout)
    for framework in load_frameworks(layout_dir):
        if not framework.files:
            continue
        predicted = {finding.element: finding.status for finding in check(framework)}
        for element, label in sorted(framework.labels.items()):
            judgement = Judgement(
                framework=framework.name,
                element=element,
                label=label,
                predicted=predicted.get(element, NOT_JUDGED),
            )
            evaluation.judgements.append(judgement)
            if element in framework.oracle:
                evaluation.oracle.append(judgement)
    return evaluation
