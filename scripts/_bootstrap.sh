# Sourced by scripts/meterwise and scripts/test: makes ./.venv from requirements.lock, every
# file hash-checked (scripts/lockfile.py install), with what pyproject.toml names for the
# given extra. Fails first, naming scripts/lock, when the lock no longer matches
# pyproject.toml. Re-installs only when the lock or pyproject.toml changed since the last
# install (a stamp in the venv).
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
"$py" "$root/scripts/lockfile.py" check
[[ -x $venv/bin/python ]] || "$py" -m venv "$venv"
want="$(cat "$root/requirements.lock" "$root/pyproject.toml" | sha256sum | cut -c1-16)${extras:+-$extras}"
stamp=$venv/.meterwise-installed
if [[ ! -f $stamp ]] || ! grep -qxF "$want" "$stamp"; then
  echo "meterwise: installing dependencies into .venv from requirements.lock (first run takes a minute or two)…" >&2
  "$venv/bin/python" "$root/scripts/lockfile.py" install --editable ${extras:+--extra "$extras"} >&2
  echo "$want" >"$stamp"
fi
