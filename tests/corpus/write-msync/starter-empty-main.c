/*
 * expect: build=pass open=fail size=fail mmap=skip run=skip content=skip msync=skip munmap=skip close=skip valgrind=skip error-open=fail error-mmap=skip error-msync=skip short-file=fail
 * why: 실습 시작 전의 빈 뼈대(starter)처럼 main이 argc, argv를 받기만 하고 0을 반환한다. 컴파일은 되므로 build는 통과한다.
 * why: 실습 파일을 열지도 크기를 알아내지도 않으므로 open과 size는 실패한다. 열지 않았으니 mmap, close, run, valgrind는 skip이고, 매핑이 없으니 content, msync, munmap, error-mmap, error-msync도 skip이다.
 * why: 증거로 판단하는 검사는 실패한다: 파일이 없어도 메시지 없이 0으로 끝나 error-open이 실패하며, 짧은 파일을 늘리지도 거부하지도 않고 0으로 끝나 short-file이 실패한다.
 * why: 채점기 규칙: 공유 매핑이 없어서(매핑 실패 또는 MAP_PRIVATE) 파일이 그대로인 경우 content는 skip이다. 그 버그는 mmap 또는 open이 보고하므로 같은 버그로 두 번 감점하지 않는다.
 */
#include <stdio.h>

int main(int argc, char *argv[])
{
	(void)argc;
	(void)argv;
	/* TODO: open link.txt, map it, write "hello mmap!", msync, unmap, close */
	return 0;
}
