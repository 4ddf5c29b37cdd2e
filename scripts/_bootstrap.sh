# Sourced by scripts/meterwise and scripts/test: makes ./.venv with what pyproject.toml names.
# Re-installs only when pyproject.toml changed since the last install (a stamp in the venv).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
extras=${1:-}
venv=$root/.venv
py=${PYTHON:-}
if [[ -z $py ]]; then
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      py=$candidate; break
    fi
  done
fi
[[ -n $py ]] || { echo "meterwise: Python 3.11 or newer is required" >&2; exit 1; }
[[ -x $venv/bin/python ]] || "$py" -m venv "$venv"
want="$(sha256sum "$root/pyproject.toml" | cut -c1-16)${extras:+-$extras}"
stamp=$venv/.meterwise-installed
if [[ ! -f $stamp ]] || ! grep -qxF "$want" "$stamp"; then
  echo "meterwise: installing dependencies into .venv (first run takes a minute)…" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$root${extras:+[$extras]}" >&2
  echo "$want" >"$stamp"
fi
