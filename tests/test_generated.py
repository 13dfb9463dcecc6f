"""The generated pages, whatever the content (tests/invariants.py), on the live site and on the large
fixture archive, whose listings take their large-archive shapes (split, grouped, compact), so these hold
as the real notes grow.
"""

from __future__ import annotations

import pytest
from archives import LARGE, load
from conftest import ROOT
from invariants import INVARIANTS

ARCHIVES = {"live": load(ROOT), "large": load(LARGE)}
SITES = {"live": "site", "large": "large_site"}


@pytest.fixture(params=sorted(ARCHIVES))
def built(request):
    """(built site, its archive)."""
    return request.getfixturevalue(SITES[request.param]), ARCHIVES[request.param]


@pytest.mark.parametrize("invariant", INVARIANTS, ids=lambda invariant: invariant.__name__)
def test_generated_pages_hold(built, invariant):
    invariant(*built)
