# Sourced by .ci/run: sets JAVA_HOME to a JDK 25 or newer, or stops with a clear line.
_major() { local l; l=$("$1" -version 2>&1 | grep -m1 -E 'version "[0-9]+' || true); [[ $l =~ version\ \"([0-9]+) ]] && echo "${BASH_REMATCH[1]}"; }
_found=""
for _c in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
  [[ -n "$_c" && -x "$_c/bin/javac" ]] || continue
  _m=$(_major "$_c/bin/java")
  if [[ -n "$_m" && "$_m" -ge 25 ]]; then _found="$_c"; break; fi
done
if [[ -z "$_found" ]]; then
  echo "CI: no JDK 25 found (JAVA_HOME, /usr/lib/jvm, /opt/java); install one and set JAVA_HOME" >&2
  exit 2
fi
export JAVA_HOME="$_found"
export PATH="$JAVA_HOME/bin:$PATH"
