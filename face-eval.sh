#!/usr/bin/env bash
# Face verification evaluation: scores a folder of labelled selfie/document pairs with the face
# engine of this build and prints a markdown report (docs/face-evaluation.md).
#
#   ./face-eval.sh <folder> [--threshold 0.65] [--out report.md] [--scores scores.csv]
#   ./face-eval.sh --synthetic <out-folder> [--seed N] [--renditions K]
#
# <folder> holds the images and pairs.csv (header left,right,label[,subject]; label genuine or
# impostor; left = selfie, right = document image; paths relative to the folder).
# --synthetic writes the SYNTHETIC regression set (public-domain portraits, plus face-api's demo
# photos when the model build has cached them) in that format; it says nothing about real accuracy.
#
# Needs a build first, from a clean clone:  mvn -B -q install -DskipTests
# (that builds the engine's models into identity-face/target/classes/face-models).
# Environment: FACE_EVAL_JAVA_OPTS (extra JVM options, e.g. -Didentity.face.model-dir=/models),
# MVN_ARGS (extra Maven options for the one-off classpath resolution, e.g. -o).
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
module="$root/identity-face"

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
[ $# -ge 1 ] || usage
case "$1" in -h|--help) usage ;; esac

if [ ! -d "$module/target/classes/io/idforge/identity/face/eval" ]; then
  echo "identity-face is not built: run 'mvn -B -q install -DskipTests' in $root first" >&2
  exit 2
fi

# The runtime classpath, resolved once by Maven and cached next to the build output.
cp_file="$module/target/face-eval.classpath"
if [ ! -s "$cp_file" ] || [ "$module/pom.xml" -nt "$cp_file" ] || [ "$root/pom.xml" -nt "$cp_file" ]; then
  (cd "$root" && mvn -B -q ${MVN_ARGS:-} -pl identity-face dependency:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile="$cp_file") >&2
fi

# The classpath goes into an argument file, not onto the command line: with telemetry on, ONNX
# Runtime 1.29 crashes (SIGSEGV, no hs_err) when the command line is longer than about 4 kB.
args_file="$module/target/face-eval.args"
printf -- '-cp\n"%s:%s"\n' "$module/target/classes" "$(cat "$cp_file")" > "$args_file"

# As serve.sh: no ONNX Runtime telemetry, its scratch files under target/.
mkdir -p "$module/target/face-eval-tmp" "$module/target/face-eval-cache"
export ORT_DISABLE_TELEMETRY=1 TMPDIR="$module/target/face-eval-tmp" \
  XDG_CACHE_HOME="$module/target/face-eval-cache" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

main=io.idforge.identity.face.eval.EvaluateFaces
if [ "$1" = "--synthetic" ]; then
  [ $# -ge 2 ] || usage
  out="$2"
  shift 2
  "$root/.ci/setup-portraits.sh" >/dev/null
  main=io.idforge.identity.face.eval.SyntheticEvalSet
  set -- --out "$out" "$@"
fi

# shellcheck disable=SC2086
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" @"$args_file" -Djava.awt.headless=true \
  -Djava.io.tmpdir="$TMPDIR" ${FACE_EVAL_JAVA_OPTS:-} "$main" "$@"
