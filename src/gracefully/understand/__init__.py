"""gracefully.understand: one `Email` in, one `Reading` out, with evidence for every finding.

The category comes from a linear model trained on the project's own examples
(plus the user's corrections); the details come from declarative rules in
`understand.details`. The service layer needs only `load_reader`; the batch
functions serve `gracefully understand --jsonl`.
"""

from gracefully.understand.batch import reading_to_record, record_to_email, understand_jsonl
from gracefully.understand.classifier import Classifier, Example, train_classifier
from gracefully.understand.corrections import apply_corrections
from gracefully.understand.reader import Reader, load_reader

__all__ = [
    "Classifier",
    "Example",
    "Reader",
    "apply_corrections",
    "load_reader",
    "reading_to_record",
    "record_to_email",
    "train_classifier",
    "understand_jsonl",
]
