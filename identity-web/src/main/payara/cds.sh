# Class Data Sharing for Payara Micro (sourced by serve.sh and the bench scripts, not run).
#
#   cds_flag OUT_DIR MICRO_JAR WAR POST_BOOT_FILE JVM_FLAGS...
#
# Prints "-XX:SharedArchiveFile=<archive>" for the given JVM flags, making the archive first when
# there is none yet: one training start of Payara Micro with --warmup (it boots, deploys the WAR
# and exits) under -XX:ArchiveClassesAtExit, against a throw-away H2 database, so the next starts
# map the ~20,000 classes of Payara and the service from the archive instead of loading, parsing
# and verifying them again. Prints nothing (and start-up goes on without CDS) when the training
# start fails; its log stays next to the archive.
#
# The archive is build output (OUT_DIR, under target/), never committed. Its name carries a digest
# of what it depends on: the Java runtime, payara-micro.jar and the JVM flags; a change of any of
# them makes a new one. A rebuilt WAR keeps the archive: the JVM checks every archived class of the
# application against the class file it loads and uses only identical ones, so changed classes load
# as without CDS (remove OUT_DIR to train again). Opt-in: IDFORGE_CDS=1 switches it on (the measured
# gain, 4-6 % of a start's CPU, did not pay for doubling the first start of a newcomer).
cds_flag() {
  local out=$1 micro=$2 war=$3 postboot=$4; shift 4
  [ "${IDFORGE_CDS:-0}" = 1 ] || return 0
  local key archive work
  key=$( { java -version 2>&1; stat -c '%s %Y' "$micro"; echo "$*"; } | sha256sum | cut -c1-16)
  archive="$out/payara-$key.jsa"
  if [ ! -s "$archive" ]; then
    mkdir -p "$out"
    work=$(mktemp -d "$out/training.XXXXXX")
    rm -f "$archive.tmp"   # left by an interrupted training start (the JVM writes it read-only)
    echo "CDS: no class archive for these JVM flags yet; one training start (--warmup) makes $archive" >&2
    # A throw-away database and no demo tenant: the training start must not touch the real one.
    # shellcheck disable=SC2068  # the JVM flags are a word list on purpose
    if env DB_URL="jdbc:h2:file:$work/db/identity;DB_CLOSE_ON_EXIT=FALSE" DB_USER= DB_PASSWORD= \
        IDENTITY_BOOTSTRAP_DEMO=false ORT_DISABLE_TELEMETRY=1 TMPDIR="$work" XDG_CACHE_HOME="$work/cache" \
        MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
        java $@ -XX:ArchiveClassesAtExit="$archive.tmp" -Xlog:cds=error -Djava.io.tmpdir="$work" \
        -jar "$micro" --deploy "$war" --contextroot / --postbootcommandfile "$postboot" \
        --autoBindHttp --nocluster --disablephonehome --rootDir "$work/root" --warmup >"$out/training.log" 2>&1 \
        && [ -s "$archive.tmp" ]; then
      mv "$archive.tmp" "$archive"
      # The log holds the throw-away database's one-time console link: nothing worth keeping.
      rm -f "$out/training.log"
    else
      echo "CDS: the training start failed (see $out/training.log); starting without an archive" >&2
      rm -f "$archive.tmp"
    fi
    rm -rf "$work"
  fi
  [ -s "$archive" ] && echo "-XX:SharedArchiveFile=$archive"
  return 0
}
