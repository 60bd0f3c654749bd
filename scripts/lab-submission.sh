# lab-submission.sh - sourced by gradescope/run_autograder and classroom/grade.sh: what a lab's
# submission is called, and where it is inside an uploaded repository. Needs MMAPLAB (the grader)
# and jq.

# lab_field LAB FIELD: a field of the lab (program, max_score, ...) as the grader describes it, so
# that no script keeps its own copy of the labs' file names and full marks.
lab_field() {
	"$MMAPLAB" list --format=json | jq -r --arg lab "$1" --arg field "$2" \
		'.[] | select(.name == $lab) | .[$field] // empty'
}

# find_submission ROOT FILE: the directory that holds FILE, the shallowest one when there are
# several (a whole repository was uploaded), skipping hidden directories (.git, the kit in
# .mmaplab). Prints nothing when there is none.
find_submission() {
	find "$1" -mindepth 1 \( -name '.*' -prune \) -o \( -type f -name "$2" -printf '%d\t%h\n' \) |
		LC_ALL=C sort -t "$(printf '\t')" -k1,1n -k2,2 | head -n 1 | cut -f 2-
}
