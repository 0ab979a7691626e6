#!/usr/bin/env bash
# Benchmark of the outbound service (see ../README.md, "Benchmark"). Starts a single-node KRaft broker and
# zonky's PostgreSQL (in the load generator's JVM), the devstack's Twilio simulator and the service (each in its
# own JVM), then measures: sends/s into the simulator with the sender's rate limit lifted, request event → Twilio
# POST latency (p50/p99) at a constant rate, and rate shaping (60 messages from a 1 message/s US long code).
# Writes bench/results.md. Not part of ./mvnw verify. About 3 minutes.
#
#   outbound-messaging-service/bench/run.sh [--warmup=5000] [--burst=5000] [--rounds=3] [--customers=500] [--rate=50]
#                                           [--latency-seconds=20] [--shaping-messages=60] [--heap=256m]
#                                           [--out=bench/results.md]
#
# One command from a clean clone: the reactor builds what the benchmark needs (the service's jar, the devstack's
# simulator, their upstream modules, tests skipped) and the `benchmark` profile runs OutboundBenchmark:
#   ./mvnw -B verify -Pbenchmark -DskipTests -pl outbound-messaging-service -am -Dbench.args="--burst=2000"
# This script is that command. BENCH_MAVEN_FLAGS="-o" builds offline.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec ./mvnw -B -q ${BENCH_MAVEN_FLAGS:-} verify -Pbenchmark -DskipTests -pl outbound-messaging-service -am \
  -Dbench.args="$*"
