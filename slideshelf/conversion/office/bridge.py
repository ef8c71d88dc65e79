"""Runs under LibreOffice's own Python (the one with `uno`), never imported by slideshelf.

It starts soffice with the throw-away profile it is given, connects over a local pipe, and
then converts one document per request. Requests and replies are JSON lines on stdin/stdout:

  -> {"input": "/x/deck.ppt", "outputs": [{"path": "/x/deck.pdf", "filter": "impress_pdf_Export"}]}
  <- {"ok": true, "slides": 12, "hidden": [3]}   or   {"ok": false, "error": "..."}

If the connection to soffice is lost the bridge exits non-zero; the client restarts both.
"""

import contextlib
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

CONNECT_SECONDS = 60
# Never run macros, never update links to other files or the network.
NEVER_EXECUTE = 0
NO_UPDATE = 0


def props(**values):
    result = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name = name
        prop.Value = value
        result.append(prop)
    return tuple(result)


def filter_data(**values):
    return uno.Any("[]com.sun.star.beans.PropertyValue", props(**values))


def reply(**values):
    sys.stdout.write(json.dumps(values) + "\n")
    sys.stdout.flush()


def start_office(soffice, pipe_name, profile_dir):
    return subprocess.Popen(
        [
            soffice,
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            "--nofirststartwizard",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile_dir),
            f"--accept=pipe,name={pipe_name};urp;StarOffice.ComponentContext",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=sys.stderr,
    )


def connect(pipe_name, office):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = f"uno:pipe,name={pipe_name};urp;StarOffice.ComponentContext"
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            context = resolver.resolve(url)
            break
        except NoConnectException:
            if office.poll() is not None:
                raise SystemExit(
                    f"soffice exited with code {office.returncode} while starting"
                ) from None
            if time.monotonic() > deadline:
                raise SystemExit("soffice did not accept connections in time") from None
            time.sleep(0.05)
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def store_properties(target):
    # impress_pdf_Export for presentations, draw_pdf_Export for Draw documents.
    if target["filter"].endswith("_pdf_Export"):
        data = filter_data(
            ExportNotesPages=False,
            ExportHiddenSlides=bool(target.get("hidden_slides", False)),
            UseTaggedPDF=True,
            ReduceImageResolution=False,
            Quality=90,
        )
        return props(FilterName=target["filter"], FilterData=data)
    return props(FilterName=target["filter"])


def hidden_slides(document):
    pages = document.getDrawPages()
    hidden = []
    for index in range(pages.getCount()):
        page = pages.getByIndex(index)
        try:
            visible = page.getPropertyValue("Visible")
        except Exception:
            visible = True
        if not visible:
            hidden.append(index + 1)
    return pages.getCount(), hidden


def load(desktop, path, repair):
    return desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(path),
        "_blank",
        0,
        props(
            Hidden=True,
            ReadOnly=True,
            MacroExecutionMode=NEVER_EXECUTE,
            UpdateDocMode=NO_UPDATE,
            RepairPackage=repair,
        ),
    )


def convert(desktop, request):
    document = load(desktop, request["input"], repair=False)
    if document is None:
        # A package with a damaged or inconsistent manifest often loads in repair mode,
        # the mode LibreOffice offers a person who opens such a file.
        document = load(desktop, request["input"], repair=True)
    if document is None:
        return {"ok": False, "error": "LibreOffice could not open the file"}
    try:
        if not hasattr(document, "getDrawPages"):
            return {"ok": False, "error": "LibreOffice opened the file, but not as a presentation"}
        count, hidden = hidden_slides(document)
        for target in request["outputs"]:
            document.storeToURL(uno.systemPathToFileUrl(target["path"]), store_properties(target))
        return {"ok": True, "slides": count, "hidden": hidden}
    finally:
        document.close(True)


def main():
    soffice, pipe_name, profile_dir = sys.argv[1:4]
    office = start_office(soffice, pipe_name, profile_dir)
    try:
        desktop = connect(pipe_name, office)
        reply(ready=True, pid=office.pid)
        for line in sys.stdin:
            request = json.loads(line)
            try:
                answer = convert(desktop, request)
            except Exception as error:
                if office.poll() is not None or "DisposedException" in type(error).__name__:
                    reply(ok=False, error=f"LibreOffice stopped: {error}", fatal=True)
                    return 3
                answer = {"ok": False, "error": f"{type(error).__name__}: {error}"}
            reply(**answer)
    finally:
        with contextlib.suppress(Exception):
            desktop.terminate()
        office.kill()
    return 0


if __name__ == "__main__":
    os.environ.pop("PYTHONPATH", None)
    sys.exit(main())
