"""A logistic regression evaluated in plain Python: the form of every small fitted decision in the package.

The weights are fitted with NumPy by scripts in benchmarks/ (`fit_clean.py`, `fit_pairs.py`) and kept as
JSON next to the module that uses them, so the package needs no ML library at run time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Stage:
    """One logistic regression: a bias and one weight per feature, on standardised features."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def probability(self, features: Sequence[float]) -> float:
        z = self.bias
        for x, w, m, s in zip(features, self.weights, self.mean, self.scale, strict=True):
            z += w * (x - m) / s
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def to_json(self) -> dict[str, object]:
        return {"weights": list(self.weights), "bias": self.bias, "mean": list(self.mean), "scale": list(self.scale)}

    @staticmethod
    def from_json(data: dict[str, object]) -> Stage:
        def floats(key: str) -> tuple[float, ...]:
            values = data[key]
            assert isinstance(values, list)
            return tuple(float(v) for v in values)

        bias = data["bias"]
        assert isinstance(bias, (int, float))
        return Stage(floats("weights"), float(bias), floats("mean"), floats("scale"))
