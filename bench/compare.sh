#!/usr/bin/env bash
# Before → after of Nex's own changes in one run (docs/benchmarks.md): the benchmark WAR is built at each git
# revision given (oldest first), all are deployed side by side on one server, and each revision's full page and
# htmx action are measured against the previous revision's, alternating. Writes bench/target/compare-SERVER.md.
#   bench/compare.sh wildfly|payara REV REV...     e.g. bench/compare.sh payara HEAD~1 HEAD
# A revision's bench WAR is built from that revision's own sources (a git worktree); the server, wrk and the
# harness come from the working tree. About 2 minutes per revision plus 2 per pair of revisions.
set -euo pipefail
cd "$(dirname "$0")/.."

server=${1:-}
shift || true
if [ "$server" != wildfly ] && [ "$server" != payara ] || [ $# -lt 2 ]; then
    echo "usage: bench/compare.sh wildfly|payara REV REV..." >&2
    exit 2
fi

source bench/servers.sh
install_wrk
mvn -q -Pbench -pl bench/harness,bench/apps -am package -DskipTests
classpath="bench/harness/target/classes:$(cat bench/harness/target/classpath)"

work=bench/target/compare
rm -rf "$work"
mkdir -p "$work/wars"
war=nex-bench.war
[ "$server" = payara ] && war=nex-bench-payara.war
labels=()
wars=()
v=0
for rev in "$@"; do
    tree="$work/tree-$v"
    git worktree add --detach "$tree" "$rev" >/dev/null 2>&1
    # the revision's Nex, built in its own reactor; the servers need not be unpacked again
    (cd "$tree" && mvn -q -Pbench -pl bench/apps -am package -DskipTests -Dmdep.skip=true)
    cp "$tree/bench/apps/target/$war" "$work/wars/nex-v$v.war"
    git worktree remove --force "$tree"
    labels+=("$rev")
    wars+=("$work/wars/nex-v$v.war")
    v=$((v + 1))
done

rm -rf bench/target/payara-root
trap stop_server EXIT
"start_$server" "$work/$server.log" "${wars[@]}"
java -Dbench.results="$work" -cp "$classpath" dev.nex.jakarta.bench.CompareBench "$server_url" \
    bench/wrk/request.lua "$server_name" "bench/target/compare-$server.md" "${labels[@]}"
