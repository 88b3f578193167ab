"""Builds the extension vnie._vnie with the project's CMake (see pyproject.toml)."""
import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = pathlib.Path(self.build_temp).resolve() / "cmake"
        subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build_dir),
                        "-DCMAKE_BUILD_TYPE=Release", f"-DPython3_EXECUTABLE={sys.executable}",
                        "-DVNIE_BUILD_PYTHON=ON", "-DVNIE_BUILD_TESTS=OFF",
                        "-DVNIE_BUILD_TOOLS=OFF", "-DVNIE_BUILD_BENCH=OFF",
                        "-DVNIE_BUILD_EXAMPLES=OFF"], check=True)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_vnie",
                        "-j", str(os.cpu_count() or 1)], check=True)
        built = sorted((build_dir / "python" / "vnie").glob("_vnie*.so"))
        if not built:
            raise RuntimeError("CMake did not build the extension: is pybind11-dev installed?")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)


# setuptools' own build directory, apart from scripts/build.sh's build/
setup(ext_modules=[Extension("vnie._vnie", sources=[])], cmdclass={"build_ext": CMakeBuild},
      options={"build": {"build_base": "build-pip"}})
