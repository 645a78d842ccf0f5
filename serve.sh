#!/bin/sh
# SPDX-License-Identifier: MIT
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
# As root, the pool's children run as nobody (never as root), and nginx's
# workers run as nobody too: the socket and the copy of the script they read
# live in /run/fcworker-serve, which they can reach even when this tree is in
# a folder only root may enter (such as /root).
run=$state
pool_user=
if [ "$(id -u)" -eq 0 ]; then
    run=/run/fcworker-serve
    rm -rf "$run"
    mkdir -p "$run"
    chmod 0755 "$run"
    pool_user="user = nobody
group = nogroup
listen.owner = nobody"
fi
cp contrib/examples/hello.js "$run/hello.js"
chmod 0644 "$run/hello.js"
cat > "$state/fcworker.ini" <<EOINI
[global]
error_log = $state/fcworker.log
pid = $state/fcworker.pid

[pool:hello]
listen = $run/hello.sock
$pool_user
script = $run/hello.js
pm = static
pm.max_children = 4
EOINI
./src/fcworker -t -c "$state/fcworker.ini"
./src/fcworker -D -c "$state/fcworker.ini"
n=0
while [ ! -S "$run/hello.sock" ] && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
sed -e "s|@PREFIX@|$state|g" -e "s|@TEMP@|$run|g" -e "s|@SOCKET@|$run/hello.sock|g" -e "s|@PORT@|8080|g" -e "s|@DAEMON@|on|g" \
    contrib/nginx/serve.conf.in > "$state/nginx.conf"
/usr/sbin/nginx -p "$state" -c "$state/nginx.conf" -e "$state/nginx-error.log"
n=0
until curl -sf http://127.0.0.1:8080/ >/dev/null 2>&1 || [ $n -ge 100 ]; do sleep 0.05; n=$((n + 1)); done
echo "serving contrib/examples/hello.js on http://127.0.0.1:8080/ (stop: ./serve.sh stop)"
curl -s http://127.0.0.1:8080/
