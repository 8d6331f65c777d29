"""Temperature scaling: one scalar that turns model scores into honest probabilities.

The review queue trusts `Reading.confidence`, so a 0.9 must be right about
nine times in ten. Raw logistic-regression probabilities are overconfident on
templated training data; a temperature fitted on held-out folds corrects that
without changing which category wins.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar


def softmax(scores: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    z = scores / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(scores: np.ndarray, labels: np.ndarray) -> float:
    """The temperature minimising held-out negative log-likelihood (searched in log space)."""

    def nll(log_t: float) -> float:
        probs = softmax(scores, float(np.exp(log_t)))
        return float(-np.log(probs[np.arange(len(labels)), labels] + 1e-12).mean())

    result = minimize_scalar(nll, bounds=(-3.0, 3.0), method="bounded")
    return float(np.exp(result.x))
