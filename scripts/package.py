#!/usr/bin/env python3
"""Writes the extension as shipped: dist/<browser>/ and dist/temoin-<version>-<browser>.zip.

Only what the browser loads goes in: the manifest, the locales and extension/ (without the
TypeScript declarations the build leaves in extension/pkg). The repository's one manifest
serves both browsers unpacked; each package keeps only its own browser's keys, so neither
browser warns about the other's (Chromium ignores background.scripts and gecko settings,
Firefox ignores background.service_worker). Entries are sorted and dated
1980-01-01 so that the same sources give the same zip, byte for byte.
"""
import argparse
import json
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INCLUDE = ["manifest.json", "_locales", "extension"]
# TypeScript declarations (the generated bindings and extension/shared/types/) only serve tsc.
EXCLUDE_SUFFIXES = (".ts",)
BROWSERS = ("chromium", "firefox")


def manifest_for(browser):
    manifest = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))
    if browser == "firefox":
        manifest["background"].pop("service_worker")
        manifest.pop("minimum_chrome_version", None)
        # Firefox's messages are structured clones already; the key is Chrome's opt-in.
        manifest.pop("message_serialization", None)
        # Firefox has no pageCapture (MHTML); captures there record 'mhtml-unavailable'.
        manifest["permissions"] = [p for p in manifest["permissions"] if p != "pageCapture"]
    else:
        manifest["background"].pop("scripts")
        manifest.pop("browser_specific_settings")
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def shipped_files():
    for item in INCLUDE:
        path = ROOT / item
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for f in files:
            if not f.name.endswith(EXCLUDE_SUFFIXES) and f.name != ".gitignore":
                yield f.relative_to(ROOT)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", required=True)
    parser.add_argument("--out", default="dist")
    args = parser.parse_args()
    out = ROOT / args.out
    files = sorted(shipped_files(), key=str)
    if not all((ROOT / f"extension/pkg/{m}/temoin_bg.wasm").exists() for m in ("worker", "pages")):
        raise SystemExit("extension/pkg is missing: run `make build` first")
    for browser in BROWSERS:
        unpacked = out / browser
        shutil.rmtree(unpacked, ignore_errors=True)
        archive = out / f"temoin-{args.version}-{browser}.zip"
        archive.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for rel in files:
                data = manifest_for(browser) if str(rel) == "manifest.json" else (ROOT / rel).read_bytes()
                (unpacked / rel).parent.mkdir(parents=True, exist_ok=True)
                (unpacked / rel).write_bytes(data)
                info = zipfile.ZipInfo(str(rel), date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, data)
        print(f"{archive.relative_to(ROOT)}: {len(files)} files, {archive.stat().st_size} bytes")


if __name__ == "__main__":
    main()
