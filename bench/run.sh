#!/usr/bin/env bash
# The benchmarks (docs/benchmarks.md): JMH, page memory and the sweep in Weld SE, then HTTP A/B runs with wrk
# on WildFly and on Payara, and the data grid's clusters. Writes bench/RESULTS.md. Not part of 'mvn verify';
# about 75 minutes on 2 cores.
#   bench/run.sh           the full run, as committed in bench/RESULTS.md
#   bench/run.sh --quick   short iterations, to try the harness out (the figures are not worth keeping)
#   bench/run.sh --flood   only the GET floods (a few minutes); the report keeps the other stages' last figures
#   bench/run.sh --grid    only the data grid's clusters (about 15 minutes); the same
#   bench/run.sh --push    only push: streams' memory, events per second and latency (a few minutes); the same
#   bench/run.sh --floors  only the floors: the action and page against a bare servlet and plain JAX-RS (about
#                          15 minutes); the same
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
only=""
[ "${1:-}" = "--quick" ] && quick=true
[ "${1:-}" = "--flood" ] && only=flood
[ "${1:-}" = "--grid" ] && only=grid
[ "${1:-}" = "--push" ] && only=push
[ "${1:-}" = "--floors" ] && only=floors

source bench/servers.sh
install_wrk

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

if [ -z "$only" ] || [ "$only" = flood ]; then
echo "== HTTP on WildFly"
# each WAR under the name that is its context root
wars=bench/target/wildfly-wars
rm -rf "$wars"
mkdir -p "$wars"
cp bench/apps/target/nex-bench.war "$wars/nex-bench.war"
cp bench/apps/target/plain-bench-plain.war "$wars/plain-bench.war"
trap stop_server EXIT
start_wildfly bench/target/wildfly.log "$wars/nex-bench.war" "$wars/plain-bench.war"
bench -cp "$classpath" dev.nex.jakarta.bench.HttpBench "$server_url" bench/wrk/request.lua "$server_name" http
stop_server
fi

if [ -z "$only" ]; then
echo "== HTTP on Payara"
wars=bench/target/payara-wars
rm -rf "$wars" bench/target/payara-root
mkdir -p "$wars"
cp bench/apps/target/nex-bench-payara.war "$wars/nex-bench.war"
cp bench/apps/target/plain-bench-plain-payara.war "$wars/plain-bench.war"
start_payara bench/target/payara.log "$wars/nex-bench.war" "$wars/plain-bench.war"
bench -cp "$classpath" dev.nex.jakarta.bench.HttpBench "$server_url" bench/wrk/request.lua "$server_name" http-payara
stop_server
fi
trap - EXIT

if [ -z "$only" ] || [ "$only" = floors ]; then
echo "== Floors on WildFly and on Payara"
trap stop_server EXIT
wars=bench/target/wildfly-floor-wars
rm -rf "$wars"
mkdir -p "$wars"
cp bench/apps/target/nex-bench.war "$wars/nex-bench.war"
cp bench/apps/target/plain-bench-plain.war "$wars/plain-bench.war"
cp bench/apps/target/floor-bench-floor.war "$wars/floor-bench.war"
start_wildfly bench/target/wildfly-floor.log "$wars/nex-bench.war" "$wars/plain-bench.war" "$wars/floor-bench.war"
bench -cp "$classpath" dev.nex.jakarta.bench.HttpBench "$server_url" bench/wrk/request.lua "$server_name" floor
stop_server
wars=bench/target/payara-floor-wars
rm -rf "$wars" bench/target/payara-root
mkdir -p "$wars"
cp bench/apps/target/nex-bench-payara.war "$wars/nex-bench.war"
cp bench/apps/target/plain-bench-plain-payara.war "$wars/plain-bench.war"
cp bench/apps/target/floor-bench-floor.war "$wars/floor-bench.war"
start_payara bench/target/payara-floor.log "$wars/nex-bench.war" "$wars/plain-bench.war" "$wars/floor-bench.war"
bench -cp "$classpath" dev.nex.jakarta.bench.HttpBench "$server_url" bench/wrk/request.lua "$server_name" floor-payara
stop_server
trap - EXIT
fi

if [ -z "$only" ] || [ "$only" = push ]; then
echo "== Push on WildFly and on Payara"
trap stop_server EXIT
start_wildfly bench/target/wildfly-push.log bench/apps/target/nex-bench.war
bench -cp "$classpath" dev.nex.jakarta.bench.PushBench "$server_url" push-wildfly
stop_server
wars=bench/target/payara-push-wars
rm -rf "$wars" bench/target/payara-root
mkdir -p "$wars"
cp bench/apps/target/nex-bench-payara.war "$wars/nex-bench.war"
start_payara bench/target/payara-push.log "$wars/nex-bench.war"
bench -cp "$classpath" dev.nex.jakarta.bench.PushBench "$server_url" push-payara
stop_server
trap - EXIT
fi

if [ -z "$only" ] || [ "$only" = grid ]; then
echo "== Page state on the data grid: two-node clusters"
wildfly_home=$(ls -d bench/apps/target/wildfly-*/)
payara_jar=$(ls bench/apps/target/payara-micro-*.jar)
bench -Dwildfly.home="$(pwd)/$wildfly_home" -cp "$classpath" dev.nex.jakarta.bench.GridBench wildfly \
    bench/apps/target/nex-bench.war bench/wrk/request.lua
bench -Dpayara.micro.jar="$(pwd)/$payara_jar" -cp "$classpath" dev.nex.jakarta.bench.GridBench payara \
    bench/apps/target/nex-bench-payara.war bench/wrk/request.lua

fi

bench -cp "$classpath" dev.nex.jakarta.bench.ReportWriter bench/RESULTS.md
echo "Wrote bench/RESULTS.md"
