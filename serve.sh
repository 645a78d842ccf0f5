#!/bin/sh
# Installs what is missing, builds fcworker, and serves the example worker
# contrib/examples/hello.js through nginx on http://127.0.0.1:8080/ (both
# on loopback, under a temporary prefix). Leaves them running; stop them
# with `./serve.sh stop`.
set -eu
cd "$(dirname "$0")"
top=$(pwd)
state=$top/.serve
stop() {
    for pidfile in "$state/nginx.pid" "$state/fcworker.pid"; do
        if [ -f "$pidfile" ]; then
            pid=$(cat "$pidfile")
            kill -QUIT "$pid" 2>/dev/null || true
            n=0
            while kill -0 "$pid" 2>/dev/null && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
            rm -f "$pidfile"
        fi
    done
}
if [ "${1:-}" = stop ]; then
    stop
    echo "stopped"
    exit 0
fi
. ./contrib/deps.sh
deps_install build serve
build_tree
stop
rm -rf "$state"
mkdir -p "$state"
# nginx's workers run as nobody when it is started as root: give them the socket
owner=
[ "$(id -u)" -ne 0 ] || owner="listen.owner = nobody"
cat > "$state/fcworker.ini" <<EOINI
[global]
error_log = $state/fcworker.log
pid = $state/fcworker.pid

[pool:hello]
listen = $state/hello.sock
$owner
script = $top/contrib/examples/hello.js
pm = static
pm.max_children = 4
EOINI
./src/fcworker -t -c "$state/fcworker.ini"
./src/fcworker -D -c "$state/fcworker.ini"
n=0
while [ ! -S "$state/hello.sock" ] && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
sed -e "s|@PREFIX@|$state|g" -e "s|@SOCKET@|$state/hello.sock|g" -e "s|@PORT@|8080|g" -e "s|@DAEMON@|on|g" \
    contrib/nginx/serve.conf.in > "$state/nginx.conf"
/usr/sbin/nginx -p "$state" -c "$state/nginx.conf" -e "$state/nginx-error.log"
n=0
until curl -sf http://127.0.0.1:8080/ >/dev/null 2>&1 || [ $n -ge 100 ]; do sleep 0.05; n=$((n + 1)); done
echo "serving contrib/examples/hello.js on http://127.0.0.1:8080/ (stop: ./serve.sh stop)"
curl -s http://127.0.0.1:8080/
