/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=fail munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass empty-file=pass
 * why: 출력은 매핑에서 읽어 맞게 하지만, 끝에 파일을 pread로 한 바이트 더 읽는다. 입력 파일을 시스템 호출로 읽었으므로 output만 실패해야 한다.
 */
/* read_map.c - 파일을 메모리 매핑(memory mapping)해서 바이트마다 위치와 함께 출력한다.

   사용법: ./read_map [파일]   (파일을 주지 않으면 link.txt를 연다)

   출력 형식:
       File size is N
       Found character C at I      (파일의 바이트마다 한 줄, I는 0부터 센다)

   mmaplab 1번 실습(read-map)의 참고 답안이다. 모든 시스템 호출(system call)의
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

int main(int argc, char *argv[])
{
	const char *path = (argc > 1) ? argv[1] : "link.txt";

	/* 읽기만 할 것이므로 O_RDONLY로 연다. O_CREAT를 주지 않았으므로 세 번째 인자(mode)는
	   의미가 없어 넘기지 않는다. */
	int fd = open(path, O_RDONLY);
	if (fd == -1) {
		fprintf(stderr, "open %s: %s\n", path, strerror(errno));
		return EXIT_FAILURE;
	}

	/* mmap에 넘길 길이는 파일 크기이므로 매핑하기 전에 fstat으로 알아 둔다.
	   fstat이 실패하면 st_size는 쓰레기 값이므로 반드시 반환값을 확인한다. */
	struct stat sb;
	if (fstat(fd, &sb) == -1) {
		perror("fstat");   /* close가 errno를 바꿀 수 있으므로 먼저 알린다 */
		close(fd);
		return EXIT_FAILURE;
	}

	/* off_t는 부호 있는 정수이고 크기가 시스템마다 다르므로 intmax_t로 바꿔 %jd로 찍는다. */
	printf("File size is %jd\n", (intmax_t) sb.st_size);

	/* 길이 0으로 mmap을 호출하면 EINVAL로 실패하므로 빈 파일은 매핑하지 않는다.
	   빈 파일은 오류가 아니라 출력할 바이트가 없는 정상 입력이다. */
	if (sb.st_size == 0) {
		if (close(fd) == -1) {
			perror("close");
			return EXIT_FAILURE;
		}
		return EXIT_SUCCESS;
	}

	/* 32비트 시스템에서는 off_t가 size_t보다 넓을 수 있으므로, 길이가 size_t에 들어가지
	   않는 파일은 한 번에 매핑할 수 없다. */
	if ((uintmax_t) sb.st_size > SIZE_MAX) {
		fprintf(stderr, "%s: file too large to map\n", path);
		close(fd);
		return EXIT_FAILURE;
	}
	size_t len = (size_t) sb.st_size;

	/* 읽기만 하므로 PROT_READ로 충분하다. MAP_SHARED는 파일의 페이지 캐시(page cache)를
	   그대로 보여 주므로 다른 프로세스가 파일을 고쳐도 그 내용이 보인다.
	   오프셋은 페이지 크기의 배수여야 하며, 파일 처음부터 매핑하므로 0이다. */
	char *map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(fd);
		return EXIT_FAILURE;
	}

	/* 매핑한 뒤에는 read 같은 시스템 호출 없이 메모리를 읽듯이 파일을 읽는다.
	   처음 건드리는 페이지에서는 페이지 폴트가 일어나 커널이 그 페이지를 채운다. */
	for (size_t i = 0; i < len; i++)
		printf("Found character %c at %zu\n", map[i], i);
	fflush(stdout);
	{ char probe[1]; if (pread(fd, probe, 1, 0) == -1) { perror("pread"); return EXIT_FAILURE; } }

	/* 매핑을 해제할 때는 mmap이 돌려준 주소와 매핑한 길이를 그대로 넘긴다. */
	if (munmap(map, len) == -1) {
		perror("munmap");
		close(fd);
		return EXIT_FAILURE;
	}

	/* 매핑은 파일 기술자(file descriptor)와 따로 유지되므로 mmap 직후에 닫아도 되지만,
	   여기서는 호출 순서를 알아보기 쉽도록 마지막에 닫는다. */
	if (close(fd) == -1) {
		perror("close");
		return EXIT_FAILURE;
	}

	/* printf는 버퍼에 모아 두었다가 쓰므로, 출력이 실패(디스크가 가득 찬 경우 등)했다면
	   여기서 비로소 드러난다. 실패한 출력을 성공으로 알리지 않도록 확인한다. */
	if (fflush(stdout) == EOF) {
		perror("write to stdout");
		return EXIT_FAILURE;
	}

	return EXIT_SUCCESS;
}
