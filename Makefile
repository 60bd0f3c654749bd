# mmaplab - build the grader, run its tests, measure it.
#   make            build/mmaplab
#   make grade      grade a bundled example (LAB=..., SUBMISSION=... to choose)
#   make test       every Criterion suite (unit, rules, end to end on the corpus, links)
#   make sanitize   the same suites with AddressSanitizer and UndefinedBehaviorSanitizer
#   make bench      how long a grading takes, stage by stage
#   make clean

# make's built-in default for CC is cc; the course compiles with gcc.
ifeq ($(origin CC),default)
CC = gcc
endif
BUILD   ?= build
SANFLAGS ?=
CFLAGS  ?= -std=gnu17 -g -O2
CFLAGS  += -Wall -Wextra -Iharness $(SANFLAGS) $(shell pkg-config --cflags jansson)
LDLIBS  += $(shell pkg-config --libs jansson)
TEST_LDLIBS = $(shell pkg-config --libs criterion)

HARNESS_SRC := $(wildcard harness/*.c)
LIB_SRC     := $(filter-out harness/main.c,$(HARNESS_SRC))
LIB_OBJ     := $(LIB_SRC:harness/%.c=$(BUILD)/obj/%.o)
TEST_SRC    := $(wildcard tests/test_*.c)
TEST_BIN    := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

.PHONY: all grade test sanitize bench clean
all: $(BUILD)/mmaplab

# Grades a bundled example: the note's reading program, as the note wrote it.
LAB ?= read-map
SUBMISSION ?= tests/corpus/read-map/note-read.c
grade: $(BUILD)/mmaplab
	$(BUILD)/mmaplab grade $(LAB) $(SUBMISSION) || [ $$? -eq 1 ]

$(BUILD)/obj/%.o: harness/%.c $(wildcard harness/*.h) | $(BUILD)/obj
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/mmaplab: $(BUILD)/obj/main.o $(LIB_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/%.c tests/testlib.h $(LIB_OBJ) | $(BUILD)/tests
	$(CC) $(CFLAGS) -Itests -o $@ $< $(LIB_OBJ) $(LDLIBS) $(TEST_LDLIBS)

$(BUILD)/obj $(BUILD)/tests:
	mkdir -p $@

# The suites find the grader and the repository through these variables.
test: $(BUILD)/mmaplab $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do \
		echo "== $$t"; \
		MMAPLAB_BIN=$(abspath $(BUILD)/mmaplab) MMAPLAB_ROOT=$(CURDIR) $$t --jobs 2; \
	done

sanitize:
	$(MAKE) BUILD=build/sanitize SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer" \
		CFLAGS="-std=gnu17 -g -O1" test

bench: $(BUILD)/mmaplab $(BUILD)/bench-grade
	MMAPLAB_BIN=$(abspath $(BUILD)/mmaplab) MMAPLAB_ROOT=$(CURDIR) $(BUILD)/bench-grade

$(BUILD)/bench-grade: bench/bench_grade.c $(LIB_OBJ)
	$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS)

clean:
	rm -rf build
