"""Build hook: the Chinese translations compiled (.ts → .qm) into the wheel, as
``expo_desk/translations/*.qm``, where ``expo_desk.ui.i18n`` looks for them first.

An editable install gets nothing: it runs from the source tree, which compiles the .ts
into its cache folder at start. ``lrelease`` comes with PySide6, which the hook asks for
in the build environment (``require-runtime-dependencies`` in pyproject.toml).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsBuildHook(BuildHookInterface):
    _out_dir: Path | None = None

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        self._out_dir = Path(tempfile.mkdtemp(prefix="expo-desk-qm-"))
        script = Path(self.root) / "tools" / "translations.py"
        subprocess.run([sys.executable, str(script), "compile", str(self._out_dir)], cwd=self.root, check=True)
        compiled = sorted(self._out_dir.glob("*.qm"))
        if not compiled:
            raise RuntimeError("no translations compiled: resources/translations/*.ts missing?")
        for qm_file in compiled:
            build_data["force_include"][str(qm_file)] = f"expo_desk/translations/{qm_file.name}"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        if self._out_dir is not None:
            shutil.rmtree(self._out_dir, ignore_errors=True)
            self._out_dir = None
