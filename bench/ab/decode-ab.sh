#!/usr/bin/env bash
# Same-JVM A/B of the Binance depth decoder between two builds (bench/README.md, "gateway-common").
# Usage: bench/ab/decode-ab.sh BEFORE_BENCHMARKS_JAR AFTER_BENCHMARKS_JAR CAPTURE [ROUNDS [PASSES]]
#   BEFORE/AFTER_BENCHMARKS_JAR: bench/target/benchmarks.jar of each build (mvn -B -DskipTests package)
#   CAPTURE: ../shared/data/binance_usdm_btcusdt_hftbacktest_2024-08-09_first2000.txt
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
before="$1"; after="$2"; capture="$3"; shift 3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/before" "$work/after" "$work/main"
javac -d "$work/before" -cp "$before" "$here/AbRunner.java"
javac -d "$work/after" -cp "$after" "$here/AbRunner.java"
javac -d "$work/main" "$here/DecodeAb.java"
java -Xms1g -Xmx1g --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp "$work/main" \
  DecodeAb "$before" "$work/before" "$after" "$work/after" "$capture" "$@"
