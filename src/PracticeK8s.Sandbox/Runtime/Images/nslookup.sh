#!/bin/sh
# nslookup HOST [SERVER], printed as busybox's applet prints it, answered by the container's own
# resolver (the C library, which reads /etc/resolv.conf: the pod's name servers, search path and
# ndots). The sandbox puts it in shell images when the host has no nslookup of its own; SERVER is
# shown but the resolver's name servers are asked.
if [ $# -lt 1 ] || [ $# -gt 2 ] || [ -z "$1" ]; then
  echo "Usage: nslookup HOST [DNS_SERVER]" >&2
  exit 1
fi
name=$1
server=${2:-}
if [ -z "$server" ] && [ -r /etc/resolv.conf ]; then
  while read -r key value _; do
    if [ "$key" = nameserver ]; then server=$value; break; fi
  done < /etc/resolv.conf
fi
printf 'Server:\t\t%s\nAddress:\t%s:53\n\n' "${server:-127.0.0.1}" "${server:-127.0.0.1}"

case $name in
  *[!0-9.]*|*..*|.*|*.) reverse= ;;
  *.*.*.*) reverse=yes ;;
  *) reverse= ;;
esac
if [ -n "$reverse" ]; then
  # An address: its PTR name(s).
  if answer=$(getent hosts "$name") && [ -n "$answer" ]; then
    arpa=$(echo "$name" | { IFS=. read -r a b c d; echo "$d.$c.$b.$a.in-addr.arpa"; })
    echo "$answer" | while read -r _ ptr _; do printf '%s\tname = %s\n' "$arpa" "$ptr"; done
    echo
    exit 0
  fi
  printf "** server can't find %s: NXDOMAIN\n\n" "$name"
  exit 1
fi

# A name: its addresses, under the name the search path resolved it to.
if answer=$(getent ahostsv4 "$name") && [ -n "$answer" ]; then
  canonical=$(echo "$answer" | { read -r _ _ first; echo "${first:-$name}"; })
  # (one line per address and socket type: each address once)
  echo "$answer" | {
    seen=" "
    while read -r ip _; do
      case $seen in *" $ip "*) continue ;; esac
      seen="$seen$ip "
      printf 'Name:\t%s\nAddress: %s\n' "$canonical" "$ip"
    done
  }
  echo
  exit 0
fi
printf "** server can't find %s: NXDOMAIN\n\n" "$name"
exit 1
