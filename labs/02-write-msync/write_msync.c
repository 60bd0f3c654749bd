/* write_msync.c - mmaplab 2번 실습(write-msync)의 시작 코드

   파일을 메모리 매핑(memory mapping)해서 처음 11바이트를 "hello mmap!"으로 바꾸고,
   msync로 디스크까지 동기화하는 프로그램을 완성한다. 표준 출력은 채점하지 않으므로
   진행 상황을 자유롭게 출력해도 된다.

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

/* 파일에 쓸 내용. 끝의 '\0'은 파일에 쓰지 않으므로 길이는 sizeof - 1(11바이트)이다. */
#define UPDATE     "hello mmap!"
#define UPDATE_LEN (sizeof(UPDATE) - 1)

int main(int argc, char *argv[])
{
	/* 채점기는 `./write_msync link.txt`로 실행한다. 인자가 없으면 link.txt를 연다. */
	const char *path = (argc > 1) ? argv[1] : "link.txt";
	(void) path;   /* 아직 쓰지 않는 변수라는 경고를 막는다. 1단계에서 path를 쓰면 지운다. */

	/* TODO(1단계): path를 읽기·쓰기(O_RDWR)로 열어 파일 기술자(file descriptor)를
	   얻는다. open(2) */

	/* TODO(5단계): open이 실패하면 어떤 호출이 왜 실패했는지 표준 오류에 쓰고
	   EXIT_FAILURE로 끝낸다. perror(3), strerror(3) */

	/* TODO(1단계): fstat으로 파일 크기(st_size)를 알아낸다. 반환값도 확인한다. fstat(2) */

	/* TODO(6단계): 파일이 UPDATE_LEN바이트보다 짧으면 ftruncate로 UPDATE_LEN바이트까지
	   늘리고, 늘린 길이로 매핑한다. ftruncate(2) */

	/* TODO(2단계): 파일 전체를 PROT_READ | PROT_WRITE, MAP_SHARED, 오프셋 0으로
	   매핑한다. mmap(2) */

	/* TODO(5단계): mmap이 실패하면(MAP_FAILED) 표준 오류에 알리고, 열어 둔 파일 기술자를
	   닫은 뒤 EXIT_FAILURE로 끝낸다. */

	/* TODO(2단계): 매핑의 처음 UPDATE_LEN바이트에 UPDATE를 복사한다. 끝의 '\0'까지
	   복사하면 안 된다. memcpy(3) */

	/* TODO(3단계): msync에 MS_SYNC를 주어 고친 내용이 디스크에 기록될 때까지 기다린다.
	   msync(2) */

	/* TODO(5단계): msync가 실패하면 표준 오류에 알리고, 매핑을 해제하고 파일 기술자를
	   닫은 뒤 EXIT_FAILURE로 끝낸다. 내용이 디스크에 기록되었다고 장담할 수 없기 때문이다. */

	/* TODO(4단계): mmap이 돌려준 주소와 같은 길이로 munmap을 호출해 매핑을 해제하고,
	   close로 파일 기술자를 닫는다. 둘 다 반환값을 확인한다. munmap(2), close(2) */

	return 0;
}
