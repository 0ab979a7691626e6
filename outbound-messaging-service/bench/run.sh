#!/usr/bin/env bash
# Benchmark of the outbound service (see ../README.md, "Benchmark"). Starts a single-node KRaft broker and
# zonky's PostgreSQL (in the load generator's JVM), the devstack's Twilio simulator and the service (each in its
# own JVM), then measures: sends/s into the simulator with the sender's rate limit lifted, request event → Twilio
# POST latency (p50/p99) at a constant rate, and rate shaping (60 messages from a 1 message/s US long code).
# Writes bench/results.md. Not part of ./mvnw verify. About 3 minutes.
#
#   outbound-messaging-service/bench/run.sh [--warmup=1000] [--burst=2000] [--customers=500] [--rate=50]
#                                           [--latency-seconds=20] [--shaping-messages=60] [--heap=256m]
#                                           [--out=bench/results.md]
#
# Needs the modules' dependencies installed once (./mvnw -B -q install -DskipTests from the repository root).
# BENCH_MAVEN_FLAGS="-o" builds offline.
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
cd "$module/.."
./mvnw -B -q ${BENCH_MAVEN_FLAGS:-} -pl outbound-messaging-service -DskipTests package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/bench-classpath.txt"
if [[ ! -f devstack/target/classpath.txt || ! -f devstack/target/devstack-0.1.0-SNAPSHOT.jar ]]; then
  ./mvnw -B -q ${BENCH_MAVEN_FLAGS:-} -pl devstack -DskipTests package
fi
cd "$module"
exec java -Xms512m -Xmx512m -Dtest.infrastructure=embedded \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.crmfactory.messaging.outbound.bench.OutboundBenchmark "$@"
