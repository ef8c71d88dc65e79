"""A throw-away LibreOffice profile, seeded so that documents cannot reach out or run code."""

from __future__ import annotations

from pathlib import Path

from slideshelf.lib import scratch

# Macros never run; links to remote images and other files are never fetched.
REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
  <prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop>
  <prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop>
  <prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop>
</item>
<item oor:path="/org.openoffice.Office.Common/Misc">
  <prop oor:name="UseOpenCL" oor:op="fuse"><value>false</value></prop>
  <prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop>
</item>
<item oor:path="/org.openoffice.Office.Common/Save/Document">
  <prop oor:name="CreateBackup" oor:op="fuse"><value>false</value></prop>
</item>
<item oor:path="/org.openoffice.Office.Common/Load">
  <prop oor:name="UpdateLinkMode" oor:op="fuse"><value>0</value></prop>
</item>
</oor:items>
"""


def make_profile() -> Path:
    root = scratch.new_folder("office")
    user = root / "user"
    user.mkdir()
    (user / "registrymodifications.xcu").write_text(REGISTRY)
    return root
