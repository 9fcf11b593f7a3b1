"""Build hook: the wheel carries the Cypher files inside the package.

``cypher/`` stays at the repository's top (analysts run those files; the migrations tools
read them there), and a non-editable install (the Docker image, ``pip install .``) finds a
copy at ``backend/_cypher`` (see ``backend/queries.py``). Everything else is in
pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class build_py_with_cypher(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads cypher/ in the working tree
        target = Path(self.build_lib) / "backend" / "_cypher"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(
            Path(__file__).parent / "cypher", target, ignore=shutil.ignore_patterns("*~", ".*")
        )


setup(cmdclass={"build_py": build_py_with_cypher})
