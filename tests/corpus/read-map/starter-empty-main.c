/*
 * expect: build=pass open=fail size=fail mmap=skip run=skip output=fail munmap=skip close=skip valgrind=skip error-open=fail error-mmap=skip empty-file=fail
 * why: 실습 시작 전의 빈 뼈대(starter)처럼 main이 아무것도 하지 않고 0을 반환한다. 컴파일은 되므로 build는 통과한다.
 * why: 실습 파일을 열지도 크기를 알아내지도 않으므로 open과 size는 실패한다. 한 번도 열지 않았으니 mmap, close는 skip이고, 매핑이 없으니 munmap과 error-mmap도 skip이며, 빈 프로그램에 공짜 점수를 주지 않도록 run과 valgrind도 skip이다.
 * why: 증거로 판단하는 검사는 실패한다: 표준 출력이 비어 있어 output이 실패하고, 파일이 없어도 메시지 없이 0으로 끝나 error-open이 실패하며, 빈 파일에서 "File size is 0"을 출력하지 않아 empty-file이 실패한다.
 */
int main(void)
{
	return 0;
}
