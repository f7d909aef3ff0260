#!/usr/bin/env bash
# SPEC 6.7, checked on one running WildFly: redeploying the sample many times does not pile up copies of Nex's
# classes (docs/benchmarks.md). Deploys and undeploys nex-sample.war through the CLI (20 times by default), forces
# full GCs after the first cycle, after the last and with the sample deployed once more, and counts the class
# loaders holding Nex's classes (jcmd VM.class_hierarchy). The pass: no more copies after the last cycle than after
# the first. The server runs with -XX:SoftRefLRUPolicyMSPerMB=0, so a GC also clears soft references (caches that
# would keep an old class loader only until memory runs short).
#   bench/redeploy.sh [times]
set -euo pipefail
cd "$(dirname "$0")/.."
times=${1:-20}

mvn -q -pl sample-war -am package -DskipTests -Dskip.payara=true -Dskip.glassfish=true -Dskip.liberty=true
wildfly_home=$(ls -d sample-war/target/wildfly-[0-9]*/)
war=sample-war/target/nex-sample.war
base=bench/target/redeploy-wildfly
rm -rf "$base"
mkdir -p bench/target
cp -r "$wildfly_home/standalone" "$base"
# its own ports (offset 400: HTTP 8480, management 10390), so a running sample or test server does not interfere
JAVA_OPTS="-Xms512m -Xmx1g -XX:SoftRefLRUPolicyMSPerMB=0" setsid "$wildfly_home/bin/standalone.sh" \
    -Djboss.server.base.dir="$(pwd)/$base" -Djboss.socket.binding.port-offset=400 > bench/target/redeploy.log 2>&1 &
launcher=$!
trap 'kill -- -$launcher 2>/dev/null || true' EXIT
cli() {
    "$wildfly_home/bin/jboss-cli.sh" --connect --controller=127.0.0.1:10390 --command="$1" >/dev/null
}
for _ in $(seq 1 60); do
    cli ":read-attribute(name=server-state)" 2>/dev/null && break
    sleep 1
done
pid=$(pgrep -f -- "-Djboss.server.base.dir=$(pwd)/$base" | while read -r p; do
    [ "$(ps -o comm= -p "$p")" = java ] && echo "$p"; done | head -1)

copies() {
    for _ in 1 2 3; do jcmd "$pid" GC.run >/dev/null; sleep 1; done
    # one line per class loader holding the class: "|--dev.nex.jakarta.impl.NexExtension/0x… (loader)"
    jcmd "$pid" VM.class_hierarchy | tee "bench/target/class-hierarchy.txt" \
        | grep -cE 'dev\.nex\.jakarta\.impl\.NexExtension/' || true
}

cycle() {
    cli "deploy $(pwd)/$war --name=nex-sample.war --force"
    curl -sf -o /dev/null http://127.0.0.1:8480/nex-sample/cart
    cli "undeploy nex-sample.war"
}
cycle
after_one=$(copies)
for i in $(seq 2 "$times"); do
    cycle
done
after_all=$(copies)
cli "deploy $(pwd)/$war --name=nex-sample.war --force"
curl -sf -o /dev/null http://127.0.0.1:8480/nex-sample/cart
deployed=$(copies)
echo "copies of Nex's classes still loaded: after 1 deploy/undeploy cycle $after_one, after $times cycles $after_all," \
    "with the sample deployed again $deployed"
# the pass: undeploys do not accumulate copies
[ "$after_all" -le "$after_one" ] && [ "$deployed" -le $((after_one + 1)) ]
