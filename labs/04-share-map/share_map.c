/* share_map.c - mmaplab 4번 실습(share-map)의 시작 코드

   부모 프로세스(parent process)와 fork한 자식 프로세스(child process)가 파일의 공유 매핑
   하나를 함께 쓰고, 사적 매핑(private mapping)에서는 자식의 쓰기가 자식에게만 남는 것(쓰기 시
   복사)을 보이고, 익명 공유 매핑으로 자식의 계산 결과를 부모에게 돌려주는 프로그램을 완성한다.
   표준 출력에는 정확히 다음 다섯 줄만 쓴다(README.md의 "완성한 프로그램이 하는 일").

       File size is <st_size>
       parent sees: hello from child
       child sees: private edit 123
       parent still sees: <파일의 처음 16바이트>
       child counted <N> lines

   지금은 아무 일도 하지 않고 0으로 끝난다. 아래 TODO를 README.md의 단계 순서대로 채우고,
   단계마다 `make check STEP=n`으로 확인한다. */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* 자식이 매핑에 쓰는 16바이트. 끝의 '\0'은 쓰지 않는다. */
#define PAYLOAD_LEN 16
static const char greeting[] = "hello from child";
static const char private_edit[] = "private edit 123";

int main(int argc, char *argv[])
{
	/* 채점기는 `./share_map link.txt`로 실행한다. 인자가 없으면 link.txt를 연다. */
	const char *path = (argc > 1) ? argv[1] : "link.txt";
	(void) path;   /* 아직 쓰지 않는 변수라는 경고를 막는다. 1단계에서 path를 쓰면 지운다. */
	(void) greeting;
	(void) private_edit;

	/* TODO(1단계): path를 O_RDWR로 열고, fstat으로 크기를 알아내 "File size is <st_size>"를
	   출력한다. 파일이 PAYLOAD_LEN바이트보다 짧으면 표준 오류에 알리고 1로 끝낸다. 파일 전체를
	   PROT_READ | PROT_WRITE, MAP_SHARED, 오프셋 0으로 매핑한다. open(2), fstat(2), mmap(2) */

	/* TODO(2단계): fflush(stdout) 뒤에 fork한다. 자식은 공유 매핑의 처음 16바이트에 greeting을
	   복사하고 _exit(0)으로 끝난다. 부모는 waitpid로 자식을 기다리고, 자식이 정상적으로 0으로
	   끝났는지 확인한 뒤 "parent sees: " + 매핑의 처음 16바이트 + "\n"을 출력한다.
	   fork(2), waitpid(2), memcpy(3), fwrite(3) */

	/* TODO(3단계): 파일 전체를 PROT_READ | PROT_WRITE, MAP_PRIVATE로 다시 매핑한다.
	   fflush(stdout) 뒤에 fork한다. 자식은 사적 매핑에 private_edit를 복사하고
	   "child sees: " + 사적 매핑의 처음 16바이트를 출력한 뒤 fflush하고 _exit(0)으로 끝난다.
	   부모는 2단계처럼 기다린 뒤 "parent still sees: " + 자기 사적 매핑의 처음 16바이트를
	   출력한다. */

	/* TODO(4단계): unsigned long 하나를 PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS로
	   매핑한다. fflush(stdout) 뒤에 fork한다. 자식은 공유 파일 매핑 전체에서 '\n' 바이트를 세어
	   익명 매핑에 저장하고 _exit(0)으로 끝난다. 부모는 기다린 뒤 "child counted <N> lines"를
	   출력한다. */

	/* TODO(5단계): 부모가 세 매핑을 munmap으로 해제하고 파일 기술자를 닫는다. 모든 반환값을
	   확인한다. munmap(2), close(2) */

	/* TODO(6단계): 모든 시스템 호출(open, fstat, mmap, fork, waitpid)의 실패를 표준 오류에
	   알리고, 그때까지 만든 것을 정리한 뒤 EXIT_FAILURE로 끝낸다. fork가 -1을 돌려주면
	   기다릴 자식이 없다. perror(3) */

	return 0;
}
