"""Finding rules of your own: modules named in the configuration, and installed packages' entry points.

Both ways end in an ordinary import, which runs the module's `rule` decorators:

- ``plugins = ["my_rules", "package.module"]`` in ``prestatieafspraken.toml`` (or ``[tool.prestatieafspraken]``):
  each module is imported with the configuration's folder first on ``sys.path``, so a ``my_rules.py`` next to the
  agreement is found. Its rules run in the checks whose configuration names it, and only there: checking two
  folders with different configurations in one process keeps their rules apart.
- An installed package that declares the entry point group ``prestatieafspraken.rules``, each entry point naming
  a module (``my_rules = "my_package.rules"``). The entry points are loaded once per process, by the first
  `check` and by ``prestatieafspraken rules``; their rules run in every check (``ignore`` switches them off).

A module that cannot be imported raises `RuleRegistrationError` (the command line exits 2), never a traceback.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.metadata
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import attrs

from prestatieafspraken.errors import RuleRegistrationError
from prestatieafspraken.rules.config import CheckConfig
from prestatieafspraken.rules.registry import REGISTRY

__all__ = ["ENTRY_POINT_GROUP", "load_entry_point_rules", "load_plugins"]

#: The entry point group an installed package declares its rule modules in.
ENTRY_POINT_GROUP = "prestatieafspraken.rules"


@attrs.define
class _Loaded:
    """What this process has loaded; `prestatieafspraken.testing.isolated_rules` saves and restores it."""

    entry_points: bool = False
    """Whether the entry points have been loaded (once per process)."""
    entry_point_modules: tuple[str, ...] = ()
    """The modules the entry points named."""
    config_codes: dict[str, frozenset[str]] = attrs.field(factory=dict)
    """Per module named in a configuration's ``plugins``, the codes its import registered."""

    def copy(self) -> _Loaded:
        """An independent copy."""
        return _Loaded(
            entry_points=self.entry_points,
            entry_point_modules=self.entry_point_modules,
            config_codes=dict(self.config_codes),
        )


_LOADED = _Loaded()


def load_plugins(config: CheckConfig) -> frozenset[str]:
    """Load the rules a check with *config* runs, and return the codes it must not run.

    The installed packages' entry points are loaded once per process; the configuration's ``plugins`` are
    imported (once; later calls find them imported). The codes returned are those of plugin modules that another
    configuration named and this one does not.

    Raises:
        RuleRegistrationError: A module cannot be imported, or a rule in it cannot be registered.
    """
    load_entry_point_rules()
    for name in config.plugins:
        _import_plugin(name, config.directory)
    return frozenset(
        code for module, codes in _LOADED.config_codes.items() if module not in config.plugins for code in codes
    )


def load_entry_point_rules() -> tuple[str, ...]:
    """Import the modules named by the installed packages' ``prestatieafspraken.rules`` entry points, once.

    Returns the names of those modules. A later call does nothing and returns the same names.

    Raises:
        RuleRegistrationError: An entry point cannot be loaded, does not name a module, or its rules cannot be
            registered. Nothing is marked loaded, so the next check reports it again.
    """
    if _LOADED.entry_points:
        return _LOADED.entry_point_modules
    modules = []
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = entry_point.dist
        package = f"{dist.name} {dist.version}" if dist is not None else "an installed package"
        where = f"entry point {entry_point.name!r} of {package} (group {ENTRY_POINT_GROUP}: {entry_point.value!r})"
        try:
            loaded = entry_point.load()
        except RuleRegistrationError as error:
            raise RuleRegistrationError(f"{where}: {error}") from None
        except Exception as error:
            raise RuleRegistrationError(
                f"{where} cannot be loaded: {type(error).__name__}: {error}; "
                "reinstall the package, or uninstall it to check without its rules"
            ) from error
        if not isinstance(loaded, ModuleType):
            raise RuleRegistrationError(
                f"{where} names a {type(loaded).__name__}, not a module: an entry point of this group names the "
                'module that registers the rules, as my_rules = "my_package.rules"'
            )
        modules.append(loaded.__name__)
    _LOADED.entry_point_modules = tuple(modules)
    _LOADED.entry_points = True
    return _LOADED.entry_point_modules


def _import_plugin(name: str, directory: Path | None) -> None:
    """Import the plugin module *name*, with *directory* first on ``sys.path``, and remember what it registered."""
    where = f"plugins: module {name!r}"
    if directory is not None:
        where += f" (configuration in {directory})"
    module = sys.modules.get(name)
    if module is None or name not in _LOADED.config_codes:
        before = set(REGISTRY.codes)
        module = _import(name, directory, where)
        registered = frozenset(set(REGISTRY.codes) - before)
        _LOADED.config_codes[name] = registered | _LOADED.config_codes.get(name, frozenset())
    _refuse_shadowed(module, name, directory, where)


def _import(name: str, directory: Path | None, where: str) -> ModuleType:
    with _first_on_path(directory):
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name is None or not _is_part_of(name, error.name):
                raise RuleRegistrationError(f"{where}: importing it failed: {type(error).__name__}: {error}") from error
            looked = (
                f"next to the configuration, in {directory}, and on the Python path"
                if directory is not None
                else "on the Python path"
            )
            raise RuleRegistrationError(
                f"{where}: no module named {error.name!r} ({looked}); put {_file_of(name)} there, "
                "or install the package that provides it"
            ) from None
        except RuleRegistrationError as error:
            raise RuleRegistrationError(f"{where}: {error}") from None
        except Exception as error:
            raise RuleRegistrationError(f"{where}: importing it failed: {type(error).__name__}: {error}") from error


@contextlib.contextmanager
def _first_on_path(directory: Path | None) -> Iterator[None]:
    """Put a folder first on ``sys.path`` for the duration of an import, then take it away again."""
    if directory is None:
        yield
        return
    entry = str(directory)
    sys.path.insert(0, entry)
    importlib.invalidate_caches()
    try:
        yield
    finally:
        if entry in sys.path:
            sys.path.remove(entry)


def _is_part_of(name: str, missing: str) -> bool:
    """Whether the missing module is *name* or one of its parent packages (not something *name* imports)."""
    return name == missing or name.startswith(missing + ".")


def _file_of(name: str) -> str:
    return name.replace(".", "/") + ".py"


def _candidates(name: str, directory: Path) -> Iterator[Path]:
    base = directory.joinpath(*name.split("."))
    yield base.with_name(base.name + ".py")
    yield base / "__init__.py"


def _refuse_shadowed(module: ModuleType, name: str, directory: Path | None, where: str) -> None:
    """Refuse a module of the same name imported earlier from elsewhere, when the folder holds its own."""
    if directory is None or module.__file__ is None:
        return
    local = next((path for path in _candidates(name, directory) if path.is_file()), None)
    if local is not None and Path(module.__file__).resolve() != local.resolve():
        raise RuleRegistrationError(
            f"{where}: a module {name!r} is already imported from {module.__file__}, not from {local}; one process "
            "cannot hold two plugin modules of one name: give them different names"
        )
