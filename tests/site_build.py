"""Build a site in-process and read its pages, for tests and the benchmark's smoke run."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.commands.build import build
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser


@dataclass
class BuiltSite:
    dir: Path
    warnings: list[str] = field(default_factory=list)

    def html(self, path: str) -> LexborHTMLParser:
        return LexborHTMLParser(self.file(path).read_text(encoding="utf-8"))

    def file(self, path: str) -> Path:
        path = path.strip("/")
        target = self.dir / path
        if target.is_dir() or not path:
            target = target / "index.html"
        assert target.is_file(), f"{path} was not built"
        return target

    def pages(self) -> list[Path]:
        return sorted(self.dir.rglob("*.html"))

    def links(self, path: str, selector: str = "article a") -> list[str]:
        """Where the page's links lead, as addresses from the site's root ("meetings/x/#id"), in page order."""
        return [self.resolve(path, a.attributes.get("href") or "") for a in self.html(path).css(selector)]

    @staticmethod
    def resolve(path: str, href: str) -> str:
        """A link's target from the site's root; links that leave the site stay as they are."""
        base = "http://site.invalid/" + path.lstrip("/")
        target = urljoin(base, href)
        return target.removeprefix("http://site.invalid/")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(config_file: Path, site_dir: Path, **overrides) -> BuiltSite:
    """Strict build with MkDocs' link and anchor validation at warn, so any broken link fails it."""
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        settings = {"strict": True, **overrides}
        config = load_config(
            config_file=str(config_file),
            site_dir=str(site_dir),
            validation={
                "omitted_files": "warn",
                "absolute_links": "warn",
                "unrecognized_links": "warn",
                "anchors": "warn",
            },
            **settings,
        )
        build(config)
    finally:
        logger.removeHandler(collector)
    return BuiltSite(site_dir, collector.messages)
