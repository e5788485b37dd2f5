#!/usr/bin/env bash
# Local Keycloak for development: start | stop | status | restart
#
# Runs org.keycloak:keycloak-quarkus-dist (the zip from Maven Central) on
# http://localhost:${KEYCLOAK_PORT:-8180} with the realm auth/src/main/resources/realm/jiangmen-realm.json.
# DEV ONLY: bootstrap admin admin/admin, demo users with password "demo", plain HTTP, H2 files.
#
# Started as `kc.sh start --optimized` on a Keycloak built once (`kc.sh build`, the first start after
# unpacking) and, by default, on a copy of a database into which the realm file was imported once
# (again when the file changes): every start begins from the file, as an in-memory database would,
# without creating the schema and importing the realm each time (start-dev did both: most of its
# 61-68 s beside the suite's apps, README.md "Benchmarks").
#
# Environment (all optional):
#   KEYCLOAK_PORT      HTTP port (default 8180)
#   KEYCLOAK_HOSTNAME  public base URL that ends up in "iss" (default http://localhost:$KEYCLOAK_PORT)
#   KEYCLOAK_DB        Keycloak's own internal store: fresh (default; every start begins from the realm
#                      file, so the file stays the single truth; runtime changes are lost at the next
#                      start) or dev-file (keeps runtime changes in .run/keycloak/keycloak-<v>/data; a
#                      realm that already exists is NOT re-imported). dev-mem is read as fresh.
#   KEYCLOAK_HEAP      JVM heap and collector (default: SerialGC, -Xmx320m; Keycloak's own default is
#                      G1 with up to 512 MiB, which it claims eagerly)
#   KEYCLOAK_TIMEOUT   seconds to wait for the realm to answer (default 300: 2 cores shared with six JVMs starting at once)
set -euo pipefail

KC_VERSION=26.5.6
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
RUN_DIR="$REPO_ROOT/.run"
KC_PARENT="$RUN_DIR/keycloak"
KC_HOME="$KC_PARENT/keycloak-$KC_VERSION"
LOG_DIR="$RUN_DIR/logs"
LOG_FILE="$LOG_DIR/keycloak.log"
PID_FILE="$RUN_DIR/keycloak.pid"
REALM_FILE="$SCRIPT_DIR/src/main/resources/realm/jiangmen-realm.json"
M2_REPO="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
ZIP="$M2_REPO/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"

PORT="${KEYCLOAK_PORT:-8180}"
HOSTNAME_URL="${KEYCLOAK_HOSTNAME:-http://localhost:$PORT}"
KC_DB_KIND="${KEYCLOAK_DB:-fresh}"
[[ "$KC_DB_KIND" == dev-mem ]] && KC_DB_KIND=fresh
# build-time options (kc.sh build); both kinds keep H2 files, "fresh" restores them before each start
BUILD_OPTIONS=(--db=dev-file)
# 2 cores shared with six JVMs: no GC threads to fight over, a heap sized from its histogram (about
# 120 MiB in use after the benchmark's 90 sign-ins), fewer malloc arenas (glibc's default is 8 per core)
KC_HEAP_DEFAULT="-XX:+UseSerialGC -Xms32m -Xmx320m"
# kc.sh's own JAVA_OPTS without its G1 (two collectors cannot be named); the heap goes after
KC_JAVA_OPTS_BASE="-XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 \
-Dsun.err.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -XX:+ExitOnOutOfMemoryError \
-Djava.security.egd=file:/dev/urandom -Djdk.tls.rejectClientInitiatedRenegotiation=true"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
TIMEOUT="${KEYCLOAK_TIMEOUT:-300}"
WELL_KNOWN="http://localhost:$PORT/realms/jiangmen/.well-known/openid-configuration"

log() { echo "[keycloak] $*"; }

running_pid() {
  if [[ -f "$PID_FILE" ]]; then
    local pid
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      echo "$pid"
      return 0
    fi
  fi
  return 1
}

realm_answers() {
  curl -fsS -o /dev/null --max-time 3 "$WELL_KNOWN" 2>/dev/null
}

ensure_zip() {
  if [[ -f "$ZIP" ]]; then return 0; fi
  log "Keycloak distribution not in the local Maven repository; fetching it from Maven Central"
  (cd "$REPO_ROOT" && ./mvnw -q -B dependency:get \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -Dtransitive=false)
  [[ -f "$ZIP" ]] || { log "still missing: $ZIP"; exit 1; }
}

ensure_unpacked() {
  if [[ -f "$KC_HOME/.jiangmen-unpacked" ]]; then return 0; fi
  ensure_zip
  log "unpacking $ZIP into $KC_PARENT"
  rm -rf "$KC_HOME"
  mkdir -p "$KC_PARENT"
  unzip -q "$ZIP" -d "$KC_PARENT"
  touch "$KC_HOME/.jiangmen-unpacked"
}

