#!/usr/bin/env bash
# SPEC 6.7, checked on one long-running server: redeploying the sample many times leaves no copy of Nex's classes
# behind and logs no leak warning (docs/benchmarks.md). Deploys and undeploys the sample (20 times by default; each
# deployment answers a page and an action first), forces full GCs after the first cycle, after the last and with
# the sample deployed once more, and counts the class loaders holding Nex's classes (jcmd VM.class_hierarchy).
# The pass: 0 copies after the cycles, 1 with the sample deployed, and no SEVERE/ERROR/ThreadLocal line in the server log.
# The server runs with -XX:SoftRefLRUPolicyMSPerMB=0, so a GC also clears soft references (caches that would keep an
# old class loader only until memory runs short).
#   bench/redeploy.sh [times] [wildfly|payara]     payara = Payara Server (the full server, not Micro)
set -euo pipefail
cd "$(dirname "$0")/.."
times=${1:-20}
server=${2:-wildfly}
heap="-Xms512m -Xmx1g -XX:SoftRefLRUPolicyMSPerMB=0"

case "$server" in
wildfly)
    mvn -q -pl sample-war -am package -DskipTests -Dskip.payara=true -Dskip.glassfish=true -Dskip.liberty=true
    home=$(ls -d sample-war/target/wildfly-[0-9]*/)
    war=sample-war/target/nex-sample.war
    base=bench/target/redeploy-wildfly
    log=bench/target/redeploy.log
    port=8480
    rm -rf "$base"
    mkdir -p bench/target
    cp -r "$home/standalone" "$base"
    # its own ports (offset 400: HTTP 8480, management 10390), so a running sample or test server does not interfere
    JAVA_OPTS="$heap" setsid "$home/bin/standalone.sh" -Djboss.server.base.dir="$(pwd)/$base" \
        -Djboss.socket.binding.port-offset=400 > "$log" 2>&1 &
    launcher=$!
    trap 'kill -- -$launcher 2>/dev/null || true' EXIT
    admin() {
        "$home/bin/jboss-cli.sh" --connect --controller=127.0.0.1:10390 --command="$1" >/dev/null
    }
    started() {
        for _ in $(seq 1 60); do
            admin ":read-attribute(name=server-state)" 2>/dev/null && return
            sleep 1
        done
        return 1
    }
    started
    # An idle worker thread keeps the last request it ran (and through it that request's deployment) referenced
    # from its stack until it runs another task or retires (docs/benchmarks.md). Let idle workers retire after 1 s,
    # so a count after undeploy shows what Nex and the deployment keep, not what a parked thread still points at.
    admin "/subsystem=io/worker=default:write-attribute(name=task-core-threads,value=0)"
    admin "/subsystem=io/worker=default:write-attribute(name=task-keepalive,value=1000)"
    admin ":reload"
    sleep 2
    started
    deploy() { admin "deploy $(pwd)/$war --name=nex-sample.war --force"; }
    undeploy() { admin "undeploy nex-sample.war"; }
    pid=$(pgrep -f -- "-Djboss.server.base.dir=$(pwd)/$base" | while read -r p; do
        [ "$(ps -o comm= -p "$p")" = java ] && echo "$p"; done | head -1)
    ;;
payara)
    mvn -q -pl sample-war -am package -DskipTests -Dskip.wildfly=true -Dskip.glassfish=true -Dskip.liberty=true
    war=sample-war/target/nex-sample-payara.war
    mkdir -p bench/target
    # the Payara version of the build (root pom); through a file, as Maven's stdout carries colour codes
    mvn -q help:evaluate -Dexpression=payara.version -Doutput=bench/target/payara.version >/dev/null
    mvn -q dependency:unpack -Dartifact="fish.payara.distributions:payara:$(cat bench/target/payara.version):zip" \
        -DoutputDirectory=bench/target/redeploy-payara
    home=bench/target/redeploy-payara/payara6
    domain=nexredeploy
    port=14880
    log=$home/glassfish/domains/$domain/logs/server.log
    asadmin() { "$home/bin/asadmin" --port 14848 "$@" >/dev/null; }
    # a fresh domain with its own ports (base 14800: admin 14848, HTTP 14880), so nothing else on 4848/8080
    # interferes and a second run starts clean
    rm -rf "$home/glassfish/domains/$domain"
    "$home/bin/asadmin" create-domain --nopassword --portbase 14800 "$domain" >/dev/null
    "$home/bin/asadmin" start-domain "$domain" >/dev/null
    trap '"$home/bin/asadmin" stop-domain "$domain" >/dev/null 2>&1 || true' EXIT
    asadmin delete-jvm-options "-Xmx512m"
    asadmin create-jvm-options "-Xmx1g:-XX\:SoftRefLRUPolicyMSPerMB=0"
    "$home/bin/asadmin" restart-domain "$domain" >/dev/null
    deploy() { asadmin deploy --force=true --contextroot nex-sample --name nex-sample "$(pwd)/$war"; }
    undeploy() { asadmin undeploy nex-sample; }
    pid=$(pgrep -f -- "domains/$domain" | while read -r p; do
        [ "$(ps -o comm= -p "$p")" = java ] && echo "$p"; done | head -1)
    ;;
*)
    echo "unknown server $server (wildfly or payara)" >&2
    exit 2
    ;;
esac

copies() {
    sleep 2
    for _ in 1 2 3; do jcmd "$pid" GC.run >/dev/null; sleep 1; done
    # one line per class loader holding the class: "|--dev.nex.jakarta.impl.NexExtension/0x… (loader)"
    jcmd "$pid" VM.class_hierarchy | tee "bench/target/class-hierarchy.txt" \
        | grep -cE 'dev\.nex\.jakarta\.impl\.NexExtension/' || true
}

# a page and an action, so the request-scoped beans, the page state and the timer all exist before the undeploy
use() {
    local app=http://127.0.0.1:$port/nex-sample jar page csrf
    jar=$(mktemp)
    page=$(curl -sf -c "$jar" -b "$jar" "$app/counter")
    csrf=$(grep -o 'data-nex-csrf="[^"]*"' <<< "$page" | cut -d'"' -f2)
    page=$(grep -o 'data-nex-page="[^"]*"' <<< "$page" | cut -d'"' -f2)
    curl -sf -o /dev/null -c "$jar" -b "$jar" -X POST -H "HX-Request: true" -H "X-Nex-Page-Id: $page" \
        -H "X-CSRF-TOKEN: $csrf" "$app/counter/increment"
    rm -f "$jar"
}

cycle() {
    deploy
    use
    undeploy
}
cycle
after_one=$(copies)
for _ in $(seq 2 "$times"); do
    cycle
done
after_all=$(copies)
deploy
use
deployed=$(copies)
warnings=$(grep -cE 'SEVERE|ERROR|ThreadLocal' "$log" || true)
echo "$server: copies of Nex's classes still loaded after 1 deploy/undeploy cycle $after_one, after $times cycles" \
    "$after_all, with the sample deployed again $deployed; SEVERE, ERROR or ThreadLocal lines in the server log: $warnings"
[ "$after_one" -eq 0 ] && [ "$after_all" -eq 0 ] && [ "$deployed" -eq 1 ] && [ "$warnings" -eq 0 ]
