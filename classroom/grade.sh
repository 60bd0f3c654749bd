#!/usr/bin/env bash
# classroom/grade.sh - the GitHub Classroom workflow's one step: install what the grader needs,
# build the kit, grade the student's repository ONCE with --format=json, and turn that one JSON
# into the result the autograding-grading-reporter action reads (a base64 JSON in the step output
# `result`: one test per check with its points, so that the Classroom grade is the kit's score).
#
# Environment: MMAPLAB_LAB (the lab, set by the workflow), GITHUB_WORKSPACE (the student's
# repository; else the current directory), GITHUB_OUTPUT (where step outputs go; else stdout),
# MMAPLAB_KIT (the kit; else the directory above this script), MMAPLAB_BIN (a grader already built),
# MMAPLAB_INSTALL=no (never run apt-get). It exits 0 whatever the score: the reporter step after it
# must run, and it fails the job itself when a check failed.
set -uo pipefail

LAB=${MMAPLAB_LAB:?MMAPLAB_LAB names the lab (read-map, write-msync, perf, share-map)}
KIT=${MMAPLAB_KIT:-$(cd "$(dirname "$0")/.." && pwd)}
REPO=${GITHUB_WORKSPACE:-$PWD}
OUTPUT=${GITHUB_OUTPUT:-/dev/stdout}
MMAPLAB=${MMAPLAB_BIN:-$KIT/build/mmaplab}
# shellcheck source=../scripts/lab-submission.sh
. "$KIT/scripts/lab-submission.sh"

# Installs the grader's dependencies with apt-get, only when one is missing.
install_tools() {
	local missing=no
	for tool in gcc make pkg-config strace valgrind jq base64; do
		command -v "$tool" >/dev/null || missing=yes
	done
	pkg-config --exists jansson 2>/dev/null || missing=yes
	[ "$missing" = yes ] && [ "${MMAPLAB_INSTALL:-auto}" != no ] || return 0
	local sudo=
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update -qq &&
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			build-essential pkg-config strace valgrind libjansson-dev jq >/dev/null
}

# emit PAYLOAD_JSON: the step output the reporter decodes.
emit() {
	echo "result=$(printf '%s' "$1" | base64 -w 0)" >> "$OUTPUT"
}

# error_result MESSAGE MAX: a result with no points and the reason, as one errored test.
error_result() {
	echo "mmaplab: $1" >&2
	emit "$(jq -cn --arg msg "$1" --argjson max "${2:-0}" '{version: 1, status: "error", max_score: $max,
		tests: [{name: "mmaplab", status: "error", score: 0, message: $msg, test_code: "", filename: "", line_no: 0, duration: 0}]}')"
	exit 0
}

install_tools || error_result "채점기에 필요한 패키지를 설치하지 못했다."
if [ -z "${MMAPLAB_BIN:-}" ]; then
	make -s -C "$KIT" -j "$(nproc)" build/mmaplab >&2 || error_result "채점기를 빌드하지 못했다."
fi
file=$(lab_field "$LAB" program)
max=$(lab_field "$LAB" max_score)
[ -n "$file" ] || error_result "채점기가 실습 '$LAB'을 알지 못한다."
dir=$(find_submission "$REPO" "$file")
[ -n "$dir" ] || error_result "저장소에서 $file 파일을 찾지 못했다. $LAB 실습은 $file 파일을 채점한다." "$max"

json=$(mktemp) || error_result "임시 파일을 만들지 못했다." "$max"
trap 'rm -f "$json"' EXIT
"$MMAPLAB" grade --format=json "$LAB" "$dir" > "$json"
status=$?
[ "$status" -le 1 ] || error_result "채점기가 이 저장소를 채점하지 못했다(종료 상태 $status)." "$max"

# The log shows the score and the command that replays this grading with the same lab file.
jq -r '"점수: \(.score)/\(.max_score)\n같은 채점을 다시 하려면: \(.command)"' "$json" >&2
emit "$(jq -c '{version: 1, status: (if .passed then "pass" else "fail" end), max_score: .max_score,
	tests: [.checks[] | {
		name: "\(.id): \(.title) (\(.max_score)점)",
		status: (if .status == "pass" then "pass" else "fail" end),
		score: .score,
		message: ([.message, .note, .evidence, (.expected // empty | "기대: " + .), (.hint // empty | "힌트: " + .)]
			| map(select(. != null and . != "")) | join("\n")),
		test_code: "", filename: "", line_no: 0, duration: 0}]}' "$json")"
