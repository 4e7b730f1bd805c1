"""Regenerate docs/ontology.html from ontology/govkg.ttl with pyLODE (pip install -e '.[docs]')."""
from __future__ import annotations

import logging
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    logging.disable(logging.INFO)
    from pylode import OntPub

    html = OntPub(str(ROOT / "ontology" / "govkg.ttl")).make_html()
    (ROOT / "docs" / "ontology.html").write_text(html, encoding="utf-8")
    print(f"wrote docs/ontology.html ({len(html)} characters)")


if __name__ == "__main__":
    main()
