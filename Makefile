# mmaplab - build the grader, run its tests, measure it.
#   make            build/mmaplab
#   make grade      grade a bundled example (LAB=..., SUBMISSION=... to choose)
#   make test       every Criterion suite (unit, rules, end to end on the corpus, links)
#   make sanitize   the same suites with AddressSanitizer and UndefinedBehaviorSanitizer
#   make bench      how long a grading takes, stage by stage, a class graded -j 1 and -j N, and
#                   when mmap beats read() (BENCH_ARGS="--max 1G" for the full range)
#   make experiments  the documents' claims as small programs (docs-ko/experiments/), run here
#   make fuzz       the libFuzzer targets of the strace and Valgrind readers (FUZZ_SECONDS each)
#   make gradescope build/gradescope-autograder.zip (LAB=... chooses the lab)
#   make classroom  build/classroom/LAB/, a GitHub Classroom template repository (LAB=...)
#   make screenshot docs-ko/img/grading-page.png, the page of a grading as docs-ko/grader.md shows it
#   make clean

# make's built-in default for CC is cc; the course compiles with gcc.
ifeq ($(origin CC),default)
CC = gcc
endif
BUILD   ?= build
SANFLAGS ?=
CFLAGS  ?= -std=gnu17 -g -O2
# The grader's sources: one folder per part (harness/ the grading of one submission, harness/class/
# grading a whole class). A header is included by its name alone from any folder, so every folder
# is on the include path. `make gradescope` and `make classroom` ship exactly these files.
HARNESS_DIRS := harness harness/class
HARNESS_INC  := $(HARNESS_DIRS:%=-I%)
HARNESS_SRC  := $(foreach d,$(HARNESS_DIRS),$(wildcard $(d)/*.c))
HARNESS_HDR  := $(foreach d,$(HARNESS_DIRS),$(wildcard $(d)/*.h))
# override: `make sanitize` passes CFLAGS on the command line, which would otherwise drop these.
override CFLAGS += -Wall -Wextra $(HARNESS_INC) $(SANFLAGS) $(shell pkg-config --cflags jansson)
LDLIBS  += $(shell pkg-config --libs jansson)
TEST_LDLIBS = $(shell pkg-config --libs criterion)

LIB_SRC     := $(filter-out harness/main.c,$(HARNESS_SRC))
LIB_OBJ     := $(LIB_SRC:harness/%.c=$(BUILD)/obj/%.o)
TEST_SRC    := $(wildcard tests/test_*.c)
TEST_BIN    := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

.PHONY: all grade test sanitize bench bench-mmap fuzz gradescope classroom screenshot clean
all: $(BUILD)/mmaplab

# Grades a bundled example: the note's reading program, as the note wrote it.
LAB ?= read-map
SUBMISSION ?= tests/corpus/read-map/note-read.c
grade: $(BUILD)/mmaplab
	$(BUILD)/mmaplab grade $(LAB) $(SUBMISSION) || [ $$? -eq 1 ]

# Objects keep their source's folder (build/obj/class/batch.o), so that two folders may hold files
# of the same name.
$(BUILD)/obj/%.o: harness/%.c $(HARNESS_HDR) | $(BUILD)/obj
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/mmaplab: $(BUILD)/obj/main.o $(LIB_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/%.c $(wildcard tests/*.h) $(LIB_OBJ) | $(BUILD)/tests
	$(CC) $(CFLAGS) -Itests -o $@ $< $(LIB_OBJ) $(LDLIBS) $(TEST_LDLIBS)

$(BUILD)/obj $(BUILD)/tests:
	mkdir -p $@

# The suites find the grader and the repository through these variables. MAKEFLAGS is cleared:
# a suite that runs make itself (a lab's make check) must not inherit this make's BUILD=...
# Every suite runs, whatever the others did; the last lines name the failed ones and the time.
test: $(BUILD)/mmaplab $(TEST_BIN) gradescope $(BUILD)/mmap-bench
	@MMAPLAB_BIN=$(abspath $(BUILD)/mmaplab) MMAPLAB_ROOT=$(CURDIR) \
		MMAPLAB_BENCH=$(abspath $(BUILD)/mmap-bench) \
		MMAPLAB_GRADESCOPE_ZIP=$(abspath $(BUILD)/gradescope-autograder.zip) \
		env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u BUILD -u SANFLAGS -u CFLAGS \
		scripts/run-suites $(TEST_BIN)

sanitize:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	$(MAKE) BUILD=build/sanitize SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer" \
		CFLAGS="-std=gnu17 -g -O1" test

bench: $(BUILD)/mmaplab $(BUILD)/bench-grade $(BUILD)/bench-batch $(BUILD)/mmap-bench
	MMAPLAB_BIN=$(abspath $(BUILD)/mmaplab) MMAPLAB_ROOT=$(CURDIR) $(BUILD)/bench-grade
	MMAPLAB_BIN=$(abspath $(BUILD)/mmaplab) MMAPLAB_ROOT=$(CURDIR) $(BUILD)/bench-batch
	$(BUILD)/mmap-bench --dir $(BUILD)/bench $(BENCH_ARGS)

bench-mmap: $(BUILD)/mmap-bench
	$(BUILD)/mmap-bench --dir $(BUILD)/bench $(BENCH_ARGS)

# The kit's own benchmark links the reference solution's scanning loop: the same code, not a copy.
$(BUILD)/mmap-bench: bench/mmap_bench.c bench/csv.c bench/csv.h solutions/perf/scanloop.c solutions/perf/scanloop.h
	$(CC) $(CFLAGS) -Isolutions/perf -o $@ bench/mmap_bench.c bench/csv.c solutions/perf/scanloop.c

$(BUILD)/tests/test_bench_csv: bench/csv.c bench/csv.h

# libFuzzer needs clang. Inputs that crash are written to tests/fuzz/regressions/ (commit them:
# tests/test_fuzz_regressions.c reads them back on every make test).
FUZZ_SECONDS ?= 60
FUZZ_SRC := harness/trace.c harness/memcheck.c harness/rules.c harness/util.c
fuzz: $(BUILD)/fuzz/fuzz_trace $(BUILD)/fuzz/fuzz_memcheck
	mkdir -p $(BUILD)/fuzz/corpus-trace $(BUILD)/fuzz/corpus-memcheck
	$(BUILD)/fuzz/fuzz_trace -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
		-artifact_prefix=tests/fuzz/regressions/trace- \
		$(BUILD)/fuzz/corpus-trace tests/fixtures/strace tests/fixtures/rules
	$(BUILD)/fuzz/fuzz_memcheck -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
		-artifact_prefix=tests/fuzz/regressions/memcheck- \
		$(BUILD)/fuzz/corpus-memcheck tests/fixtures/valgrind

$(BUILD)/fuzz/%: tests/fuzz/%.c $(FUZZ_SRC) $(HARNESS_HDR)
	mkdir -p $(BUILD)/fuzz
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(HARNESS_INC) -o $@ $< $(FUZZ_SRC)

$(BUILD)/bench-grade: bench/bench_grade.c $(LIB_OBJ)
	$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS)

$(BUILD)/bench-batch: bench/bench_batch.c $(LIB_OBJ)
	$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS)

# Gradescope's autograder zip: setup.sh and run_autograder at its root, the kit's sources to build
# from, and lab.conf naming the lab (make gradescope LAB=write-msync).
gradescope: $(BUILD)/mmaplab
	@$(BUILD)/mmaplab list --format=json | jq -e --arg lab '$(LAB)' 'any(.[]; .name == $$lab)' >/dev/null || \
		{ echo "make gradescope: unknown LAB=$(LAB) (see build/mmaplab list)"; exit 2; }
	rm -rf $(BUILD)/gradescope $(BUILD)/gradescope-autograder.zip
	mkdir -p $(BUILD)/gradescope/scripts
	cp gradescope/setup.sh gradescope/run_autograder Makefile $(BUILD)/gradescope/
	cp --parents $(HARNESS_SRC) $(HARNESS_HDR) $(BUILD)/gradescope/
	cp scripts/lab-submission.sh $(BUILD)/gradescope/scripts/
	echo '$(LAB)' > $(BUILD)/gradescope/lab.conf
	cd $(BUILD)/gradescope && zip -qr ../gradescope-autograder.zip .

# A GitHub Classroom template repository for LAB: classroom/LAB/ with its links to the lab's files
# resolved, and the kit (sources, scripts) in .mmaplab/ for the workflow to build and run.
CLASSROOM_OUT ?= $(BUILD)/classroom/$(LAB)
classroom:
	@test -d classroom/$(LAB) || { echo "make classroom: no template classroom/$(LAB)"; exit 2; }
	rm -rf $(CLASSROOM_OUT)
	mkdir -p $(CLASSROOM_OUT)/.mmaplab/scripts $(CLASSROOM_OUT)/.mmaplab/classroom
	cp -RL classroom/$(LAB)/. $(CLASSROOM_OUT)/
	cp Makefile .gitignore $(CLASSROOM_OUT)/.mmaplab/
	cp --parents $(HARNESS_SRC) $(HARNESS_HDR) $(CLASSROOM_OUT)/.mmaplab/
	cp scripts/lab-submission.sh $(CLASSROOM_OUT)/.mmaplab/scripts/
	cp classroom/grade.sh $(CLASSROOM_OUT)/.mmaplab/classroom/

# The picture of a grading's page in docs-ko/grader.md: a one-bug program graded with --html at a
# fixed seed and photographed by headless Chromium (chromium and a Korean font, fonts-nanum, from
# scripts/install-deps --test). make test takes the same kind of screenshot into its own directory;
# only this target writes the tracked one.
SCREENSHOT_LAB ?= read-map
SCREENSHOT_SUBMISSION ?= tests/corpus/read-map/munmap-11.c
SCREENSHOT_PNG ?= docs-ko/img/grading-page.png
screenshot: $(BUILD)/mmaplab
	@command -v chromium >/dev/null || { echo "make screenshot: chromium is not installed"; exit 2; }
	rm -rf $(BUILD)/screenshot
	mkdir -p $(BUILD)/screenshot $(dir $(SCREENSHOT_PNG))
	$(BUILD)/mmaplab grade --seed=42 --html $(BUILD)/screenshot/page.html $(SCREENSHOT_LAB) $(SCREENSHOT_SUBMISSION) >/dev/null || [ $$? -eq 1 ]
	chromium --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
		--user-data-dir=$(abspath $(BUILD)/screenshot/profile) --window-size=1000,2050 \
		--screenshot=$(abspath $(SCREENSHOT_PNG)) file://$(abspath $(BUILD)/screenshot/page.html) 2>/dev/null

# The documents' behavioural claims as programs: each prints "fact:" and "env:" lines about this
# machine. They work in a directory under $(BUILD), so on the repository's filesystem, which some
# facts depend on (tmpfs and ext4 differ). tests/test_experiments.c runs them in make test.
EXP_SRC := $(wildcard docs-ko/experiments/*.c)
EXP_BIN := $(EXP_SRC:docs-ko/experiments/%.c=$(BUILD)/experiments/%)
.PHONY: experiments
experiments: $(EXP_BIN)
	@mkdir -p $(BUILD)/experiments/work
	@set -e; for e in $(EXP_BIN); do echo "== $${e##*/}"; $$e $(BUILD)/experiments/work; done

$(BUILD)/experiments/%: docs-ko/experiments/%.c docs-ko/experiments/exp.h
	@mkdir -p $(BUILD)/experiments
	$(CC) -std=gnu17 -O2 -Wall -Wextra -o $@ $<

clean:
	rm -rf build
