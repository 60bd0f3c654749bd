/*
 * hostile: 참조 답안과 테스트 파일을 읽으려 한다. 읽을 수 있으면 종료 상태 42로 알린다.
 * expect: run=pass
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	int status = behave(argv[1]);
	if (open("@ROOT@/solutions/read-map/read_map.c", O_RDONLY) != -1 ||
	    open("@ROOT@/tests/corpus/read-map/note-read.c", O_RDONLY) != -1)
		return 42;
	return status;
}
