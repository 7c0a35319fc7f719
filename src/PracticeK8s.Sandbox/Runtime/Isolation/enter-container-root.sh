#!/bin/sh
# Runs as PID 1 of a container's fresh user, mount, PID, UTS and IPC namespaces (started by
# `unshare --user --map-root-user --mount --pid --fork --uts --ipc`), builds the container's root
# file system and replaces itself with the container's command, which so becomes PID 1.
#   usage: enter-container-root.sh ROOT HOSTNAME WORKDIR MOUNTS COMMAND [ARG...]
# ROOT is the container's own writable directory (seeded by the sandbox with /etc, /tmp, /root, /var).
# MOUNTS is the container's volume list (a 0600 file written by the sandbox; see MountList.cs) or "".
# Every step must work for an unprivileged user: only bind mounts, proc and tmpfs, which a
# user namespace allows.
set -eu
root=$1 host=$2 workdir=$3 mounts=$4
shift 4
# tty: true: the terminal the sandbox made for the container (not yet opened, so it can become the
# controlling terminal of the container's own session; a shell leaving job control then needs no
# process group outside the container).
term=${PRACTICEK8S_CONTAINER_TTY:-}
unset PRACTICEK8S_CONTAINER_TTY

# The UTS namespace is the container's own: its host name is the pod's.
# (`hostname` comes from the hostname package; without it, the proc file, which only a real root may write.)
if command -v hostname >/dev/null 2>&1; then hostname "$host"; else echo "$host" > /proc/sys/kernel/hostname; fi

# Nothing done here may propagate back to the host's mount table.
mount --make-rprivate /

# An image's own files under a system directory (nginx's /usr/share/nginx/html): the container's
# layer over the host's directory (overlayfs: the host's files stay unchanged, writes go to the
# layer). Kernels before 5.11 refuse it in a user namespace; the read-only host directory is used then.
has_entries() {
  for f in "$1"/* "$1"/.[!.]*; do [ -e "$f" ] && return 0; done
  return 1
}
image_layer() {
  (umask 077 && mkdir -p "$root.layer-work/$1") &&
    mount -t overlay overlay -o "lowerdir=/$1,upperdir=$root/$1,workdir=$root.layer-work/$1" "$root/$1" 2>/dev/null
}
# (Before the root is bound onto itself: an overlay's layer and work directory must be on one mount.)
layered=" "
for d in usr bin sbin lib lib32 lib64 libx32; do
  if [ -d "/$d" ] && [ ! -L "/$d" ] && has_entries "$root/$d" && image_layer "$d"; then layered="$layered$d "; fi
done

# pivot_root needs the new root to be a mount point: bind it onto itself (with the layers above).
mount --rbind "$root" "$root"

# The host's programs and libraries, read-only: shell images run the host's tools. A merged-/usr
# host has /bin, /lib... as links into /usr; they are copied as the same links (one cp for all).
# (Every program run here costs pod start time: steps are batched where one call can do them.)
links=
for d in usr bin sbin lib lib32 lib64 libx32; do
  if [ -L "/$d" ]; then
    [ -e "$root/$d" ] || [ -L "$root/$d" ] || links="$links /$d"
  elif [ -d "/$d" ]; then
    case $layered in *" $d "*) continue;; esac
    mkdir -p "$root/$d"
    mount --rbind -o ro "/$d" "$root/$d"
  fi
done
# shellcheck disable=SC2086 # a list of absolute paths without spaces
[ -z "$links" ] || cp -P $links "$root/"

# /proc of the new PID namespace: ps and /proc/1 show the container's own processes only.
mkdir -p "$root/proc" "$root/dev" "$root/.host-root"
mount -t proc proc "$root/proc"

# A minimal /dev: the host's harmless character devices (no disks), a private /dev/shm and a
# terminal directory of the container's own.
mount -t tmpfs -o mode=755,size=64k tmpfs "$root/dev"
mkdir -p "$root/dev/shm" "$root/dev/pts"
touch "$root/dev/null" "$root/dev/zero" "$root/dev/full" "$root/dev/random" "$root/dev/urandom" "$root/dev/tty"
for n in null zero full random urandom tty; do
  mount --bind "/dev/$n" "$root/dev/$n"
done
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
# A devpts instance of the container's own: exec -it takes its terminals from there, so a shell
# sees its /dev/pts/N inside (none of the host's are there). A container with a terminal of its own
# keeps that one in /dev/pts (below) and has the instance at /dev/.pts.
pts=pts
[ -z "$term" ] || { pts=.pts; mkdir "$root/dev/.pts"; }
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/$pts" 2>/dev/null && ln -s "$pts/ptmx" "$root/dev/ptmx" || true
# A container started with a terminal (tty: true) keeps it under the same name, so `tty` names it;
# no other terminal of the host is there.
if case $term in /dev/pts/*) true;; *) false;; esac; then
  touch "$root$term"
  mount --bind "$term" "$root$term"
fi
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"

# Volumes, parents before children (the sandbox sorted them), each line "ro|rw TAB HOST TAB PATH TAB
# VOLUME" with paths the sandbox checked (absolute, no tab/newline, no . or ..). A mount path through a
# symbolic link in the root (the container's own, from an earlier run) is refused: it could lead
# the mount point out of the root. So is a subPath that no longer resolves inside its volume (another
# container of the pod replaced it with a link); the resolved path is what gets mounted. Read-only
# volumes are remounted read-only.
if [ -n "$mounts" ]; then
  tab=$(printf '\t')
  while IFS=$tab read -r mode src dst vol; do
    if [ "$src" != "$vol" ]; then
      real=$(readlink -f -- "$src") || real=
      case $real in
        "$vol"|"$vol"/*) src=$real ;;
        *) echo "volume mount path $dst: its subPath resolves outside the volume" >&2; exit 1 ;;
      esac
    fi
    at=$dst
    while [ -n "$at" ]; do
      if [ -L "$root$at" ]; then echo "volume mount path $dst: $at is a symbolic link in the container" >&2; exit 1; fi
      at=${at%/*}
    done
    if [ -d "$src" ]; then
      mkdir -p "$root$dst"
    else
      mkdir -p "$root${dst%/*}"
      [ -e "$root$dst" ] || : > "$root$dst"
    fi
    mount --bind "$src" "$root$dst"
    if [ "$mode" = ro ]; then mount -o remount,bind,ro "$root$dst"; fi
  done < "$mounts"
fi

# Switch to the new root and drop the host's: afterwards no host path (home directories, the
# sandbox's data directory, kubeconfigs) is reachable from the container.
cd "$root"
pivot_root . .host-root
umount -l /.host-root
rmdir /.host-root

[ -d "$workdir" ] || mkdir -p "$workdir"
cd "$workdir"
if [ -n "$term" ]; then
  # A session of its own whose controlling terminal is the container's; then the command, still PID 1.
  exec setsid /bin/sh -c 'exec 0<>"$0" 1>&0 2>&0; exec "$@"' "$term" "$@"
fi
exec "$@"
