#!/bin/bash
# One database per service on the compose stack's PostgreSQL (first start only: docker-entrypoint-initdb.d).
set -euo pipefail
for db in gateway conversation ai_agent outbound automation template; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -c "CREATE DATABASE $db OWNER \"$POSTGRES_USER\""
done
