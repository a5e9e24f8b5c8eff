#!/usr/bin/env bash
# The two commands of README: `./build.sh sample` runs the callback sample on the embedded emulator;
# `./build.sh test` installs what the tests need when it is missing, then runs them. CI runs `./build.sh test`.
set -euo pipefail
cd "$(dirname "$0")"

# Runs as root, or through sudo when there is one; only when something is missing.
apt_updated=
apt_install() {
    local run=()
    if [ "$(id -u)" != 0 ]; then
        run=(sudo)
    fi
    if [ -z "$apt_updated" ]; then
        "${run[@]}" apt-get update -q
        apt_updated=1
    fi
    "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# Maven comes through ./mvnw (it fetches the version the wrapper names); a JDK 17 or newer must be there.
ensure_jdk() {
    if ! command -v javac >/dev/null 2>&1 && [ -z "${JAVA_HOME:-}" ]; then
        apt_install openjdk-17-jdk-headless
    fi
}

# The WebFlux sample's page is tested in headless Chromium (samples/webflux IndexPageIT).
ensure_chromium() {
    if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
        apt_install chromium chromium-driver
    fi
}

case "${1:-}" in
    sample)
        ensure_jdk
        ./mvnw -B -q -DskipTests -pl samples/callback -am package
        exec java -jar samples/callback/target/ossflux-callback-sample.jar
        ;;
    test)
        ensure_jdk
        ensure_chromium
        exec ./mvnw -B verify
        ;;
    *)
        echo "usage: ./build.sh sample | test" >&2
        exit 2
        ;;
esac
