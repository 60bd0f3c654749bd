/* read_map.c - mmaplab 1번 실습(read-map)의 시작 코드

   파일을 메모리 매핑(memory mapping)해서 바이트마다 위치와 함께 출력하는 프로그램을
   완성한다. 다 만들면 다음처럼 출력한다.

       File size is N
       Found character C at I      (파일의 바이트마다 한 줄, I는 0부터 센다)

   지금은 아무 일도 하지 않고 0으로 끝난다. 아래 TODO를 README.md의 단계 순서대로
   채우고, 단계마다 `make check STEP=n`으로 확인한다. */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	/* 채점기는 `./read_map link.txt`로 실행한다. 인자가 없으면 link.txt를 연다. */
	const char *path = (argc > 1) ? argv[1] : "link.txt";
	(void) path;   /* 아직 쓰지 않는 변수라는 경고를 막는다. 1단계에서 path를 쓰면 지운다. */

	/* TODO(1단계): path를 읽기 전용(O_RDONLY)으로 열어 파일 기술자(file descriptor)를
	   얻는다. open(2) */

	/* TODO(4단계): open이 실패하면 어떤 호출이 왜 실패했는지 표준 오류에 쓰고
	   EXIT_FAILURE로 끝낸다. perror(3), strerror(3) */

	/* TODO(1단계): fstat으로 파일 크기(st_size)를 알아낸다. 반환값도 확인한다. fstat(2) */

	/* TODO(2단계): "File size is N"을 출력한다. st_size는 off_t이므로
	   (intmax_t)로 바꿔 %jd로 찍는다. */

	/* TODO(5단계): 파일 크기가 0이면 매핑하지 않고 파일 기술자만 닫은 뒤 0으로 끝낸다.
	   길이 0으로 mmap을 호출하면 EINVAL로 실패하기 때문이다. */

	/* TODO(2단계): 파일 전체를 PROT_READ, MAP_SHARED, 오프셋 0으로 매핑한다. mmap(2) */

	/* TODO(4단계): mmap이 실패하면(MAP_FAILED) 표준 오류에 알리고, 열어 둔 파일 기술자를
	   닫은 뒤 EXIT_FAILURE로 끝낸다. */

	/* TODO(2단계): 바이트마다 "Found character C at I"를 한 줄씩 출력한다. */

	/* TODO(3단계): mmap이 돌려준 주소와 같은 길이로 munmap을 호출해 매핑을 해제하고,
	   close로 파일 기술자를 닫는다. 둘 다 반환값을 확인한다. munmap(2), close(2) */

	return 0;
}
