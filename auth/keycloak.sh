#!/usr/bin/env bash
# Local Keycloak for development: start | stop | status | restart
#
# Runs org.keycloak:keycloak-quarkus-dist (the zip from Maven Central) in dev mode on
# http://localhost:${KEYCLOAK_PORT:-8180} with the realm auth/src/main/resources/realm/jiangmen-realm.json
# imported at start. DEV ONLY: bootstrap admin admin/admin, demo users with password "demo".
#
# Environment (all optional):
#   KEYCLOAK_PORT      HTTP port (default 8180)
#   KEYCLOAK_HOSTNAME  public base URL that ends up in "iss" (default http://localhost:$KEYCLOAK_PORT)
#   KEYCLOAK_DB        Keycloak's own internal store: dev-mem (default; every start re-imports the realm
#                      file, so the file stays the single truth) or dev-file (keeps runtime changes in
#                      .run/keycloak/keycloak-<v>/data; a realm that already exists is NOT re-imported)
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
KC_DB_KIND="${KEYCLOAK_DB:-dev-mem}"
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
  cp "$REALM_FILE" "$KC_HOME/data/import/jiangmen-realm.json"

  log "starting Keycloak $KC_VERSION on http://localhost:$PORT (db=$KC_DB_KIND, log: $LOG_FILE)"
  local started_at=$SECONDS
  # setsid: own process group, so "stop" can signal kc.sh and its java child together
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid nohup "$KC_HOME/bin/kc.sh" start-dev \
      --http-port "$PORT" \
      --hostname "$HOSTNAME_URL" \
      --db "$KC_DB_KIND" \
      --import-realm \
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
