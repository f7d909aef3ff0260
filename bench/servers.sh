# Sourced by bench/run.sh and bench/compare.sh: wrk, and one server on its own ports with WARs deployed.
# Each start_* sets $server_pid (its process group) and $server_url; stop_server ends it.

install_wrk() {
    command -v wrk >/dev/null 2>&1 && return
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update
    $sudo apt-get install -y wrk
}

# start_wildfly LOG WAR...: WildFly from the bench build, port offset 300 (8380), 2 GiB heap; each WAR under its
# own file name, so its context root is that name
start_wildfly() {
    local log=$1; shift
    local home base
    home=$(ls -d bench/apps/target/wildfly-*/)
    base=bench/target/wildfly
    rm -rf "$base"
    cp -r "$home/standalone" "$base"
    cp "$@" "$base/deployments/"
    # its own ports, so a running sample or test server does not interfere
    JBOSS_JAVA_SIZING="-Xms2g -Xmx2g" setsid "$home/bin/standalone.sh" -c standalone.xml \
        -Djboss.server.base.dir="$(pwd)/$base" -Djboss.socket.binding.port-offset=300 > "$log" 2>&1 &
    server_pid=$!
    server_url=http://127.0.0.1:8380
    server_name=$(basename "$home")
    local war
    for _ in $(seq 1 180); do
        if ls "$base"/deployments/*.failed >/dev/null 2>&1; then
            echo "A deployment failed: see $log" >&2
            return 1
        fi
        local pending=0
        for war in "$@"; do
            [ -e "$base/deployments/$(basename "$war").deployed" ] || pending=1
        done
        [ $pending -eq 0 ] && return 0
        sleep 1
    done
    echo "WildFly did not deploy in time: see $log" >&2
    return 1
}

# start_payara LOG WAR...: Payara Micro from the bench build on port 8480, 2 GiB heap, no clustering
start_payara() {
    local log=$1; shift
    local jar war
    jar=$(ls bench/apps/target/payara-micro-*.jar)
    local deploys=()
    for war in "$@"; do
        deploys+=(--deploy "$war")
    done
    setsid java -Xms2g -Xmx2g -jar "$jar" --nocluster --port 8480 --sslport 8481 \
        --rootdir bench/target/payara-root "${deploys[@]}" > "$log" 2>&1 &
    server_pid=$!
    server_url=http://127.0.0.1:8480
    server_name=$(basename "$jar" .jar)
    for _ in $(seq 1 240); do
        if grep -q "Payara Micro .* ready" "$log"; then
            return 0
        fi
        if ! kill -0 $server_pid 2>/dev/null; then
            echo "Payara Micro ended: see $log" >&2
            return 1
        fi
        sleep 1
    done
    echo "Payara Micro did not start in time: see $log" >&2
    return 1
}

stop_server() {
    kill -- -"$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
}
