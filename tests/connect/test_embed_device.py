"""The embedding device is chosen at run time and nothing requires a GPU (bench/embed_device.py compares devices)."""
import numpy as np
import pytest
import torch

from storyline.connect.stories import embed


@pytest.mark.parametrize("asked, want", [
    ("cpu", "cpu"),
    ("cuda:1", "cuda:1"),
    (None, "cuda" if torch.cuda.is_available() else "cpu"),
    ("", "cuda" if torch.cuda.is_available() else "cpu"),
])
def test_device_choice(asked, want):
    assert embed.device(asked) == want


def test_explicit_cpu_equals_automatic_choice_within_tolerance():
    texts = ["Earthquake strikes the coast of Chile", "Bank agrees to buy a rival lender"]
    auto, cpu = embed.encode(texts), embed.encode(texts, on="cpu")
    assert auto.shape == cpu.shape == (2, embed.DIM)
    assert np.abs(auto - cpu).max() < 1e-4
    assert np.allclose(np.linalg.norm(cpu, axis=1), 1.0, atol=1e-5)
