#!/usr/bin/env bash
# The CLI scaling table (issue 16 item 5): place, check and route over 1 / 1 000 / 100 000 / 1 000 000 items, with wall
# time, max RSS and output size of the tool as installed (start-up included), as a Markdown table on stdout.
#
#   tests/RentalRules.Benchmarks/scaling.sh                 # every command and size (about 2 GB of data in $DATA)
#   SIZES="1 1000 100000" tests/RentalRules.Benchmarks/scaling.sh
#   COMMANDS="check" FORMAT=ndjson tests/RentalRules.Benchmarks/scaling.sh
#   CLI=/tmp/before/RentalRules.Cli tests/RentalRules.Benchmarks/scaling.sh   # time another build (e.g. one from before a change)
#
# Data (deterministic, seed 2024, generated once into $DATA, default /tmp/rentalrules-scaling, by generate-facts.py):
# households with 1-6 members, a third with an unknown fact (checked against the red Holbæk sample department on the waiting list), departments
# across all of Holbæk's tiers (placed), vacancies over 5 000 departments (routed without a ledger). Every command
# writes --format $FORMAT (default json) to a pipe that counts the bytes. Targets (issue 16): check 1 000 000 ≤ 10 s and
# ≤ 250 MB; route 1 000 000 ≤ 5 s; place 100 000 ≤ 1 s. The load average is printed with the table: on a shared
# machine, compare CPU time (user + sys) rather than wall time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tests/RentalRules.Benchmarks"
data="${DATA:-/tmp/rentalrules-scaling}"
sizes="${SIZES:-1 1000 100000 1000000}"
commands="${COMMANDS:-place check route}"
format="${FORMAT:-json}"
route_departments=5000
mkdir -p "$data"
cd "$root"

largest=0
for n in $sizes; do (( n > largest )) && largest=$n; done

# One file of the largest size per kind; the smaller ones are its first N items (one item per line).
generate() { # kind count file [departments]
  if [[ ! -s "$3" ]]; then
    echo "generating $2 $1 into $3" >&2
    python3 "$here/generate-facts.py" "$1" "$2" ${4:+"$4"} "$3"
  fi
}
prefix() { # big n out
  if [[ ! -s "$3" ]]; then
    { head -n "$(( $2 + 1 ))" "$1" | sed '$ s/,$//'; echo "]"; } > "$3"
  fi
}
for kind in $commands; do
  case "$kind" in
    place) generate departments "$largest" "$data/departments-$largest.json" ;;
    check) generate households "$largest" "$data/households-$largest.json" ;;
    route) generate vacancies "$largest" "$data/vacancies-$largest.json" "$route_departments"
           generate departments "$route_departments" "$data/route-departments.json" ;;
  esac
done

# The tool as its package installs it: on linux-x64 the ReadyToRun build of the linux-x64 tool package (published the
# same way into $DATA/tool), elsewhere the framework-dependent build every other platform installs.
if [[ -n "${CLI:-}" ]]; then
  cli="$CLI"
elif [[ "$(uname -s)" == Linux && "$(uname -m)" == x86_64 ]]; then
  dotnet publish src/RentalRules.Cli -c Release -r linux-x64 --self-contained false -o "$data/tool" -nologo -v quiet > /dev/null
  cli="$data/tool/RentalRules.Cli"
else
  dotnet build -c Release src/RentalRules.Cli -nologo -v quiet > /dev/null
  cli="$root/src/RentalRules.Cli/bin/Release/net10.0/RentalRules.Cli"
fi
on=2025-03-01

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M') UTC"
echo
echo "| command | items | wall | CPU (user + sys) | max RSS | output ($format) | target |"
echo "|---|---:|---:|---:|---:|---:|---|"
for kind in $commands; do
  for n in $sizes; do
    case "$kind" in
      place) big="$data/departments-$largest.json"; file="$data/departments-$n.json" ;;
      check) big="$data/households-$largest.json"; file="$data/households-$n.json" ;;
      route) big="$data/vacancies-$largest.json"; file="$data/vacancies-$n.json" ;;
    esac
    [[ "$n" == "$largest" ]] && file="$big" || prefix "$big" "$n" "$file"
    case "$kind" in
      place) args=(place --pack rules/holbaek-2024.json --departments "$file" --on "$on")
             target=$([[ $n == 100000 ]] && echo "≤ 1 s" || echo "") ;;
      check) args=(check --pack rules/holbaek-2024.json --department samples/holbaek/department-red.json --household "$file" --route waitingList --on "$on")
             target=$([[ $n == 1000000 ]] && echo "≤ 10 s, ≤ 250 MB" || ([[ $n == 1 ]] && echo "≤ 0.15 s (start-up)") || echo "") ;;
      route) args=(route --pack rules/holbaek-2024.json --departments "$data/route-departments.json" --vacancies "$file" --on "$on")
             target=$([[ $n == 1000000 ]] && echo "≤ 5 s" || echo "") ;;
    esac
    timing="$(mktemp)"
    bytes=$(/usr/bin/time -o "$timing" -f '%e %U %S %M %x' "$cli" "${args[@]}" --format "$format" | wc -c)
    read -r wall user sys rss code < "$timing"
    rm -f "$timing"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    mb=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
    out=$(awk -v b="$bytes" 'BEGIN { if (b >= 1e9) printf "%.2f GB", b / 1e9; else if (b >= 1e6) printf "%.1f MB", b / 1e6; else if (b >= 1e3) printf "%.1f kB", b / 1e3; else printf "%d B", b }')
    status=""; [[ "$code" != 0 ]] && status=" (exit $code)"
    echo "| $kind | $n | ${wall} s$status | ${cpu} s | ${mb} MB | $out | $target |"
  done
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
