"""Issue 15, item 19: adoption_table's `kind` takes only adopts / conducts, but --list showed
`kind=…?` and `kind=mechanism` returned 0 rows silently. A parameter with a fixed set of values
lists it, and any other value is refused with a message."""
from __future__ import annotations

import pytest

from i15 import govkg, one_line_error


def test_item19_list_shows_the_values_and_others_are_refused(seed_build):
    listing = govkg("query", "--list").stdout
    assert "--param kind=adopts|conducts?" in listing
    line = one_line_error(govkg("query", "adoption_table", "--param", "kind=mechanism", "--from", seed_build.out_dir))
    assert "adopts or conducts" in line and "'mechanism'" in line
    run = govkg("query", "adoption_table", "--param", "kind=adopts", "--from", seed_build.out_dir, "-f", "csv")
    assert run.returncode == 0 and "慈利县" in run.stdout


def test_item19_the_python_api_refuses_them_too(seed_build):
    from graph.query import QueryError, library, run

    assert library()["adoption_table"].params[0].choices == ("adopts", "conducts")
    with pytest.raises(QueryError, match="adopts or conducts"):
        run(seed_build.out_dir, "adoption_table", {"kind": "Adopts"})
