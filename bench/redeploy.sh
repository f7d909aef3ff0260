#!/usr/bin/env bash
# SPEC 6.7, checked on one running WildFly: redeploying the sample many times leaves no extra copy of Nex's
# classes behind (docs/benchmarks.md). Deploys and undeploys nex-sample.war 20 times through the CLI, deploys it
# once more, forces full GCs, and counts the class loaders that hold Nex's classes (jcmd VM.class_hierarchy):
# exactly one copy, the deployed one, is the pass. The server runs with -XX:SoftRefLRUPolicyMSPerMB=0, so a GC
# also clears soft references (caches that would keep an old class loader only until memory runs short).
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
    jcmd "$pid" VM.class_hierarchy | grep -c 'dev\.nex\.jakarta\.impl\.NexExtension' || true
}

for i in $(seq 1 "$times"); do
    cli "deploy $(pwd)/$war --name=nex-sample.war --force"
    curl -sf -o /dev/null http://127.0.0.1:8480/nex-sample/cart
    cli "undeploy nex-sample.war"
    echo "cycle $i: done"
done
after_undeploy=$(copies)
cli "deploy $(pwd)/$war --name=nex-sample.war --force"
curl -sf -o /dev/null http://127.0.0.1:8480/nex-sample/cart
deployed=$(copies)
echo "copies of Nex's classes after $times deploy/undeploy cycles: $after_undeploy; with the sample deployed again: $deployed"
[ "$after_undeploy" -eq 0 ] && [ "$deployed" -eq 1 ]
