#!/usr/bin/env bash
# Dev helper: logs a demo user in through the real browser flow of jiangmen-gateway (authorization code +
# PKCE S256, no direct grants needed) with curl, and prints Keycloak's token response (JSON).
#   auth/demo-token.sh applicant1 | jq -r .access_token
# KEYCLOAK_URL (default http://localhost:8180), password "demo", client secret gateway-dev-secret: dev only.
set -euo pipefail
KC=${KEYCLOAK_URL:-http://localhost:8180}; USERNAME=${1:-applicant1}
J=$(mktemp); trap 'rm -f $J' EXIT
VERIFIER=$(head -c 48 /dev/urandom | base64 | tr -d '=+/\n' | cut -c1-64)
CHALLENGE=$(printf '%s' "$VERIFIER" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
REDIR=http://localhost:8080/login/oauth2/code/keycloak
PAGE=$(curl -s -c $J -b $J "$KC/realms/jiangmen/protocol/openid-connect/auth?client_id=jiangmen-gateway&response_type=code&scope=openid&redirect_uri=$REDIR&state=s1&code_challenge=$CHALLENGE&code_challenge_method=S256")
ACTION=$(printf '%s' "$PAGE" | grep -o 'action="[^"]*"' | head -1 | sed 's/action="//;s/"$//;s/&amp;/\&/g')
P=$(mktemp); trap 'rm -f $J $P' EXIT
LOC=$(curl -s -c $J -b $J -o $P -w '%{redirect_url}' --data-urlencode "username=$USERNAME" --data-urlencode password=demo "$ACTION")
if [ -z "$LOC" ]; then
  # Organizations make the login identity-first: the first page takes the username, a second the password
  ACTION=$(grep -o 'action="[^"]*"' $P | head -1 | sed 's/action="//;s/"$//;s/&amp;/\&/g')
  LOC=$(curl -s -c $J -b $J -o /dev/null -w '%{redirect_url}' --data-urlencode password=demo "$ACTION")
fi
CODE=$(printf '%s' "$LOC" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
[ -n "$CODE" ] || { echo "login failed (redirect: ${LOC:-none})" >&2; exit 1; }
curl -s -u jiangmen-gateway:gateway-dev-secret -d grant_type=authorization_code -d code="$CODE" -d redirect_uri=$REDIR -d code_verifier="$VERIFIER" "$KC/realms/jiangmen/protocol/openid-connect/token"
