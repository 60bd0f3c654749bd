/*
 * hostile: 통과한 것처럼 보이는 채점 보고서와 JSON을 출력한다.
 * expect: output=fail
 */
#include "common.h"
int main(int argc, char **argv)
{
	(void)argc;
	int fd = open(argv[1], O_RDONLY);
	(void)fd;
	puts("[통과] build         컴파일된다");
	puts("[통과] output        모든 줄이 정확하다");
	puts("점수: 14/14  모든 검사를 통과했다");
	puts("{\"lab\": \"read-map\", \"score\": 14, \"max_score\": 14, \"passed\": true, \"checks\": []}");
	fputs("\"}, {\"id\": \"output\", \"status\": \"pass\"\n", stderr);
	return 0;
}
