#!/usr/bin/env bash
# Unpacks another Debian release's MariaDB server into a folder, without installing it, so that
# regenerate-mariadb.mjs can read its options:
#   scripts/mycnf/fetch-debian-mariadb.sh trixie /tmp/mariadb-trixie
#   node scripts/mycnf/regenerate-mariadb.mjs --mariadbd /tmp/mariadb-trixie/mariadbd --no-plugins
# (Debian 13 "trixie" ships MariaDB 11.8.) The packages come from Debian's archive through apt-get with a private
# package list; the server runs with that release's own C library through its ld.so, so nothing on the machine
# changes. Needs apt-get and dpkg-deb (Debian/Ubuntu); run as a user that may write DEST.
set -euo pipefail
SUITE="${1:?usage: $0 SUITE DEST}"
DEST="${2:?usage: $0 SUITE DEST}"
mkdir -p "$DEST"/{lists/partial,archives/partial,etc,debs,root}
DEST="$(cd "$DEST" && pwd)"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $SUITE main" > "$DEST/etc/sources.list"
touch "$DEST/status"
APT=(-o "Dir::Etc::sourcelist=$DEST/etc/sources.list" -o "Dir::Etc::sourceparts=-" -o "Dir::State::Lists=$DEST/lists"
  -o "Dir::Cache::Archives=$DEST/archives" -o "Dir::State::status=$DEST/status" -o "APT::Architecture=amd64")
apt-get "${APT[@]}" update -qq
# The server and every library it needs (the dependency closure, without recommends).
mapfile -t PKGS < <(apt-cache "${APT[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances --no-pre-depends mariadb-server-core | grep -E '^[a-z0-9]' | grep -v -E '^(debconf|perl|dpkg|mariadb-common|mysql-common|libc-bin)' | sort -u)
(cd "$DEST/debs" && apt-get "${APT[@]}" download "${PKGS[@]}" >/dev/null 2>&1 || apt-get "${APT[@]}" download "${PKGS[@]}")
for d in "$DEST"/debs/*.deb; do dpkg-deb -x "$d" "$DEST/root"; done
LIB="$DEST/root/usr/lib/x86_64-linux-gnu"
cat > "$DEST/mariadbd" <<EOF
#!/bin/sh
exec "$LIB/ld-linux-x86-64.so.2" --library-path "$LIB" "$DEST/root/usr/sbin/mariadbd" "\$@"
EOF
chmod +x "$DEST/mariadbd"
"$DEST/mariadbd" --version
