"""The settings one build or check runs with, read once from mkdocs.yml and passed around as one frozen object."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from notes_core.addresses import DATA, MEETINGS

# MkDocs always adds these to the extensions mkdocs.yml names.
MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")


@dataclass(frozen=True)
class Settings:
    root: Path
    docs_dir: Path
    data_dir: Path
    site_url: str = ""
    site_name: str = ""
    markdown_extensions: tuple[str, ...] = MKDOCS_EXTENSIONS
    extension_configs: dict[str, dict[str, Any]] = field(default_factory=dict)
    extra_css: tuple[str, ...] = ()
    extra_javascript: tuple[str, ...] = ()

    @property
    def meetings_dir(self) -> Path:
        return self.docs_dir / MEETINGS


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml is the maintainers' file; only its `!ENV` tag needs understanding here."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    names = loader.construct_sequence(node)  # type: ignore[arg-type]
    for name in names[:-1]:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return names[-1] if len(names) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env)


def load_settings(root: Path, site_url: str | None = None, site_name: str | None = None) -> Settings:
    """Settings from root/mkdocs.yml; `site_url` and `site_name` override it (the MkDocs hook passes the
    values MkDocs resolved; tests and the benchmark build elsewhere)."""
    root = root.resolve()
    config_file = root / "mkdocs.yml"
    config: dict[str, Any] = {}
    if config_file.is_file():
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    extensions: list[str] = list(MKDOCS_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in extensions:
            extensions.append(name)
        if options:
            configs[name] = dict(options)
    return Settings(
        root=root,
        docs_dir=root / str(config.get("docs_dir") or "docs"),
        data_dir=root / DATA,
        site_url=site_url if site_url is not None else str(config.get("site_url") or ""),
        site_name=site_name if site_name is not None else str(config.get("site_name") or ""),
        markdown_extensions=tuple(extensions),
        extension_configs=configs,
        extra_css=tuple(str(p) for p in config.get("extra_css") or ()),
        extra_javascript=tuple(
            str(p if isinstance(p, str) else p.get("path", "")) for p in config.get("extra_javascript") or ()
        ),
    )
