from __future__ import annotations

import re

from tests.conftest import REPO


def test_every_setting_is_documented_in_the_readme():
    source = "\n".join(p.read_text() for p in (REPO / "slideshelf").rglob("*.py"))
    used = {f"SLIDESHELF_{name}" for name in re.findall(r'env_[a-z]+\(\s*"([A-Z_]+)"', source)}
    readme = (REPO / "README.md").read_text()
    documented = set(re.findall(r"`(SLIDESHELF_[A-Z_]+)`", readme))
    assert used, "no settings found: the pattern is out of date"
    assert used <= documented, f"undocumented: {sorted(used - documented)}"
