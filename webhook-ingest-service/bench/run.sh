#!/usr/bin/env bash
# Benchmark of the webhook ingest (see ../README.md, "Benchmark"). Starts a single-node KRaft broker and the
# service on this machine, sends signed SMS webhooks at 100, 300 and 1,000 requests/s, measures a bare
# producer as the ceiling, and writes bench/results.md. Not part of ./mvnw verify.
#
#   webhook-ingest-service/bench/run.sh [--rates=100,300,1000] [--duration=20] [--warmup=20]
#                                       [--bootstrap-servers=host:port] [--heap=256m] [--out=bench/results.md]
#
# Needs the module's dependencies installed once (./mvnw -B -q install -DskipTests from the repository root).
# BENCH_MAVEN_FLAGS="-o" builds offline.
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
cd "$module/.."
./mvnw -B -q ${BENCH_MAVEN_FLAGS:-} -pl webhook-ingest-service test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/bench-classpath.txt"
cd "$module"
exec java -Xms512m -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.crmfactory.messaging.ingest.bench.IngestBenchmark "$@"
