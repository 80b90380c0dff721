#!/usr/bin/env bash
# Lays a Java runtime, and every shared library it links, into the directory $1, as the files of an image built FROM
# scratch: no container registry is reachable where the mock is built, so no base image can be pulled. The runtime is
# the build's own JDK cut down by jlink to the modules the mock uses; the libraries (glibc, zlib, the loader) are this
# machine's, found with ldd. JAVA_HOME chooses the JDK, else the one `java` runs.
set -euo pipefail

root=$1
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
# java.desktop for java.beans (Jackson, Handlebars), java.sql for Jackson, java.xml for Log4j's configuration,
# java.net.http for the webhooks, jdk.crypto.ec for --https-port, jdk.unsupported for Jetty and Jackson.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.zipfs

rm -rf "$root"
mkdir -p "$root/opt" "$root/tmp"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
    --output "$root/opt/java"

# Every library a binary of the runtime links outside the runtime itself (AWT's too, where this machine has them:
# a headless server never loads them, and ldd's "not found" lines are left out).
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) -print0 \
    | xargs -0 ldd 2>/dev/null \
    | grep -o '/[^ ]*' \
    | grep -v "^$root/" \
    | sort -u \
    | while read -r library; do
        cp --parents --dereference "$library" "$root"
    done
echo "Java runtime for the image: $(du -sh "$root" | cut -f1) in $root"