ensure_built() { # once per distribution and build options: `start --optimized` skips this work
  local want="$KC_VERSION ${BUILD_OPTIONS[*]}"
  [[ "$(cat "$KC_HOME/.jiangmen-built" 2>/dev/null)" == "$want" ]] && return 0
  log "building Keycloak once for start --optimized (${BUILD_OPTIONS[*]}; log: $LOG_DIR/keycloak-build.log)"
  if ! "$KC_HOME/bin/kc.sh" build "${BUILD_OPTIONS[@]}" >"$LOG_DIR/keycloak-build.log" 2>&1; then
    log "kc.sh build failed; last log lines:"
    tail -n 30 "$LOG_DIR/keycloak-build.log" || true
    exit 1
  fi
  echo "$want" >"$KC_HOME/.jiangmen-built"
}

restore_fresh_database() { # imports the realm file once per content into a saved database; copies it in place
  local saved
  saved="$KC_PARENT/realm-$(cat "$REALM_FILE" <(echo "$KC_VERSION ${BUILD_OPTIONS[*]}") | sha256sum | cut -c1-16)"
  if [[ ! -f "$saved/.complete" ]]; then
    log "importing the realm file once into $saved (log: $LOG_DIR/keycloak-import.log)"
    rm -rf "$KC_HOME/data/h2" "$saved"
    if ! KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS="$KC_JAVA_OPTS" \
        "$KC_HOME/bin/kc.sh" import --optimized --file "$REALM_FILE" >"$LOG_DIR/keycloak-import.log" 2>&1; then
      log "kc.sh import failed; last log lines:"
      tail -n 30 "$LOG_DIR/keycloak-import.log" || true
      exit 1
    fi
    mkdir -p "$saved"
    cp -a "$KC_HOME/data/h2" "$saved/h2"
    touch "$saved/.complete"
  fi
  rm -rf "$KC_HOME/data/h2"
  cp -a "$saved/h2" "$KC_HOME/data/h2"
}

start() {
  local pid
  if pid="$(running_pid)"; then
    log "already running (pid $pid) on http://localhost:$PORT"
    return 0
  fi
  if realm_answers; then
    log "a Keycloak with realm jiangmen already answers on port $PORT (not started by this script); leaving it"
    return 0
  fi
  command -v java >/dev/null || { log "java not found on PATH"; exit 1; }
  ensure_unpacked
  mkdir -p "$KC_HOME/data/import" "$LOG_DIR"
  local started_at=$SECONDS import=()
  KC_JAVA_OPTS="$KC_JAVA_OPTS_BASE ${KEYCLOAK_HEAP:-$KC_HEAP_DEFAULT}"
  ensure_built
  if [[ "$KC_DB_KIND" == fresh ]]; then
    rm -f "$KC_HOME/data/import/jiangmen-realm.json"
    restore_fresh_database
  else
    cp "$REALM_FILE" "$KC_HOME/data/import/jiangmen-realm.json"
    import=(--import-realm)
  fi

  log "starting Keycloak $KC_VERSION on http://localhost:$PORT (db=$KC_DB_KIND, log: $LOG_FILE)"
  # setsid: own process group, so "stop" can signal kc.sh and its java child together.
  # Production mode on plain HTTP for localhost (dev only); a local cache, not a cluster to discover.
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS="$KC_JAVA_OPTS" \
    setsid nohup "$KC_HOME/bin/kc.sh" start --optimized \
      --http-enabled=true \
      --http-port "$PORT" \
      --hostname "$HOSTNAME_URL" \
      --cache=local \
      "${import[@]}" \
      >"$LOG_FILE" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"

  # The first start after unpacking, or after a build-time option changed, re-augments Quarkus first
  # ("Updating the configuration ..."): that phase does not count against the timeout.
  local augment_extra=0
  while (( SECONDS - started_at < TIMEOUT + augment_extra )); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "Keycloak exited during start; last log lines:"
      tail -n 30 "$LOG_FILE" || true
      rm -f "$PID_FILE"
      exit 1
    fi
    if realm_answers; then
      log "ready after $((SECONDS - started_at)) s: issuer $HOSTNAME_URL/realms/jiangmen (admin console: admin/admin)"
      return 0
    fi
    if grep -q "Updating the configuration" "$LOG_FILE" 2>/dev/null \
        && ! grep -q "augmentation completed" "$LOG_FILE" 2>/dev/null && (( augment_extra < 600 )); then
      augment_extra=$((augment_extra + 1))
    fi
    sleep 1
  done
  log "realm did not answer within $TIMEOUT s (+$augment_extra s re-augmentation); stopping it. Log: $LOG_FILE"
  tail -n 30 "$LOG_FILE" || true
  stop
  exit 1
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    log "not running"
    rm -f "$PID_FILE"
    return 0
  fi
  log "stopping (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still alive after 30 s; killing"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    if realm_answers; then
      log "running (pid $pid), realm jiangmen answers at http://localhost:$PORT/realms/jiangmen"
    else
      log "running (pid $pid), realm not answering yet"
    fi
    return 0
  fi
  if realm_answers; then
    log "running (not started by this script) at http://localhost:$PORT/realms/jiangmen"
    return 0
  fi
  log "not running"
  return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) stop; start ;;
  *) echo "usage: $0 start|stop|status|restart" >&2; exit 2 ;;
esac
