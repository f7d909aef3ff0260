#!/usr/bin/env bash
# The benchmarks (docs/benchmarks.md): JMH, page memory and the sweep in Weld SE, then HTTP A/B runs with wrk
# on WildFly. Writes bench/RESULTS.md. Not part of 'mvn verify'; about 20 minutes on 2 cores.
#   bench/run.sh           the full run, as committed in bench/RESULTS.md
#   bench/run.sh --quick   short iterations, to try the harness out (the figures are not worth keeping)
#   bench/run.sh --flood   only the GET floods (a few minutes); the report keeps the other stages' last figures
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
only=""
[ "${1:-}" = "--quick" ] && quick=true
[ "${1:-}" = "--flood" ] && only=flood

if ! command -v wrk >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update
    $sudo apt-get install -y wrk
fi

mvn -Pbench -pl bench/harness,bench/apps -am package -DskipTests
classpath="bench/harness/target/classes:$(cat bench/harness/target/classpath)"
results=bench/target/results
[ -n "$only" ] || rm -rf "$results"
bench() {
    java -Dbench.quick="$quick" -Dbench.only="$only" -Dbench.results="$results" "$@"
}

if [ -z "$only" ]; then
echo "== JMH: store and scopes"
bench -cp "$classpath" dev.nex.jakarta.bench.Microbenchmarks
echo "== Memory per page"
bench -Xms6g -Xmx6g -cp "$classpath" dev.nex.jakarta.bench.PageMemory
echo "== Sweep of 1 000 000 expired pages"
bench -Xms6g -Xmx6g -cp "$classpath" dev.nex.jakarta.bench.SweepLatency

fi

echo "== HTTP on WildFly"
wildfly_home=$(ls -d bench/apps/target/wildfly-*/)
base=bench/target/wildfly
rm -rf "$base"
cp -r "$wildfly_home/standalone" "$base"
cp bench/apps/target/nex-bench.war "$base/deployments/nex-bench.war"
cp bench/apps/target/plain-bench-plain.war "$base/deployments/plain-bench.war"
# its own ports (offset 300: 8380), so a running sample or test server does not interfere
JBOSS_JAVA_SIZING="-Xms2g -Xmx2g" setsid "$wildfly_home/bin/standalone.sh" -c standalone.xml \
    -Djboss.server.base.dir="$(pwd)/$base" -Djboss.socket.binding.port-offset=300 > bench/target/wildfly.log 2>&1 &
wildfly=$!
trap 'kill -- -$wildfly 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    if ls "$base"/deployments/*.failed >/dev/null 2>&1; then
        echo "A deployment failed: see bench/target/wildfly.log" >&2
        exit 1
    fi
    [ -e "$base/deployments/nex-bench.war.deployed" ] && [ -e "$base/deployments/plain-bench.war.deployed" ] && break
    sleep 1
done
bench -cp "$classpath" dev.nex.jakarta.bench.HttpBench http://127.0.0.1:8380 bench/wrk/request.lua "$(basename "$wildfly_home")"
kill -- -$wildfly
wait $wildfly || true
trap - EXIT

if [ -z "$only" ]; then
echo "== Page state on the data grid: two-node clusters"
payara_jar=$(ls bench/apps/target/payara-micro-*.jar)
bench -Dwildfly.home="$(pwd)/$wildfly_home" -cp "$classpath" dev.nex.jakarta.bench.GridBench wildfly \
    bench/apps/target/nex-bench.war bench/wrk/request.lua
bench -Dpayara.micro.jar="$(pwd)/$payara_jar" -cp "$classpath" dev.nex.jakarta.bench.GridBench payara \
    bench/apps/target/nex-bench-payara.war bench/wrk/request.lua

fi

bench -cp "$classpath" dev.nex.jakarta.bench.ReportWriter bench/RESULTS.md
echo "Wrote bench/RESULTS.md"
