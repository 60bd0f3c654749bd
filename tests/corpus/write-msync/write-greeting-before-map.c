/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=fail msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=fail
 * why: 매핑하기 전에 hello mmap!을 pwrite로 써 두고 매핑에는 쓰지 않는다. 매핑 전이라도 0이 아닌 바이트를 쓰는 것은 파일을 늘리기만 하는 것이 아니므로 content와, 짧은 파일에서 short-file이 실패해야 한다.
 */
/* write_msync.c - 파일을 메모리 매핑(memory mapping)해서 처음 11바이트를 "hello mmap!"으로
   바꾸고, msync로 디스크까지 동기화한다.

   사용법: ./write_msync [파일]   (파일을 주지 않으면 link.txt를 연다)

   파일이 11바이트보다 짧으면 ftruncate로 11바이트까지 늘린 뒤에 쓴다. 나머지 바이트와
   (11바이트 이상인 파일의) 크기는 바뀌지 않는다.

   mmaplab 2번 실습(write-msync)의 참고 답안이다. 모든 시스템 호출(system call)의
   반환값을 확인하고, 실패하면 어떤 호출이 왜 실패했는지 표준 오류에 알린 뒤
   EXIT_FAILURE로 끝난다. */

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
	const char *path = (argc > 1) ? argv[1] : "link.txt";

	/* PROT_WRITE로 공유 매핑(MAP_SHARED)을 만들려면 파일 기술자(file descriptor)가
	   읽기와 쓰기 모두 열려 있어야 한다. 매핑은 언제나 읽을 수 있어야 하므로
	   O_WRONLY로는 부족하고(mmap이 EACCES로 실패한다) O_RDWR로 연다. */
	int fd = open(path, O_RDWR);
	if (fd == -1) {
		fprintf(stderr, "open %s: %s\n", path, strerror(errno));
		return EXIT_FAILURE;
	}

	struct stat sb;
	if (fstat(fd, &sb) == -1) {
		perror("fstat");   /* close가 errno를 바꿀 수 있으므로 먼저 알린다 */
		close(fd);
		return EXIT_FAILURE;
	}
	printf("File size is %jd\n", (intmax_t) sb.st_size);

	/* 파일 끝(EOF)을 넘는 곳에 쓰면, 마지막 페이지의 나머지(0으로 채워진 부분)에 들어간
	   바이트는 파일에 반영되지 않고 조용히 사라지며, 통째로 EOF 뒤에 있는 페이지를
	   건드리면 SIGBUS를 받는다. 그래서 11바이트보다 짧은 파일은 먼저 ftruncate로 늘린다.
	   늘어난 부분은 0바이트로 채워지고, 곧바로 "hello mmap!"으로 덮어쓴다.
	   (빈 파일도 여기서 늘어나므로 길이 0으로 mmap을 호출하는 일은 없다.) */
	if ((uintmax_t) sb.st_size < UPDATE_LEN) {
		if (ftruncate(fd, (off_t) UPDATE_LEN) == -1) {
			perror("ftruncate");
			close(fd);
			return EXIT_FAILURE;
		}
		sb.st_size = (off_t) UPDATE_LEN;
		printf("Grew the file to %zu bytes\n", UPDATE_LEN);
	}

	/* 32비트 시스템에서는 off_t가 size_t보다 넓을 수 있으므로, 길이가 size_t에 들어가지
	   않는 파일은 한 번에 매핑할 수 없다. */
	if ((uintmax_t) sb.st_size > SIZE_MAX) {
		fprintf(stderr, "%s: file too large to map\n", path);
		close(fd);
		return EXIT_FAILURE;
	}
	size_t len = (size_t) sb.st_size;

	/* 쓴 내용이 파일에 반영되어야 하므로 사적 매핑(MAP_PRIVATE)이 아니라 공유 매핑
	   (MAP_SHARED)을 쓴다. 사적 매핑에 쓰면 그 페이지의 사본이 생길 뿐 파일은 그대로다. */
	if (pwrite(fd, UPDATE, UPDATE_LEN, 0) != (ssize_t) UPDATE_LEN) { perror("pwrite"); return EXIT_FAILURE; }
	char *map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return EXIT_FAILURE;
	}

	/* 메모리에 쓰듯이 파일에 쓴다. strcpy는 끝의 '\0'까지 12바이트를 써서 파일의 12번째
	   바이트를 망가뜨리므로, 정확히 11바이트만 memcpy로 복사한다. */
	/* 버그: 인사말은 이미 pwrite로 썼다 */
	printf("Wrote \"%s\" at offset 0\n", UPDATE);

	/* 공유 매핑에 쓴 내용은 msync 없이도 곧바로 페이지 캐시(page cache)에 있으므로 다른
	   프로세스가 read로 읽으면 보인다. 그러나 디스크에 언제 기록될지는 커널이 정한다.
	   MS_SYNC는 기록이 끝날 때까지 기다리고, 쓰기가 실패하면(EIO 등) 그 사실을 알려 준다.
	   MS_ASYNC는 기다리지 않으며 리눅스 2.6.19부터는 아무 일도 하지 않는다(고친 페이지는
	   커널이 이미 추적하다가 때가 되면 기록한다). 그래서 기록이 끝났는지도, 실패했는지도
	   알 수 없다.
	   msync의 주소는 페이지 경계여야 하는데, mmap이 돌려준 주소는 언제나 그렇다. */
	if (msync(map, len, MS_SYNC) == -1) {
		perror("msync");
		munmap(map, len);
		close(fd);
		return EXIT_FAILURE;
	}
	printf("Synced %zu bytes with MS_SYNC\n", len);

	/* 매핑을 해제할 때는 mmap이 돌려준 주소와 매핑한 길이를 그대로 넘긴다. */
	if (munmap(map, len) == -1) {
		perror("munmap");
		close(fd);
		return EXIT_FAILURE;
	}

	/* 매핑은 파일 기술자와 따로 유지되므로 mmap 직후에 닫아도 되지만, 여기서는 호출
	   순서를 알아보기 쉽도록 마지막에 닫는다. */
	if (close(fd) == -1) {
		perror("close");
		return EXIT_FAILURE;
	}

	return EXIT_SUCCESS;
}
