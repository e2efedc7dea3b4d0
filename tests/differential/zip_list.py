"""Lists every file of each ZIP given, as Python's zipfile reads it (central directory first):
one JSON line per ZIP, {"zip": path, "files": {name: sha256}} or {"zip": path, "error": ...}."""
import hashlib
import json
import sys
import zipfile

for path in sys.argv[1:]:
    out = {"zip": path}
    try:
        with zipfile.ZipFile(path) as z:
            files = {}
            for info in z.infolist():
                digest = hashlib.sha256()
                total = 0
                with z.open(info) as f:
                    while chunk := f.read(1 << 16):
                        digest.update(chunk)
                        total += len(chunk)
                        if total > 1 << 30:
                            raise ValueError(f"more than 1 GiB in {info.filename}")
                name = info.filename
                if name in files:
                    name += "#duplicate"
                files[name] = digest.hexdigest()
            out["files"] = files
    except Exception as e:  # every failure is a verdict here
        out["error"] = f"{type(e).__name__}: {e}"
    print(json.dumps(out), flush=True)
